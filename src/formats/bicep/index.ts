import type { Diagnostic } from '../../model/diagnostic.js';
import { lineLocation } from '../../model/location.js';
import type { FrontEnd, ParseContext, ParsedFile, Resource, SourceFile } from '../../model/resource.js';
import { paramFilesFor, paramValues } from './param-files.js';
import { TemplateEvaluator, type Instance, type TemplateContext } from './template.js';
import { parseUnit, UnitCache } from './unit.js';

export { parseBicep, type BicepParse } from './parser.js';
export type { Program } from './ast.js';

/** Files larger than this are not parsed (a diagnostic says so). */
const MAX_FILE_CHARS = 64 * 1024 * 1024;

function isParamFile(path: string): boolean {
  return path.toLowerCase().endsWith('.bicepparam');
}

/** Parses and evaluates one .bicep or .bicepparam file; the body of the front end's `parse`. */
export function parseBicepFile(file: SourceFile, ctx: ParseContext): ParsedFile {
  const format = isParamFile(file.path) ? 'bicepparam' : 'bicep';
  if (file.text.length > MAX_FILE_CHARS) {
    return {
      file: file.path, format, resources: [], comments: [],
      diagnostics: [{ code: 'FILE-TOO-LARGE', severity: 'warning', message: `file is larger than ${MAX_FILE_CHARS} characters; not parsed`, location: lineLocation(file.path, 1) }],
    };
  }
  const unit = parseUnit(file.text, file.path);
  const base: ParsedFile = { file: file.path, format, resources: [], diagnostics: [...unit.diagnostics], comments: unit.comments };
  if (format === 'bicepparam') return base;
  try {
    const cache = new UnitCache((p) => ctx.readFile(p));
    cache.put(unit);
    const tctx: TemplateContext = { cache, diagnostics: [] };
    // Each root evaluation (plain, or one per parameter file) gets its own module-instance budget.
    const instance = (): Omit<Instance, 'overrides'> => ({ unit, keySuffix: '', via: [], stack: [], conditional: false, loop: false, budget: { moduleInstances: 0 } });
    const paramFiles = paramFilesFor(file.path, (d) => ctx.listFiles(d), cache);
    const resources: Resource[] = [];
    if (paramFiles.length === 0) {
      resources.push(...new TemplateEvaluator({ ...instance(), overrides: new Map() }, tctx).run());
    } else {
      for (const pf of paramFiles) {
        const overrides = paramValues(pf, cache);
        resources.push(...new TemplateEvaluator({ ...instance(), overrides, keySuffix: `?${pf.file}` }, tctx).run());
      }
    }
    base.resources = resources;
    base.diagnostics.push(...dedupe(tctx.diagnostics));
  } catch (err) {
    // Evaluation must never take the scan down; report and keep the syntax results.
    base.diagnostics.push({
      code: 'BICEP-EVAL',
      severity: 'warning',
      message: `could not evaluate the template: ${err instanceof Error ? err.message : String(err)}`,
      location: lineLocation(file.path, 1),
    });
  }
  return base;
}

/** Evaluating once per parameter file repeats module warnings; keep one of each. */
function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.code}|${d.message}|${d.location.line}|${d.location.column}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The Bicep front end: `.bicep` templates (resources) and `.bicepparam` files (diagnostics and comments only). */
export const bicepFrontEnd: FrontEnd = {
  format: 'bicep',
  accepts: (path: string) => /\.(bicep|bicepparam)$/i.test(path),
  parse: (file: SourceFile, ctx: ParseContext) => parseBicepFile(file, ctx),
};
