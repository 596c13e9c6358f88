/**
 * ARM JSON front end: deployment templates (classic and languageVersion 2.0) and parameter files.
 * Templates are evaluated once per parameter file that goes with them (or with defaults when none).
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Location } from '../../model/location.js';
import type { FrontEnd, ParseContext, ParsedFile, Resource, SourceFile } from '../../model/resource.js';
import { armKind, isJsonPath } from './detect.js';
import { readJsonTree } from './json/read.js';
import { expressionSyntaxDiagnostic } from './expr/evaluate.js';
import { findParameterFiles, readParameterFile } from './template/paramFiles.js';
import { extractTemplate, symbolsOf } from './template/resources.js';
import { TemplateScope, type SuppliedParameters } from './template/scope.js';

export { parseExpression, classifyString } from './expr/parse.js';
export { evaluateExpressionText, evaluateString, evaluateValue, type EvalHost } from './expr/evaluate.js';
export { readJson, readJsonTree, type JsonRead, type JsonTree } from './json/read.js';
export { armKind } from './detect.js';

/** Reads one ARM file; never throws. */
export function parseArm(file: SourceFile, ctx: ParseContext): ParsedFile {
  try {
    return parseUnguarded(file, ctx);
  } catch (e) {
    const message = `The ARM file could not be read (${e instanceof Error ? e.message : String(e)}).`;
    const location: Location = { file: file.path, line: 1, column: 1, endLine: 1, endColumn: 1 };
    return { file: file.path, format: 'arm', resources: [], comments: [], diagnostics: [{ code: 'ARM-INTERNAL', severity: 'error', message, location }] };
  }
}

function parseUnguarded(file: SourceFile, ctx: ParseContext): ParsedFile {
  const kind = armKind(file.text);
  const expressionErrors: Diagnostic[] = [];
  const read = readJsonTree(file.path, file.text, (s, loc) => {
    const d = kind === 'parameters' ? undefined : expressionSyntaxDiagnostic(s, loc);
    if (d) expressionErrors.push(d);
  });
  const diagnostics = [...read.diagnostics, ...expressionErrors];
  const out: ParsedFile = { file: file.path, format: kind === 'parameters' ? 'arm-parameters' : 'arm', resources: [], diagnostics, comments: read.comments };
  if (kind === 'parameters') return out;
  const root = read.root;
  if (root?.kind !== 'object') {
    if (diagnostics.length === 0) {
      diagnostics.push({ code: 'ARM-TEMPLATE', severity: 'error', message: 'The template is not a JSON object.', location: root?.loc ?? read.span(0, 0) });
    }
    return out;
  }
  const report = dedupingReporter(diagnostics);
  const symbols = symbolsOf(root);
  const probe = new TemplateScope(file.path, root, undefined, symbols);
  const paramFiles = findParameterFiles(file.path, new Set(probe.parameterNames()), ctx);
  const runs: Array<{ supplied?: SuppliedParameters; suffix: string }> = [];
  for (const pf of paramFiles) {
    const text = ctx.readFile(pf);
    const supplied = text === undefined ? undefined : readParameterFile(pf, text);
    if (supplied) runs.push({ supplied, suffix: paramFiles.length > 1 ? `?${pf}` : '' });
  }
  if (runs.length === 0) runs.push({ suffix: '' });
  const resources: Resource[] = [];
  for (const run of runs) {
    const scope = run.supplied ? new TemplateScope(file.path, root, run.supplied, symbols) : probe;
    extractTemplate(root, scope, {
      hostFile: file.path,
      declFile: file.path,
      keyPrefix: '',
      keySuffix: run.suffix,
      via: [],
      depth: 0,
      linkChain: [file.path],
      parse: ctx,
      out: resources,
      report,
    });
  }
  out.resources = resources;
  // Bodies are evaluated later, when read; nothing they find is reported, so stop listening.
  report.seal();
  return out;
}

/** Evaluating once per parameter file repeats the same diagnostics (their messages name the place): keep one. */
function dedupingReporter(into: Diagnostic[]): ((d: Diagnostic) => void) & { seal(): void } {
  const seen = new Set<string>();
  let sealed = false;
  const report = (d: Diagnostic): void => {
    const key = `${d.code}|${d.message}`;
    if (sealed || seen.has(key)) return;
    seen.add(key);
    into.push(d);
  };
  return Object.assign(report, { seal: () => void (sealed = true) });
}

/** The ARM front end: accepts `.json` files whose `$schema` is a deployment template or parameters schema. */
export const armFrontEnd: FrontEnd = {
  format: 'arm',
  accepts: (path, text) => isJsonPath(path) && armKind(text) !== undefined,
  parse: parseArm,
};
