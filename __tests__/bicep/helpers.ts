import type { ParseContext, ParsedFile, Resource } from '../../src/model/resource.js';
import { plainLocation, type Location } from '../../src/model/location.js';
import { bicepFrontEnd } from '../../src/formats/bicep/index.js';

/** A ParseContext over an in-memory repository. */
export function memoryContext(files: Record<string, string>): ParseContext {
  return {
    readFile: (p) => files[p],
    listFiles: (dir) => Object.keys(files).filter((f) => (f.lastIndexOf('/') < 0 ? '' : f.slice(0, f.lastIndexOf('/'))) === dir),
  };
}

/** Runs the front end on one file of an in-memory repository. */
export function run(files: Record<string, string>, path: string): ParsedFile {
  return bicepFrontEnd.parse({ path, text: files[path] }, memoryContext(files));
}

/** The resource with this key (fails loudly when missing). */
export function byKey(parsed: ParsedFile, key: string): Resource {
  const r = parsed.resources.find((x) => x.key === key);
  if (!r) throw new Error(`no resource ${key}; have ${parsed.resources.map((x) => x.key).join(', ')}`);
  return r;
}

/** [line, column, endLine, endColumn] of a location. */
export function span(loc: Location | undefined): number[] {
  if (!loc) return [];
  const p = plainLocation(loc);
  return [p.line, p.column, p.endLine, p.endColumn];
}
