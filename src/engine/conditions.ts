import type { Deployment, Tri } from '../model/deployment.js';
import type { Resource } from '../model/resource.js';
import { getProperty, isScalar, type Property, type Value } from '../model/value.js';
import { namedChecks } from './checks/index.js';
import { isInternetPrefix, portSpecCovers } from './network.js';
import type { Condition, LeafCondition, ItemsCondition } from './rule.js';

/** What a condition is evaluated on: a resource body, or one item of an array in it. */
export interface Subject {
  resource: Resource;
  value: Value;
  /** Path of `value` from the resource body ('' for the body itself, 'properties.securityRules.2'). */
  path: string;
}

/** What a team told the rules about its environment (config file, LESSONS.md). */
export interface RuleSettings {
  /** CIDR ranges allowed to reach management ports (bastion subnets, admin networks). */
  managementSourceRanges: string[];
  /** Conditional Access named-location ids a policy may exclude (beside AllTrusted). */
  trustedLocations: string[];
}

export const NO_SETTINGS: RuleSettings = { managementSourceRanges: [], trustedLocations: [] };

export interface EvalContext {
  deployment: Deployment;
  settings: RuleSettings;
}

/** Which value decided a condition: where a finding points. */
export interface Blame {
  /** Path from the resource body. */
  path: string;
  /** The value found (undefined when missing). */
  value?: Value;
  /** The property (key and value) when the value is an object member. */
  property?: Property;
  /** The property is absent: the finding points at the subject. */
  missing: boolean;
  /** What the condition wanted, for messages ("true", "'Disabled'"). */
  expected?: string;
  /** Subject the blame lies in (an array item for `any-item`). */
  subject: Subject;
}

export interface Outcome {
  result: Tri;
  blame?: Blame;
  /** True when the blamed leaf asked to be the report point. */
  report?: boolean;
}

export type NamedCheck = (subject: Subject, ctx: EvalContext, args: Record<string, unknown>) => Outcome;

type Lookup = { state: 'missing' } | { state: 'unknown'; value: Value } | { state: 'value'; value: Value; property?: Property };

const splitPaths = new Map<string, string[]>();

/** A dotted path's steps, split once per distinct path (rules ask for the same few paths again and again). */
function stepsOf(path: string): string[] {
  let steps = splitPaths.get(path);
  if (!steps) {
    if (splitPaths.size > 10_000) splitPaths.clear();
    splitPaths.set(path, (steps = path.split('.')));
  }
  return steps;
}

/** Find the value at a dotted path below a subject; an unknown on the way makes the whole look-up unknown. */
export function lookup(v: Value, path: string): Lookup {
  if (path === '') return v.kind === 'unknown' ? { state: 'unknown', value: v } : { state: 'value', value: v };
  let cur: Value = v;
  let prop: Property | undefined;
  for (const step of stepsOf(path)) {
    if (cur.kind === 'unknown') return { state: 'unknown', value: cur };
    if (cur.kind === 'object') {
      prop = getProperty(cur, step);
      if (!prop) {
        // An object spread from an unknown value (`...base`) may hold the property: unknown, not missing.
        const spread = getProperty(cur, '...');
        return spread ? { state: 'unknown', value: spread.value } : { state: 'missing' };
      }
      cur = prop.value;
    } else if (cur.kind === 'array' && /^\d+$/.test(step)) {
      const item: Value | undefined = cur.items[Number(step)];
      if (!item) return { state: 'missing' };
      prop = undefined;
      cur = item;
    } else return { state: 'missing' };
  }
  return cur.kind === 'unknown' ? { state: 'unknown', value: cur } : { state: 'value', value: cur, property: prop };
}

function joinPath(a: string, b: string): string {
  return a === '' ? b : b === '' ? a : `${a}.${b}`;
}

/** Evaluate a condition on a subject, three-valued, remembering which value decided it. */
export function evaluate(c: Condition, s: Subject, ctx: EvalContext): Outcome {
  if ('all' in c) return evalAll(c.all, s, ctx);
  if ('any' in c) return evalAny(c.any, s, ctx);
  if ('not' in c) {
    const o = evaluate(c.not, s, ctx);
    return { ...o, result: o.result === undefined ? undefined : !o.result };
  }
  if ('related' in c) return evalRelated(c.related, s, ctx);
  if ('check' in c) return namedChecks()[c.check](s, ctx, c.args ?? {});
  if ('any-item' in c || 'all-items' in c || 'no-item' in c) return evalItems(c as ItemsCondition, s, ctx);
  return evalLeaf(c as LeafCondition, s);
}

function evalAll(cs: Condition[], s: Subject, ctx: EvalContext): Outcome {
  let unknown = false;
  const outcomes: Outcome[] = [];
  for (const c of cs) {
    const o = evaluate(c, s, ctx);
    if (o.result === false) return o;
    if (o.result === undefined) unknown = true;
    outcomes.push(o);
  }
  if (unknown) return { result: undefined };
  const chosen = outcomes.find((o) => o.report) ?? outcomes[0];
  return { result: true, blame: chosen?.blame, report: chosen?.report };
}

function evalAny(cs: Condition[], s: Subject, ctx: EvalContext): Outcome {
  let unknown = false;
  let first: Outcome | undefined;
  for (const c of cs) {
    const o = evaluate(c, s, ctx);
    if (o.result === true) return o;
    if (o.result === undefined) unknown = true;
    first ??= o;
  }
  return unknown ? { result: undefined } : { result: false, blame: first?.blame, report: first?.report };
}

function evalItems(c: ItemsCondition, s: Subject, ctx: EvalContext): Outcome {
  const found = lookup(s.value, c.path);
  const path = joinPath(s.path, c.path);
  const inner = c['any-item'] ?? c['all-items'] ?? c['no-item']!;
  const mode = c['any-item'] ? 'any' : c['all-items'] ? 'all' : 'none';
  if (found.state === 'unknown') return { result: undefined };
  const items = found.state === 'value' && found.value.kind === 'array' ? found.value.items : [];
  let unknown = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const o = item.kind === 'unknown' ? { result: undefined } : evaluate(inner, { resource: s.resource, value: item, path: `${path}.${i}` }, ctx);
    if (o.result === undefined) unknown = true;
    else if (mode === 'all' && o.result === false) return o;
    else if (mode === 'any' && o.result === true) return o;
    else if (mode === 'none' && o.result === true) return { ...o, result: false };
  }
  if (unknown) return { result: undefined };
  const blame: Blame = {
    path,
    value: found.state === 'value' ? found.value : undefined,
    property: found.state === 'value' ? found.property : undefined,
    missing: found.state === 'missing',
    subject: s,
  };
  return { result: mode !== 'any', blame };
}

function evalRelated(r: { type: string | string[]; via: string; where?: Condition }, s: Subject, ctx: EvalContext): Outcome {
  const types = Array.isArray(r.type) ? r.type : [r.type];
  const { matches, uncertain } = ctx.deployment.related(s.resource, types, r.via);
  let unknown = uncertain;
  for (const m of matches) {
    if (!r.where) return { result: true, blame: { path: '', missing: false, subject: s } };
    const o = evaluate(r.where, { resource: m, value: m.body, path: '' }, ctx);
    if (o.result === true) return { result: true, blame: { path: '', missing: false, subject: s } };
    if (o.result === undefined) unknown = true;
  }
  return unknown ? { result: undefined } : { result: false, blame: { path: '', missing: true, subject: s } };
}

/** Compare a found value with a literal from a rule: strings case-insensitively, as ARM does. */
export function valueEquals(v: Value, literal: unknown): Tri {
  if (v.kind === 'unknown') return undefined;
  if (!isScalar(v)) return false;
  if (typeof v.value === 'string' && typeof literal === 'string') return v.value.toLowerCase() === literal.toLowerCase();
  return v.value === literal;
}

function evalLeaf(c: LeafCondition, s: Subject): Outcome {
  const found = lookup(s.value, c.path);
  const path = joinPath(s.path, c.path);
  if (found.state === 'unknown') return { result: undefined };
  const blame: Blame = {
    path,
    value: found.state === 'value' ? found.value : undefined,
    property: found.state === 'value' ? found.property : undefined,
    missing: found.state === 'missing',
    expected: expectedText(c),
    subject: s,
  };
  let result: Tri;
  if (found.state === 'missing') {
    if (c.default !== undefined) result = applyOp(c, literalValue(c.default, s.value));
    else result = missingResult(c);
  } else result = applyOp(c, found.value);
  return { result, blame, report: c.report };
}

/** What a leaf yields when its property is absent and the rule gives no default. */
function missingResult(c: LeafCondition): Tri {
  if (c.missing !== undefined) return c.missing;
  if (c.exists !== undefined) return !c.exists;
  if (c['not-equals'] !== undefined || c['not-in'] !== undefined) return true;
  if (c.empty !== undefined) return c.empty;
  return false;
}

function literalValue(x: unknown, near: Value): Value {
  if (typeof x === 'string') return { kind: 'string', value: x, loc: near.loc };
  if (typeof x === 'number') return { kind: 'number', value: x, loc: near.loc };
  if (typeof x === 'boolean') return { kind: 'boolean', value: x, loc: near.loc };
  return { kind: 'null', value: null, loc: near.loc };
}

function anyOf(values: Value[], test: (v: Value) => Tri): Tri {
  let unknown = false;
  for (const v of values) {
    const t = test(v);
    if (t === true) return true;
    if (t === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}

/** A scalar, or each item of an array (NSG prefixes and port ranges come either way). */
function scalars(v: Value): Value[] {
  return v.kind === 'array' ? v.items : [v];
}

function applyOp(c: LeafCondition, v: Value): Tri {
  if (c.exists !== undefined) return c.exists;
  if (c.missing !== undefined) return !c.missing;
  if (v.kind === 'unknown') return undefined;
  if (c.equals !== undefined) return valueEquals(v, c.equals);
  if (c['not-equals'] !== undefined) return not(valueEquals(v, c['not-equals']));
  if (c.in !== undefined) return anyOf([v], (x) => orTri(c.in!.map((l) => valueEquals(x, l))));
  if (c['not-in'] !== undefined) return not(orTri(c['not-in'].map((l) => valueEquals(v, l))));
  if (c.matches !== undefined) return v.kind === 'string' ? new RegExp(c.matches, 'i').test(v.value as string) : false;
  if (c.empty !== undefined) {
    const empty = v.kind === 'array' ? v.items.length === 0 : v.kind === 'object' ? v.properties.length === 0 : v.kind === 'string' ? v.value === '' : v.kind === 'null';
    return empty === c.empty;
  }
  if (c['at-least'] !== undefined || c['days-at-least'] !== undefined) {
    const n = numberOf(v);
    return n === undefined ? false : n >= (c['at-least'] ?? c['days-at-least']!);
  }
  if (c['less-than'] !== undefined) {
    const n = numberOf(v);
    return n === undefined ? false : n < c['less-than'];
  }
  if (c.contains !== undefined) {
    if (v.kind === 'string' && typeof c.contains === 'string') return (v.value as string).toLowerCase().includes(c.contains.toLowerCase());
    return v.kind === 'array' ? anyOf(v.items, (x) => valueEquals(x, c.contains)) : false;
  }
  if (c['contains-any'] !== undefined) {
    return v.kind === 'array' ? anyOf(v.items, (x) => orTri(c['contains-any']!.map((l) => valueEquals(x, l)))) : false;
  }
  if (c['is-internet-source'] !== undefined) {
    const t = anyOf(scalars(v), (x) => (x.kind === 'unknown' ? undefined : x.kind === 'string' ? isInternetPrefix(x.value as string) : false));
    return c['is-internet-source'] ? t : not(t);
  }
  if (c['port-range-contains'] !== undefined) {
    return anyOf(scalars(v), (x) =>
      x.kind === 'unknown' ? undefined : x.kind === 'string' || x.kind === 'number' ? orTri(c['port-range-contains']!.map((p) => portSpecCovers(x.value as string | number, p))) : false,
    );
  }
  return undefined;
}

function numberOf(v: Value): number | undefined {
  if (v.kind === 'number') return v.value as number;
  if (v.kind === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v.value as string)) return Number(v.value);
  return undefined;
}

function not(t: Tri): Tri {
  return t === undefined ? undefined : !t;
}

function orTri(ts: Tri[]): Tri {
  if (ts.some((t) => t === true)) return true;
  return ts.some((t) => t === undefined) ? undefined : false;
}

function expectedText(c: LeafCondition): string | undefined {
  const show = (x: unknown): string => (typeof x === 'string' ? `'${x}'` : String(x));
  if (c.equals !== undefined) return show(c.equals);
  if (c['not-equals'] !== undefined) return `not ${show(c['not-equals'])}`;
  if (c.in !== undefined) return `one of ${c.in.map(show).join(', ')}`;
  if (c['at-least'] !== undefined) return `at least ${c['at-least']}`;
  if (c['days-at-least'] !== undefined) return `at least ${c['days-at-least']} days`;
  if (c.exists) return 'set';
  return undefined;
}
