import type { Diagnostic } from '../../model/diagnostic.js';
import type { LineIndex, Location } from '../../model/location.js';
import type { SourceComment } from '../../model/resource.js';
import type { Program } from './ast.js';
import { parseBicep } from './parser.js';

/** One parsed file, with what evaluation needs to make locations. */
export interface FileUnit {
  file: string;
  text: string;
  index: LineIndex;
  program: Program;
  diagnostics: Diagnostic[];
  comments: SourceComment[];
}

/** Parses a text into a FileUnit. */
export function parseUnit(text: string, file: string): FileUnit {
  const r = parseBicep(text, file);
  return { file, text, index: r.index, program: r.ast, diagnostics: r.diagnostics, comments: r.comments };
}

/** The Location of an offset range of a unit. */
export function locIn(unit: FileUnit, start: number, end: number): Location {
  return unit.index.location(unit.file, start, end);
}

/** Parsed files shared by one front-end call (modules and parameter files are read once). */
export class UnitCache {
  private readonly units = new Map<string, FileUnit | undefined>();
  constructor(private readonly read: (path: string) => string | undefined) {}

  /** The parsed file at a repository path, or undefined when it cannot be read. */
  get(path: string): FileUnit | undefined {
    if (this.units.has(path)) return this.units.get(path);
    const text = this.read(path);
    const unit = text === undefined ? undefined : sharedUnit(text, path);
    this.units.set(path, unit);
    return unit;
  }

  /** Adds a unit parsed elsewhere (the file being scanned). */
  put(unit: FileUnit): void {
    this.units.set(unit.file, unit);
  }
}

/**
 * Modules and parameter files are read again for every template that uses them; parsed units are kept across
 * front-end calls while their text is unchanged (a few hundred at most). Units are never mutated.
 */
const SHARED_MAX = 256;
const shared = new Map<string, FileUnit>();

function sharedUnit(text: string, path: string): FileUnit {
  const hit = shared.get(path);
  if (hit && hit.text === text) return hit;
  const unit = parseUnit(text, path);
  if (shared.size >= SHARED_MAX) shared.delete(shared.keys().next().value as string);
  shared.set(path, unit);
  return unit;
}
