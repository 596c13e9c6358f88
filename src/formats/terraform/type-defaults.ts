import { V, type Property, type Value } from '../../model/value.js';
import type { Expr } from './ast.js';
import { evaluate } from './eval.js';
import type { Env } from './scope.js';

/** Type constraints nest rarely more than a handful deep; this bounds pathological input. */
const MAX_DEPTH = 64;

function unwrap(e: Expr): Expr {
  let cur = e;
  while (cur.type === 'paren') cur = cur.inner;
  return cur;
}

/** The attribute name an object-type key is written as: `name = string` or `"name" = string`. */
function keyName(e: Expr): string | undefined {
  const k = unwrap(e);
  if (k.type === 'variable') return k.name;
  if (k.type === 'literal' && typeof k.value === 'string') return k.value;
  if (k.type === 'template' && k.parts.length === 1 && k.parts[0].kind === 'literal') return k.parts[0].value;
  return undefined;
}

/**
 * Apply the defaults of `optional(type, default)` attributes in a variable's type constraint to its value,
 * as Terraform does before the module sees it: `object({ action = optional(string, "Deny") })` with the
 * value `{}` becomes `{ action = "Deny" }`, and a bare `optional(type)` attribute becomes null. Recurses
 * through object, map, list, set and tuple types. Values that are unknown or null are left alone.
 */
export function applyTypeDefaults(type: Expr, value: Value, env: Env, depth = 0): Value {
  if (depth > MAX_DEPTH || value.kind === 'unknown' || value.kind === 'null') return value;
  const t = unwrap(type);
  if (t.type !== 'call') return value;
  const arg = t.args[0] ? unwrap(t.args[0]) : undefined;
  switch (t.name) {
    case 'optional':
      return arg ? applyTypeDefaults(arg, value, env, depth + 1) : value;
    case 'map':
      if (!arg || value.kind !== 'object') return value;
      return { ...value, properties: value.properties.map((p) => ({ ...p, value: applyTypeDefaults(arg, p.value, env, depth + 1) })) };
    case 'list':
    case 'set':
      if (!arg || value.kind !== 'array') return value;
      return { ...value, items: value.items.map((v) => applyTypeDefaults(arg, v, env, depth + 1)) };
    case 'tuple':
      if (!arg || arg.type !== 'tuple' || value.kind !== 'array') return value;
      return { ...value, items: value.items.map((v, i) => (arg.items[i] ? applyTypeDefaults(arg.items[i], v, env, depth + 1) : v)) };
    case 'object':
      if (!arg || arg.type !== 'object' || value.kind !== 'object') return value;
      return objectDefaults(arg, value, env, depth);
    default:
      return value;
  }
}

function objectDefaults(type: Extract<Expr, { type: 'object' }>, value: Extract<Value, { kind: 'object' }>, env: Env, depth: number): Value {
  const properties: Property[] = [...value.properties];
  for (const item of type.items) {
    const name = keyName(item.key);
    if (name === undefined) continue;
    const attrType = unwrap(item.value);
    const at = properties.findIndex((p) => p.key === name);
    if (at >= 0) {
      properties[at] = { ...properties[at], value: applyTypeDefaults(attrType, properties[at].value, env, depth + 1) };
      continue;
    }
    // Only optional attributes get a value when absent; a missing required one is Terraform's error to report.
    if (attrType.type !== 'call' || attrType.name !== 'optional') continue;
    const keyLoc = env.unit.lines.location(env.unit.file, item.key.start, item.key.end);
    const dflt = attrType.args[1];
    const inner = attrType.args[0];
    const filled = dflt ? evaluate(dflt, env) : V.nul(keyLoc);
    properties.push({ key: name, keyLoc, value: inner ? applyTypeDefaults(inner, filled, env, depth + 1) : filled });
  }
  return { ...value, properties };
}
