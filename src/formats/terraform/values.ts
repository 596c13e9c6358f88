import type { Location } from '../../model/location.js';
import { V, toPlain, type Origin, type Value } from '../../model/value.js';

/** The first unknown among values, if any (its reason explains the result). */
export function firstUnknown(values: readonly Value[]): Value | undefined {
  return values.find((v) => v.kind === 'unknown');
}

/** An unknown at `loc` that keeps the reason and reference of `cause`. */
export function unknownFrom(cause: Value, loc: Location): Value {
  if (cause.kind !== 'unknown') return V.unknown('unknown', loc);
  const u = V.unknown(cause.reason, loc, cause.ref);
  if (cause.origin) u.origin = cause.origin;
  return u;
}

/** The first origin among the inputs of a derived value. */
export function originOf(values: readonly (Value | undefined)[]): Origin | undefined {
  for (const v of values) if (v?.origin) return v.origin;
  return undefined;
}

/** Origins that name a .tfvars entry: the outermost place a value is set, kept through module calls. */
const varsFileOrigins = new WeakSet<Origin>();

/** `v` marked as set by a .tfvars entry for variable `name`. */
export function fromVarsFile(v: Value, name: string): Value {
  const origin: Origin = { via: `var.${name}`, location: v.loc };
  varsFileOrigins.add(origin);
  return relocate(v, v.loc, origin);
}

/** Does this origin name a .tfvars entry? */
export function isVarsFileOrigin(o: Origin): boolean {
  return varsFileOrigins.has(o);
}

/** A copy of `v` placed at `loc` with `origin` (nested items keep their own locations). */
export function relocate(v: Value, loc: Location, origin: Origin | undefined): Value {
  const out = { ...v, loc } as Value;
  if (origin) out.origin = origin;
  else delete out.origin;
  return out;
}

/** HCL's string conversion of a scalar, or undefined when it has none (objects, lists, null). */
export function asString(v: Value): string | undefined {
  switch (v.kind) {
    case 'string':
      return v.value as string;
    case 'number':
      return String(v.value);
    case 'boolean':
      return v.value ? 'true' : 'false';
    default:
      return undefined;
  }
}

/** HCL's number conversion: numbers and numeric strings. */
export function asNumber(v: Value): number | undefined {
  if (v.kind === 'number') return v.value as number;
  if (v.kind === 'string' && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(v.value as string)) return Number(v.value);
  return undefined;
}

/** HCL's bool conversion: booleans and the strings "true"/"false". */
export function asBool(v: Value): boolean | undefined {
  if (v.kind === 'boolean') return v.value as boolean;
  if (v.kind === 'string' && (v.value === 'true' || v.value === 'false')) return v.value === 'true';
  return undefined;
}

/** Structural equality of two known values (HCL `==`). */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a.kind !== b.kind) return false;
  const [pa, pb] = [toPlain(a), toPlain(b)];
  // Values with unknown parts are never known to be equal.
  if (pa === undefined || pb === undefined) return false;
  return JSON.stringify(pa) === JSON.stringify(pb);
}

/** Convert plain JSON data into Values, all located at `loc`. */
export function fromPlain(data: unknown, loc: Location, depth = 0): Value {
  if (depth > 100) return V.unknown('JSON nested too deeply', loc);
  if (data === null || data === undefined) return V.nul(loc);
  if (typeof data === 'string') return V.str(data, loc);
  if (typeof data === 'number') return V.num(data, loc);
  if (typeof data === 'boolean') return V.bool(data, loc);
  if (Array.isArray(data)) return V.arr(data.map((d) => fromPlain(d, loc, depth + 1)), loc);
  return V.obj(
    Object.entries(data as Record<string, unknown>).map(([key, d]) => ({ key, keyLoc: loc, value: fromPlain(d, loc, depth + 1) })),
    loc,
  );
}

/** Elements of a list/tuple/set or the values of a map, as HCL iterates them (maps by key order). */
export function iterate(v: Value): { key: Value; value: Value }[] | undefined {
  if (v.kind === 'array') return v.items.map((value, i) => ({ key: V.num(i, value.loc), value }));
  if (v.kind === 'object') {
    return [...v.properties]
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((p) => ({ key: V.str(p.key, p.keyLoc), value: p.value }));
  }
  return undefined;
}
