import type { Value } from '../../model/value.js';
import { Evaluator } from './evaluator.js';
import { dirOf, resolveRelative } from './paths.js';
import type { FileUnit, UnitCache } from './unit.js';

const NO_HOST = { resourceName: () => undefined, readRelative: () => undefined, imported: () => undefined };

/** The template a .bicepparam file applies to (`using './main.bicep'`), as a repository path. */
export function usingTarget(unit: FileUnit): string | undefined {
  for (const s of unit.program.statements) {
    if (s.kind === 'using' && s.path !== undefined) return resolveRelative(unit.file, s.path);
  }
  return undefined;
}

/** The .bicepparam files beside a template whose `using` points at it, in path order. */
export function paramFilesFor(template: string, listFiles: (dir: string) => string[], cache: UnitCache): FileUnit[] {
  let files: string[];
  try {
    files = listFiles(dirOf(template));
  } catch {
    return [];
  }
  const out: FileUnit[] = [];
  for (const f of [...files].sort()) {
    if (!f.toLowerCase().endsWith('.bicepparam')) continue;
    const unit = cache.get(f);
    if (unit && usingTarget(unit) === template) out.push(unit);
  }
  return out;
}

/**
 * The parameter values a .bicepparam file sets (values located in that file), with those of the file it
 * `extends` underneath. `seen` guards against extends cycles.
 */
export function paramValues(unit: FileUnit, cache: UnitCache, seen: string[] = []): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const s of unit.program.statements) {
    if (s.kind !== 'extends') continue;
    const base = resolveRelative(unit.file, s.path);
    if (base === undefined || seen.includes(base) || seen.length > 8) continue;
    const baseUnit = cache.get(base);
    if (baseUnit) for (const [k, v] of paramValues(baseUnit, cache, [...seen, unit.file])) out.set(k, v);
  }
  const ev = new Evaluator(unit, new Map(), NO_HOST);
  for (const [name, decl] of ev.params) if (decl.value) out.set(name, ev.paramValue(name));
  return out;
}
