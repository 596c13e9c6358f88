/** Finds and reads the parameter files that go with a template. */
import type { ParseContext } from '../../../model/resource.js';
import type { Value } from '../../../model/value.js';
import { getProperty } from '../../../model/value.js';
import { isParametersText } from '../detect.js';
import { withOriginSet } from '../expr/values.js';
import { readJson } from '../json/read.js';
import type { SuppliedParameters } from './scope.js';

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}
function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
function stem(name: string): string {
  return name.replace(/\.jsonc?$/i, '');
}

/**
 * Parameter files for a template, sorted: `X.parameters.json`, `X.parameters.*.json`, and any other
 * parameter file in the folder with "param" in its name, not named after another template, that sets
 * only parameters the template declares.
 */
export function findParameterFiles(templatePath: string, declared: ReadonlySet<string>, ctx: ParseContext): string[] {
  const dir = dirOf(templatePath);
  const base = stem(baseOf(templatePath)).toLowerCase();
  let files: string[];
  try {
    files = ctx.listFiles(dir);
  } catch {
    return [];
  }
  const names = new Set(files.map((f) => baseOf(f).toLowerCase()));
  const found: string[] = [];
  for (const f of files) {
    const name = baseOf(f).toLowerCase();
    if (f === templatePath || !/\.jsonc?$/.test(name)) continue;
    const m = /^(.*)\.parameters(\..*)?\.jsonc?$/.exec(name);
    if (m && m[1] === base) {
      found.push(f);
      continue;
    }
    // Named after another template in this folder: it belongs to that one.
    if (m && (names.has(`${m[1]}.json`) || names.has(`${m[1]}.jsonc`))) continue;
    if (!name.includes('param') || declared.size === 0) continue;
    const text = ctx.readFile(f);
    if (text === undefined || !isParametersText(text)) continue;
    const given = readParameterFile(f, text);
    if (given && given.size > 0 && [...given.keys()].every((k) => declared.has(k))) found.push(f);
  }
  return found.sort();
}

/** `${AZURE_LOCATION}` or `${USE_APIM=false}`: filled in from the environment when azd deploys. */
const PLACEHOLDER_RE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:=[^}]*)?\}/;

/**
 * The value with every string holding an environment placeholder made unknown: azd substitutes them at
 * deployment, so the text in the file is not the value Azure receives.
 */
function withoutPlaceholders(v: Value, param: string): Value {
  if (v.kind === 'string' && typeof v.value === 'string') {
    const m = PLACEHOLDER_RE.exec(v.value);
    if (m) return { kind: 'unknown', reason: `parameter '${param}' is set from the environment variable ${m[1]} at deployment`, loc: v.loc };
    return v;
  }
  if (v.kind === 'object') return { ...v, properties: v.properties.map((p) => ({ ...p, value: withoutPlaceholders(p.value, param) })) };
  if (v.kind === 'array') return { ...v, items: v.items.map((i) => withoutPlaceholders(i, param)) };
  return v;
}

/** The values a parameter file sets, by lower-case name; Key Vault references and azd placeholders are unknown. */
export function readParameterFile(path: string, text: string): SuppliedParameters | undefined {
  const read = readJson(path, text);
  const params = read.root?.kind === 'object' ? getProperty(read.root, 'parameters')?.value : undefined;
  if (params?.kind !== 'object') return undefined;
  const out: SuppliedParameters = new Map();
  for (const p of params.properties) {
    if (p.value.kind !== 'object') continue;
    const value = getProperty(p.value, 'value')?.value;
    let v: Value | undefined = value && withoutPlaceholders(value, p.key);
    if (!v && getProperty(p.value, 'reference')) v = { kind: 'unknown', reason: `parameter '${p.key}' is a Key Vault secret reference`, loc: p.value.loc };
    if (v) out.set(p.key.toLowerCase(), withOriginSet(v, { via: `parameters('${p.key}')`, location: v.loc }));
  }
  return out;
}
