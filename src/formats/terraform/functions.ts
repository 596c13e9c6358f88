import type { Location } from '../../model/location.js';
import { V, toPlain, type Property, type Value } from '../../model/value.js';
import { asBool, asNumber, asString, firstUnknown, fromPlain, iterate, originOf, unknownFrom, valuesEqual } from './values.js';

type Fn = (args: Value[], loc: Location) => Value;

const bad = (name: string, loc: Location, why: string): Value => V.unknown(`${name}(): ${why}`, loc);

function str(name: string, f: (s: string) => string): Fn {
  return (args, loc) => {
    const s = args[0] && asString(args[0]);
    return s === undefined ? bad(name, loc, 'expects a string') : V.str(f(s), loc);
  };
}

function list(v: Value | undefined): Value[] | undefined {
  return v?.kind === 'array' ? v.items : undefined;
}

/** Terraform's format verbs that matter for configuration: %s %d %f %v %q %t %%. */
function format(args: Value[], loc: Location): Value {
  const spec = args[0] && asString(args[0]);
  if (spec === undefined) return bad('format', loc, 'first argument must be a string');
  let next = 1;
  let failed: string | undefined;
  const out = spec.replace(/%(%|[-+ #0]*\d*(?:\.\d+)?[sdfvqtbeEgGxXo])/g, (m, body: string) => {
    if (body === '%') return '%';
    const v = args[next++];
    if (v === undefined) {
      failed = 'not enough arguments';
      return m;
    }
    const verb = body[body.length - 1];
    const prec = /\.(\d+)/.exec(body);
    if (verb === 'd') return String(Math.trunc(asNumber(v) ?? NaN));
    if (verb === 'f') return (asNumber(v) ?? NaN).toFixed(prec ? Number(prec[1]) : 6);
    if (verb === 'q') return JSON.stringify(asString(v) ?? '');
    if (verb === 'v' && (v.kind === 'object' || v.kind === 'array')) return JSON.stringify(toPlain(v));
    return asString(v) ?? (v.kind === 'null' ? 'null' : JSON.stringify(toPlain(v)));
  });
  return failed ? bad('format', loc, failed) : V.str(out, loc);
}

function merge(args: Value[], loc: Location): Value {
  const props: Property[] = [];
  for (const a of args) {
    if (a.kind === 'null') continue;
    if (a.kind !== 'object') return bad('merge', loc, 'expects maps or objects');
    for (const p of a.properties) {
      const i = props.findIndex((q) => q.key === p.key);
      if (i >= 0) props.splice(i, 1);
      props.push(p);
    }
  }
  return V.obj(props, loc);
}

function lookup(args: Value[], loc: Location): Value {
  const [map, key, dflt] = args;
  const k = key && asString(key);
  if (map?.kind !== 'object' || k === undefined) return bad('lookup', loc, 'expects a map and a key');
  const found = map.properties.filter((p) => p.key === k).pop();
  if (found) return found.value;
  return dflt ?? bad('lookup', loc, `no key '${k}' and no default`);
}

function coalesce(args: Value[], loc: Location): Value {
  for (const a of args) {
    if (a.kind === 'unknown') return unknownFrom(a, loc);
    if (a.kind !== 'null' && !(a.kind === 'string' && a.value === '')) return a;
  }
  return bad('coalesce', loc, 'no non-empty argument');
}

function length(args: Value[], loc: Location): Value {
  const v = args[0];
  if (v?.kind === 'array') return V.num(v.items.length, loc);
  if (v?.kind === 'object') return V.num(v.properties.length, loc);
  if (v?.kind === 'string') return V.num([...(v.value as string)].length, loc);
  return bad('length', loc, 'expects a collection or string');
}

function toJson(args: Value[], loc: Location): Value {
  const plain = args[0] ? toPlain(args[0]) : undefined;
  return plain === undefined ? bad('jsonencode', loc, 'argument not fully known') : V.str(JSON.stringify(plain), loc);
}

function fromJson(args: Value[], loc: Location): Value {
  const s = args[0] && asString(args[0]);
  if (s === undefined) return bad('jsondecode', loc, 'expects a string');
  try {
    return fromPlain(JSON.parse(s), loc);
  } catch {
    return bad('jsondecode', loc, 'invalid JSON');
  }
}

const FUNCTIONS: Record<string, Fn> = {
  lower: str('lower', (s) => s.toLowerCase()),
  upper: str('upper', (s) => s.toUpperCase()),
  trimspace: str('trimspace', (s) => s.trim()),
  title: str('title', (s) => s.replace(/\b\w/g, (c) => c.toUpperCase())),
  tostring: (a, loc) => {
    if (a[0]?.kind === 'null') return V.nul(loc);
    const s = a[0] && asString(a[0]);
    return s === undefined ? bad('tostring', loc, 'cannot convert to string') : V.str(s, loc);
  },
  tonumber: (a, loc) => {
    if (a[0]?.kind === 'null') return V.nul(loc);
    const n = a[0] && asNumber(a[0]);
    return n === undefined ? bad('tonumber', loc, 'cannot convert to number') : V.num(n, loc);
  },
  tobool: (a, loc) => {
    if (a[0]?.kind === 'null') return V.nul(loc);
    const b = a[0] && asBool(a[0]);
    return b === undefined ? bad('tobool', loc, 'cannot convert to bool') : V.bool(b, loc);
  },
  format,
  join: (a, loc) => {
    const sep = a[0] && asString(a[0]);
    const parts: string[] = [];
    for (const l of a.slice(1)) for (const item of list(l) ?? []) parts.push(asString(item) ?? '');
    return sep === undefined ? bad('join', loc, 'expects a separator') : V.str(parts.join(sep), loc);
  },
  split: (a, loc) => {
    const [sep, s] = [a[0] && asString(a[0]), a[1] && asString(a[1])];
    if (sep === undefined || s === undefined) return bad('split', loc, 'expects two strings');
    return V.arr(s.split(sep).map((x) => V.str(x, loc)), loc);
  },
  replace: (a, loc) => {
    const [s, from, to] = a.map(asString);
    if (s === undefined || from === undefined || to === undefined) return bad('replace', loc, 'expects strings');
    return V.str(s.split(from).join(to), loc);
  },
  concat: (a, loc) => {
    const items: Value[] = [];
    for (const l of a) {
      const xs = list(l);
      if (!xs) return bad('concat', loc, 'expects lists');
      items.push(...xs);
    }
    return V.arr(items, loc);
  },
  merge,
  lookup,
  length,
  contains: (a, loc) => {
    const xs = list(a[0]);
    if (!xs || !a[1]) return bad('contains', loc, 'expects a list and a value');
    const u = firstUnknown(xs);
    if (u) return unknownFrom(u, loc);
    return V.bool(xs.some((x) => valuesEqual(x, a[1])), loc);
  },
  coalesce,
  jsonencode: toJson,
  jsondecode: fromJson,
  tolist: (a, loc) => (a[0]?.kind === 'array' ? { ...a[0], loc } : bad('tolist', loc, 'expects a list')),
  toset: (a, loc) => (a[0]?.kind === 'array' ? { ...a[0], loc } : bad('toset', loc, 'expects a list')),
  tomap: (a, loc) => (a[0]?.kind === 'object' ? { ...a[0], loc } : bad('tomap', loc, 'expects a map')),
  keys: (a, loc) => (a[0]?.kind === 'object' ? V.arr((iterate(a[0]) ?? []).map((e) => e.key), loc) : bad('keys', loc, 'expects a map')),
  values: (a, loc) => (a[0]?.kind === 'object' ? V.arr((iterate(a[0]) ?? []).map((e) => e.value), loc) : bad('values', loc, 'expects a map')),
  element: (a, loc) => {
    const xs = list(a[0]);
    const i = a[1] && asNumber(a[1]);
    if (!xs || i === undefined || xs.length === 0) return bad('element', loc, 'expects a non-empty list and an index');
    return xs[Math.trunc(i) % xs.length];
  },
  flatten: (a, loc) => {
    const out: Value[] = [];
    const walk = (v: Value, d: number): void => {
      if (v.kind === 'array' && d < 32) v.items.forEach((x) => walk(x, d + 1));
      else out.push(v);
    };
    if (a[0]?.kind !== 'array') return bad('flatten', loc, 'expects a list');
    walk(a[0], 0);
    return V.arr(out, loc);
  },
  distinct: (a, loc) => {
    const xs = list(a[0]);
    if (!xs) return bad('distinct', loc, 'expects a list');
    return V.arr(xs.filter((x, i) => xs.findIndex((y) => valuesEqual(x, y)) === i), loc);
  },
  min: (a, loc) => V.num(Math.min(...a.map((x) => asNumber(x) ?? NaN)), loc),
  max: (a, loc) => V.num(Math.max(...a.map((x) => asNumber(x) ?? NaN)), loc),
  abs: (a, loc) => V.num(Math.abs(asNumber(a[0] ?? V.nul(loc)) ?? NaN), loc),
  startswith: (a, loc) => V.bool((asString(a[0]) ?? '').startsWith(asString(a[1]) ?? '\u0000'), loc),
  endswith: (a, loc) => V.bool((asString(a[0]) ?? '').endsWith(asString(a[1]) ?? '\u0000'), loc),
  substr: (a, loc) => {
    const s = a[0] && asString(a[0]);
    const [off, len] = [a[1] && asNumber(a[1]), a[2] && asNumber(a[2])];
    if (s === undefined || off === undefined || len === undefined) return bad('substr', loc, 'expects a string, offset and length');
    return V.str(len < 0 ? s.slice(off) : s.slice(off, off + len), loc);
  },
};

/**
 * Unknowns that are really Terraform errors, which try() skips: a function rejecting its arguments, reading
 * an attribute or index of null, an attribute or key absent from a fully known object, an index out of range.
 */
const EVALUATION_ERROR = /^(\w+\(\): |cannot read attribute "[^"]*" of null|cannot index a null|no attribute "|no key "|index \S+ is out of range)/;

function isEvaluationError(reason: string): boolean {
  return EVALUATION_ERROR.test(reason);
}

/** Functions that decide for themselves what an unknown argument means. */
const UNKNOWN_AWARE = new Set(['coalesce', 'contains', 'try', 'can']);

/** Call a Terraform function on evaluated arguments; unknown inputs or unsupported functions give unknown. */
export function callFunction(name: string, args: Value[], loc: Location): Value {
  if (name === 'try') {
    // try() returns its first argument that evaluates without error; other unknowns mean "could not tell".
    const ok = args.find((a) => a.kind !== 'unknown' || !isEvaluationError(a.reason));
    return ok ?? bad('try', loc, 'no argument could be evaluated');
  }
  if (name === 'can') {
    const a = args[0];
    if (a === undefined || a.kind === 'unknown') return V.unknown('can(): result depends on unknown values', loc);
    return V.bool(true, loc);
  }
  const fn = FUNCTIONS[name];
  if (!fn) return V.unknown(`function ${name}() is not evaluated statically`, loc);
  if (!UNKNOWN_AWARE.has(name)) {
    const u = firstUnknown(args);
    if (u) return unknownFrom(u, loc);
  }
  const result = fn(args, loc);
  if (result.origin === undefined) {
    const origin = originOf(args);
    if (origin && result.loc === loc) result.origin = origin;
  }
  return result;
}
