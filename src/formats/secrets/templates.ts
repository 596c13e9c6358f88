/**
 * The template pass of the secret scanner: Bicep and ARM parameters and outputs, which the resource model
 * does not carry. Finds `@secure()` / securestring parameters with a default, secret-named plain parameters
 * with a literal default, and outputs that hand out keys (`list*()` calls, secure parameters).
 */
import type { Location } from '../../model/location.js';
import { LineIndex } from '../../model/location.js';
import { getProperty, type ObjectValue, type Value } from '../../model/value.js';
import { readJson } from '../arm/index.js';
import type { Decorator, Expr, Program } from '../bicep/ast.js';
import { parseBicep } from '../bicep/index.js';
import { isSecretName, looksLikeSecretValue } from './assignments.js';
import { redact } from './redact.js';

/** What the template pass found; `found` is already safe to show (redacted or descriptive). */
export interface TemplateFinding {
  what: 'secure-parameter-default' | 'leaking-output' | 'secret-parameter-default';
  /** Parameter or output name. */
  name: string;
  nameLoc: Location;
  valueLoc: Location;
  found: string;
}

/** Bicep decorators by name, with or without the `sys.` namespace. */
function hasDecorator(decorators: Decorator[], name: string): boolean {
  return decorators.some((d) => d.name === name || d.name === `sys.${name}`);
}

/** Nodes below an expression, depth-first, without recursion (the parser already bounds nesting). */
function* nodes(root: Expr): Generator<Expr> {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const n = stack.pop();
    if (Array.isArray(n)) {
      for (const x of n) stack.push(x);
      continue;
    }
    if (n === null || typeof n !== 'object') continue;
    const node = n as Record<string, unknown>;
    if (typeof node.kind === 'string') yield node as unknown as Expr;
    for (const [k, v] of Object.entries(node)) if (k !== 'decorators' && v !== null && typeof v === 'object') stack.push(v);
  }
}

/** Why an output expression hands out a secret, or undefined when it does not. */
function bicepLeak(value: Expr, secureParams: Set<string>): string | undefined {
  for (const n of nodes(value)) {
    if (n.kind === 'call' && /^list/i.test(n.name)) return `${n.name}()`;
    if (n.kind === 'ident' && secureParams.has(n.name)) return `secure parameter '${n.name}'`;
  }
  return undefined;
}

/** Is a secure parameter's default harmless: empty, or a fresh `newGuid()`? */
function harmlessBicepDefault(value: Expr): boolean {
  if (value.kind === 'string') return value.value === '';
  if (value.kind === 'object') return value.items.length === 0;
  for (const n of nodes(value)) if (n.kind === 'call' && n.name === 'newGuid') return true;
  return false;
}

/** Parameters and outputs of one Bicep file that leak or embed secrets. */
export function bicepTemplateFindings(file: string, text: string): TemplateFinding[] {
  const index = new LineIndex(text);
  let program: Program;
  try {
    program = parseBicep(text, file, index).ast;
  } catch {
    return []; // the Bicep front end reports the file's problems; this pass only adds what it can read
  }
  const loc = (start: number, end: number): Location => index.location(file, start, end);
  const out: TemplateFinding[] = [];
  const secureParams = new Set<string>();
  for (const s of program.statements) {
    if (!('kind' in s) || s.kind !== 'param') continue;
    const secure = hasDecorator(s.decorators, 'secure');
    if (secure) secureParams.add(s.name);
    if (s.value === undefined) continue;
    const nameLoc = loc(s.nameStart, s.nameEnd);
    const valueLoc = loc(s.value.start, s.value.end);
    if (secure && !harmlessBicepDefault(s.value)) {
      const found = s.value.kind === 'string' ? redact(s.value.value) : 'a computed value';
      out.push({ what: 'secure-parameter-default', name: s.name, nameLoc, valueLoc, found });
    } else if (!secure && s.value.kind === 'string' && isSecretName(s.name) && looksLikeSecretValue(s.value.value)) {
      out.push({ what: 'secret-parameter-default', name: s.name, nameLoc, valueLoc, found: redact(s.value.value) });
    }
  }
  for (const s of program.statements) {
    if (!('kind' in s) || s.kind !== 'output' || hasDecorator(s.decorators, 'secure')) continue;
    const why = bicepLeak(s.value, secureParams);
    if (why) out.push({ what: 'leaking-output', name: s.name, nameLoc: loc(s.nameStart, s.nameEnd), valueLoc: loc(s.value.start, s.value.end), found: why });
  }
  return out;
}

const SECURE_TYPES = new Set(['securestring', 'secureobject']);
const ARM_SCHEMA = /deploymentTemplate\.json/i;

function str(v: Value | undefined): string | undefined {
  return v?.kind === 'string' ? (v.value as string) : undefined;
}

function isHarmlessArmDefault(v: Value): boolean {
  if (v.kind === 'string') return v.value === '' || /^\[\s*newGuid\(\s*\)\s*\]$/i.test(v.value as string);
  if (v.kind === 'object') return v.properties.length === 0;
  return v.kind === 'null';
}

/** Why an ARM output value hands out a secret, or undefined. */
function armLeak(value: Value, secureParams: Set<string>): string | undefined {
  const stack: Value[] = [value];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (v.kind === 'object') v.properties.forEach((p) => stack.push(p.value));
    else if (v.kind === 'array') v.items.forEach((i) => stack.push(i));
    else if (v.kind === 'string' && (v.value as string).startsWith('[')) {
      const expr = v.value as string;
      const list = /(?:^|[^A-Za-z0-9_.])(list[A-Za-z0-9]{0,60})\s{0,4}\(/i.exec(expr);
      if (list) return `${list[1]}()`;
      for (const m of expr.matchAll(/parameters\(\s{0,4}'([^']{1,200})'\s{0,4}\)/gi)) {
        if (secureParams.has(m[1].toLowerCase())) return `secure parameter '${m[1]}'`;
      }
    }
  }
  return undefined;
}

/** Parameters and outputs of one ARM template that leak or embed secrets. */
export function armTemplateFindings(file: string, text: string): TemplateFinding[] {
  if (!ARM_SCHEMA.test(text.slice(0, 4096))) return [];
  const root = readJson(file, text).root;
  if (root?.kind !== 'object' || !ARM_SCHEMA.test(str(getProperty(root, '$schema')?.value) ?? '')) return [];
  const out: TemplateFinding[] = [];
  const secureParams = new Set<string>();
  const params = getProperty(root, 'parameters')?.value;
  for (const p of params?.kind === 'object' ? params.properties : []) {
    if (p.value.kind !== 'object') continue;
    const type = str(getProperty(p.value, 'type')?.value)?.toLowerCase() ?? '';
    const secure = SECURE_TYPES.has(type);
    if (secure) secureParams.add(p.key.toLowerCase());
    const def = getProperty(p.value, 'defaultValue');
    if (!def || !secure || isHarmlessArmDefault(def.value)) continue;
    const found = def.value.kind === 'string' && !(def.value.value as string).startsWith('[') ? redact(def.value.value as string) : 'a computed value';
    out.push({ what: 'secure-parameter-default', name: p.key, nameLoc: def.keyLoc, valueLoc: def.value.loc, found });
  }
  const outputs = getProperty(root, 'outputs')?.value;
  for (const o of outputs?.kind === 'object' ? outputs.properties : []) {
    if (o.value.kind !== 'object') continue;
    if (SECURE_TYPES.has(str(getProperty(o.value, 'type')?.value)?.toLowerCase() ?? '')) continue;
    const value = getProperty(o.value as ObjectValue, 'value');
    const why = value ? armLeak(value.value, secureParams) : undefined;
    if (value && why) out.push({ what: 'leaking-output', name: o.key, nameLoc: value.keyLoc, valueLoc: value.value.loc, found: why });
  }
  return out;
}
