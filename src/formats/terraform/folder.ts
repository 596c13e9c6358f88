import { LineIndex } from '../../model/location.js';
import type { ParseContext } from '../../model/resource.js';
import type { Value } from '../../model/value.js';
import { attributeOf, blocksOf, type Block } from './ast.js';
import { evaluate } from './eval.js';
import { parseTerraformJson } from './json-syntax.js';
import { parseHclSyntax, type HclSyntax } from './parser.js';
import { applyTypeDefaults } from './type-defaults.js';
import type { Env, ModuleScope, SourceUnit } from './scope.js';
import { fromVarsFile } from './values.js';

/** One parsed .tf / .tfvars file. */
export interface LoadedFile {
  unit: SourceUnit;
  syntax: HclSyntax;
}

/** Is this a Terraform configuration file (native `.tf` or JSON `.tf.json`)? */
export function isConfigFile(path: string): boolean {
  return path.endsWith('.tf') || path.endsWith('.tf.json');
}

/** Is this a variable definitions file (`.tfvars` or `.tfvars.json`)? */
export function isVarsFile(path: string): boolean {
  return path.endsWith('.tfvars') || path.endsWith('.tfvars.json');
}

/** The syntax tree of a file, in whichever syntax its name says. */
function syntaxOf(path: string, text: string): HclSyntax {
  if (path.endsWith('.tf.json')) return parseTerraformJson(text);
  if (path.endsWith('.tfvars.json')) return parseTerraformJson(text, true);
  return parseHclSyntax(text);
}

/** Strip a byte-order mark so columns match what editors show. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// Sibling files are read again for every file of a folder; a small least-recently-used cache, bounded by
// total text size (syntax trees take several times the text), keeps that linear for ordinary folders.
const CACHE_CHARS = 4 * 1024 * 1024;
const cache = new Map<string, { text: string; file: LoadedFile }>();
let cachedChars = 0;

/** Parse a file, reusing the previous parse when the same path has the same text. */
export function loadFile(path: string, rawText: string): LoadedFile {
  const text = withoutBom(rawText);
  const hit = cache.get(path);
  if (hit && hit.text === text) {
    cache.delete(path);
    cache.set(path, hit);
    return hit.file;
  }
  const file: LoadedFile = { unit: { file: path, lines: new LineIndex(text) }, syntax: syntaxOf(path, text) };
  if (hit) {
    cache.delete(path);
    cachedChars -= hit.text.length;
  }
  if (text.length <= CACHE_CHARS / 4) {
    cache.set(path, { text, file });
    cachedChars += text.length;
    for (const [k, v] of cache) {
      if (cachedChars <= CACHE_CHARS) break;
      cache.delete(k);
      cachedChars -= v.text.length;
    }
  }
  return file;
}

/** Folder part of a repository-relative path ('' for the root). */
export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Join and normalise `dir` + relative `rel`; undefined when it leaves the repository. */
export function resolveRelative(dir: string, rel: string): string | undefined {
  const out: string[] = dir === '' ? [] : dir.split('/');
  for (const part of rel.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

/** The .tf files of a folder, parsed (the file being parsed is taken as given, not re-read). */
export function loadFolder(dir: string, ctx: ParseContext, given?: { path: string; text: string }): LoadedFile[] {
  const out: LoadedFile[] = [];
  let paths: string[] = [];
  try {
    paths = ctx.listFiles(dir).filter((p) => isConfigFile(p) && dirOf(p) === dir);
  } catch {
    paths = [];
  }
  if (given && !paths.includes(given.path)) paths.push(given.path);
  for (const p of paths.sort()) {
    const text = given && p === given.path ? given.text : safeRead(ctx, p);
    if (text !== undefined) out.push(loadFile(p, text));
  }
  return out;
}

function safeRead(ctx: ParseContext, path: string): string | undefined {
  try {
    return ctx.readFile(path);
  } catch {
    return undefined;
  }
}

function emptyEnv(scope: ModuleScope, unit: SourceUnit): Env {
  return { scope, unit, depth: 0 };
}

/** Top-level blocks of the given type in every file, with their file. */
export function blocksIn(files: LoadedFile[], type: string): { block: Block; file: LoadedFile }[] {
  const out: { block: Block; file: LoadedFile }[] = [];
  for (const f of files) for (const b of blocksOf(f.syntax.body, type)) out.push({ block: b, file: f });
  return out;
}

/**
 * Values for the root module's variables from .tfvars files in its folder. Terraform applies
 * terraform.tfvars, then *.auto.tfvars in name order (later wins). Other .tfvars files are only passed with
 * -var-file, so we cannot know which applies: we use them only for variables that have no default and no
 * value from the automatic files, taking the first such file in name order that sets the variable.
 */
export function tfvarsValues(dir: string, ctx: ParseContext, scope: ModuleScope): { auto: Map<string, Value>; candidates: Map<string, Value> } {
  const auto = new Map<string, Value>();
  const candidates = new Map<string, Value>();
  let paths: string[] = [];
  try {
    paths = ctx.listFiles(dir).filter((p) => isVarsFile(p) && dirOf(p) === dir).sort();
  } catch {
    paths = [];
  }
  const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
  // terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json) in name order.
  const autoOrder = [
    ...['terraform.tfvars', 'terraform.tfvars.json'].flatMap((name) => paths.filter((p) => base(p) === name)),
    ...paths.filter((p) => base(p).endsWith('.auto.tfvars') || base(p).endsWith('.auto.tfvars.json')),
  ];
  const others = paths.filter((p) => !autoOrder.includes(p));
  const read = (p: string, into: Map<string, Value>, overwrite: boolean): void => {
    const text = safeRead(ctx, p);
    if (text === undefined) return;
    const f = loadFile(p, text);
    const env = emptyEnv({ ...scope, vars: new Map(), locals: new Map() }, f.unit);
    for (const item of f.syntax.body.items) {
      if (item.kind !== 'attribute' || (!overwrite && into.has(item.name))) continue;
      into.set(item.name, fromVarsFile(evaluate(item.expr, env), item.name));
    }
  };
  for (const p of autoOrder) read(p, auto, true);
  for (const p of others) read(p, candidates, false);
  return { auto, candidates };
}

/**
 * Build the scope of a module folder: variables (from `inputs` for a called module, else defaults and
 * .tfvars for the root), locals, and which file declares each resource address.
 */
export function buildScope(dir: string, files: LoadedFile[], ctx: ParseContext, inputs?: Map<string, Value>): ModuleScope {
  const scope: ModuleScope = { dir, vars: new Map(), locals: new Map(), symbols: new Map() };
  const noVars: ModuleScope = { ...scope, vars: new Map(), locals: new Map() };
  for (const { block, file } of blocksIn(files, 'variable')) {
    const name = block.labels[0]?.value;
    if (!name) continue;
    const dflt = attributeOf(block.body, 'default');
    scope.vars.set(name, dflt ? evaluate(dflt.expr, emptyEnv(noVars, file.unit)) : undefined);
  }
  if (inputs) {
    for (const [name, v] of inputs) if (scope.vars.has(name)) scope.vars.set(name, v);
  } else {
    const { auto, candidates } = tfvarsValues(dir, ctx, scope);
    for (const [name, v] of auto) if (scope.vars.has(name)) scope.vars.set(name, v);
    for (const [name, v] of candidates) if (scope.vars.has(name) && scope.vars.get(name) === undefined) scope.vars.set(name, v);
  }
  // Terraform fills optional() attribute defaults from the type constraint into whatever value was given.
  for (const { block, file } of blocksIn(files, 'variable')) {
    const name = block.labels[0]?.value;
    const type = attributeOf(block.body, 'type');
    const v = name === undefined ? undefined : scope.vars.get(name);
    if (name !== undefined && type && v) scope.vars.set(name, applyTypeDefaults(type.expr, v, emptyEnv(noVars, file.unit)));
  }
  for (const { block, file } of blocksIn(files, 'locals')) {
    for (const item of block.body.items) {
      if (item.kind === 'attribute') scope.locals.set(item.name, { expr: item.expr, unit: file.unit });
    }
  }
  for (const f of files) {
    for (const b of f.syntax.body.items) {
      if (b.kind !== 'block' || b.labels.length < 2) continue;
      if (b.type === 'resource') scope.symbols.set(`${b.labels[0].value}.${b.labels[1].value}`, f.unit.file);
      if (b.type === 'data') scope.symbols.set(`data.${b.labels[0].value}.${b.labels[1].value}`, f.unit.file);
    }
  }
  return scope;
}
