import type { Diagnostic } from '../../model/diagnostic.js';
import { LineIndex } from '../../model/location.js';
import type { FrontEnd, ParseContext, ParsedFile, SourceComment, SourceFile } from '../../model/resource.js';
import type { Body } from './ast.js';
import { buildScope, dirOf, isConfigFile, isVarsFile, loadFile, loadFolder, withoutBom, type LoadedFile } from './folder.js';
import { emitFile, type EmitState } from './modules.js';
import { parseHclSyntax } from './parser.js';

export type { Body } from './ast.js';

function diagnosticsOf(f: LoadedFile): Diagnostic[] {
  return f.syntax.problems.map((p) => ({
    code: 'HCL-SYNTAX',
    severity: 'error',
    message: p.message,
    location: f.unit.lines.location(f.unit.file, p.start, p.end),
  }));
}

function commentsOf(f: LoadedFile): SourceComment[] {
  return f.syntax.comments.map((c) => ({ text: c.text, loc: f.unit.lines.location(f.unit.file, c.start, c.end) }));
}

/** Parse HCL text on its own (no evaluation): syntax tree, HCL-SYNTAX diagnostics and comments. Never throws. */
export function parseHcl(text: string, file: string): { ast: Body; diagnostics: Diagnostic[]; comments: SourceComment[] } {
  const clean = withoutBom(text);
  const f: LoadedFile = { unit: { file, lines: new LineIndex(clean) }, syntax: parseHclSyntax(clean) };
  return { ast: f.syntax.body, diagnostics: diagnosticsOf(f), comments: commentsOf(f) };
}

function parseTerraform(source: SourceFile, ctx: ParseContext): ParsedFile {
  const file = loadFile(source.path, source.text);
  const out: ParsedFile = { file: source.path, format: 'terraform', resources: [], diagnostics: diagnosticsOf(file), comments: commentsOf(file) };
  if (isVarsFile(source.path)) return out;
  // The root module is the folder: variables and locals may be declared in sibling files.
  const dir = dirOf(source.path);
  const files = loadFolder(dir, ctx, { path: source.path, text: source.text });
  const scope = buildScope(dir, files, ctx);
  const state: EmitState = { ctx, resources: out.resources, diagnostics: out.diagnostics, chain: [dir] };
  emitFile(file, { env: { scope, unit: file.unit, depth: 0 }, keySuffix: '' }, state);
  return out;
}

/**
 * The Terraform front end: `.tf` and `.tf.json` files become resources (azurerm, azapi, azuread); `.tfvars`
 * and `.tfvars.json` are checked for syntax.
 */
export const terraformFrontEnd: FrontEnd = {
  format: 'terraform',
  accepts(path: string): boolean {
    return isConfigFile(path) || isVarsFile(path);
  },
  parse(source: SourceFile, ctx: ParseContext): ParsedFile {
    try {
      return parseTerraform(source, ctx);
    } catch (e) {
      // Defensive: the parser and evaluator are written not to throw; if they do, report instead of failing the run.
      return {
        file: source.path,
        format: 'terraform',
        resources: [],
        diagnostics: [
          {
            code: 'HCL-INTERNAL',
            severity: 'error',
            message: `Internal error while reading this Terraform file: ${e instanceof Error ? e.message : String(e)}`,
            location: { file: source.path, line: 1, column: 1, endLine: 1, endColumn: 1 },
          },
        ],
        comments: [],
      };
    }
  },
};
