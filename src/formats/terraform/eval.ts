import type { Location } from '../../model/location.js';
import { V, type Property, type Value } from '../../model/value.js';
import type { Expr, TemplatePart } from './ast.js';
import { callFunction } from './functions.js';
import { MAPPING } from './mapping-table.js';
import { locIn, withNames, type Env } from './scope.js';
import { asBool, asNumber, asString, firstUnknown, isVarsFileOrigin, iterate, originOf, relocate, unknownFrom, valuesEqual } from './values.js';

/** Most items a for expression or template loop produces before we stop and call the result unknown. */
const MAX_ITEMS = 10_000;
/** Deepest chain of locals referring to locals that we follow. */
const MAX_LOCAL_DEPTH = 64;

type Step = { kind: 'attr'; name: string; end: number } | { kind: 'index'; key: Expr; end: number };

/** Evaluate an HCL expression statically. Anything that depends on deployment state becomes UnknownValue. */
export function evaluate(expr: Expr, env: Env): Value {
  const loc = locIn(env, expr.start, expr.end);
  switch (expr.type) {
    case 'literal':
      if (expr.value === null) return V.nul(loc);
      if (typeof expr.value === 'string') return V.str(expr.value, loc);
      if (typeof expr.value === 'number') return V.num(expr.value, loc);
      return V.bool(expr.value, loc);
    case 'template':
      return evalTemplate(expr.parts, env, loc);
    case 'paren':
      return evaluate(expr.inner, env);
    case 'tuple':
      return V.arr(
        expr.items.map((e) => evaluate(e, env)),
        loc,
      );
    case 'object':
      return evalObject(expr, env, loc);
    case 'variable':
    case 'getattr':
    case 'index':
      return evalTraversal(expr, env, loc);
    case 'splatItem':
      return env.splat ?? V.unknown('splat outside a splat expression', loc);
    case 'splat':
      return evalSplat(expr, env, loc);
    case 'call':
      return evalCall(expr, env, loc);
    case 'conditional':
      return evalConditional(expr, env, loc);
    case 'unary':
      return evalUnary(expr.op, evaluate(expr.operand, env), loc);
    case 'binary':
      return evalBinary(expr, env, loc);
    case 'for':
      return evalFor(expr, env, loc);
    case 'invalid':
      return V.unknown('invalid expression', loc);
  }
}

function evalObject(expr: Extract<Expr, { type: 'object' }>, env: Env, loc: Location): Value {
  const properties: Property[] = [];
  let dropped = false;
  for (const item of expr.items) {
    const k = evaluate(item.key, env);
    const key = asString(k);
    // An item whose key is not known cannot be placed; it is dropped rather than guessed, and the object
    // is remembered as incomplete so that a missing attribute is not taken for a definite error.
    if (key === undefined) {
      dropped = true;
      continue;
    }
    properties.push({ key, keyLoc: locIn(env, item.key.start, item.key.end), value: evaluate(item.value, env) });
  }
  const obj = V.obj(properties, loc);
  if (dropped) incompleteObjects.add(obj);
  return obj;
}

function evalTemplate(parts: TemplatePart[], env: Env, loc: Location): Value {
  if (parts.length === 1 && parts[0].kind === 'interp') return evaluate(parts[0].expr, env);
  const out: string[] = [];
  const origins: Value[] = [];
  const u = renderParts(parts, env, loc, out, origins);
  if (u) return u;
  const s = V.str(out.join(''), loc);
  const origin = originOf(origins);
  if (origin) s.origin = origin;
  return s;
}

/** Append the rendering of template parts to `out`; returns an unknown when a part cannot be known. */
function renderParts(parts: TemplatePart[], env: Env, loc: Location, out: string[], seen: Value[]): Value | undefined {
  for (const p of parts) {
    if (p.kind === 'literal') {
      out.push(p.value);
    } else if (p.kind === 'interp') {
      const v = evaluate(p.expr, env);
      if (v.kind === 'unknown') return unknownFrom(v, loc);
      const s = v.kind === 'null' ? '' : asString(v);
      if (s === undefined) return V.unknown('a list or object cannot be interpolated into a string', loc);
      seen.push(v);
      out.push(s);
    } else if (p.kind === 'if') {
      const c = evaluate(p.cond, env);
      if (c.kind === 'unknown') return unknownFrom(c, loc);
      const branch = asBool(c) ? p.then : (p.else ?? []);
      const u = renderParts(branch, env, loc, out, seen);
      if (u) return u;
    } else {
      const coll = evaluate(p.collection, env);
      if (coll.kind === 'unknown') return unknownFrom(coll, loc);
      const entries = iterate(coll) ?? [];
      if (entries.length > MAX_ITEMS) return V.unknown('template loop too large to evaluate', loc);
      for (const e of entries) {
        const bound: Record<string, Value> = { [p.valueVar]: e.value };
        if (p.keyVar) bound[p.keyVar] = e.key;
        const u = renderParts(p.body, withNames(env, bound), loc, out, seen);
        if (u) return u;
      }
    }
  }
  return undefined;
}

/** Split `a.b[0].c` into its root name and steps; undefined when the root is not a plain name. */
function flatten(expr: Expr): { root: Expr; steps: Step[] } {
  const steps: Step[] = [];
  let e = expr;
  while (e.type === 'getattr' || e.type === 'index') {
    steps.push(e.type === 'getattr' ? { kind: 'attr', name: e.name, end: e.end } : { kind: 'index', key: e.key, end: e.end });
    e = e.object;
  }
  return { root: e, steps: steps.reverse() };
}

function attrNames(steps: Step[]): string[] {
  return steps.filter((s): s is Extract<Step, { kind: 'attr' }> => s.kind === 'attr').map((s) => s.name);
}

function evalTraversal(expr: Expr, env: Env, loc: Location): Value {
  const { root, steps } = flatten(expr);
  if (root.type !== 'variable') return applySteps(evaluate(root, env), steps, env, loc);
  const name = root.name;
  const bound = env.names?.get(name);
  if (bound) {
    // Loop variables: the value is placed where it is used, and remembers where its data is written.
    const v = applySteps(bound, steps, env, loc);
    if (v.kind === 'unknown') return v;
    const via = [name, ...attrNames(steps)].join('.');
    return relocate(v, loc, v.origin ?? { via, location: v.loc });
  }
  const first = steps[0]?.kind === 'attr' ? steps[0].name : undefined;
  switch (name) {
    case 'var': {
      if (first === undefined) return V.unknown('var used without a name', loc);
      if (!env.scope.vars.has(first)) return V.unknown(`variable "${first}" is not declared`, loc);
      const value = env.scope.vars.get(first);
      if (value === undefined) return V.unknown(`variable "${first}" has no default and no value in a .tfvars file`, loc);
      const v = applySteps(value, steps.slice(1), env, loc);
      // A .tfvars entry stays the origin however many module calls pass it on; otherwise the variable's
      // own value (its default, or the caller's argument for a module) is where it was set.
      return relocate(v, loc, v.origin && isVarsFileOrigin(v.origin) ? v.origin : { via: `var.${first}`, location: v.loc });
    }
    case 'local': {
      if (first === undefined) return V.unknown('local used without a name', loc);
      const v = applySteps(localValue(first, env, loc), steps.slice(1), env, loc);
      return relocate(v, loc, v.origin ?? { via: `local.${first}`, location: v.loc });
    }
    case 'count':
      return V.unknown(first === 'index' ? 'count.index (one value per instance)' : 'count used outside count.index', loc);
    case 'each':
      return V.unknown(`each.${first ?? 'value'} (for_each is not expanded)`, loc);
    case 'path':
    case 'terraform':
    case 'self':
      return V.unknown(`${name}.${first ?? ''} is not evaluated statically`, loc);
    case 'module': {
      const out = attrNames(steps);
      return V.unknown(`output "${out[1] ?? '?'}" of module "${out[0] ?? '?'}"`, loc);
    }
    case 'data': {
      const names = attrNames(steps);
      const symbol = `data.${names[0] ?? '?'}.${names[1] ?? '?'}`;
      const property = names.slice(2).join('.') || undefined;
      return V.unknown(`data source ${symbol}${property ? '.' + property : ''} is read at plan time`, loc, refTo(symbol, property, env));
    }
  }
  if (first === undefined) return V.unknown(`unknown name '${name}'`, loc);
  const names = attrNames(steps);
  const symbol = `${name}.${names[0]}`;
  const property = names.slice(1).join('.') || undefined;
  const what = property ? `${symbol}.${property}` : symbol;
  return V.unknown(`${what} is known only after apply`, loc, refTo(symbol, property, env));
}

function refTo(symbol: string, property: string | undefined, env: Env): { symbol: string; type?: string; property?: string; file: string } {
  const ref: { symbol: string; type?: string; property?: string; file: string } = { symbol, file: env.scope.symbols.get(symbol) ?? env.unit.file };
  // The ARM type of what is referenced, from the mapping table: rules can tell what a reference points at even
  // when the resource is declared elsewhere (another root module, remote state).
  const tfType = symbol.startsWith('data.') ? symbol.split('.')[1] : symbol.split('.')[0];
  const armType = MAPPING.types.get(tfType)?.armType;
  if (armType && !armType.startsWith('Terraform/')) ref.type = armType;
  if (property) ref.property = property;
  return ref;
}

function localValue(name: string, env: Env, loc: Location): Value {
  const def = env.scope.locals.get(name);
  if (!def) return V.unknown(`local value "${name}" is not declared`, loc);
  if (def.value) return def.value;
  if (def.busy) return V.unknown(`local.${name} refers to itself`, loc);
  if (env.depth > MAX_LOCAL_DEPTH) return V.unknown('locals refer to each other too deeply', loc);
  def.busy = true;
  try {
    def.value = evaluate(def.expr, { scope: env.scope, unit: def.unit, depth: env.depth + 1 });
  } finally {
    def.busy = false;
  }
  return def.value;
}

/** Objects built with some items left out (their keys were not known): a missing key proves nothing. */
const incompleteObjects = new WeakSet<Value>();

/** Reading an absent attribute or key: Terraform's error for a fully known object, else just unknown. */
function missing(obj: Value, what: string, loc: Location): Value {
  return incompleteObjects.has(obj) ? V.unknown(`${what} may be among the keys not known statically`, loc) : V.unknown(`no ${what}`, loc);
}

function applySteps(start: Value, steps: Step[], env: Env, loc: Location): Value {
  let cur = start;
  for (const step of steps) {
    if (cur.kind === 'unknown') return unknownFrom(cur, loc);
    if (step.kind === 'attr') {
      if (cur.kind !== 'object') return V.unknown(`cannot read attribute "${step.name}" of ${cur.kind}`, loc);
      const p = cur.properties.filter((q) => q.key === step.name).pop();
      if (!p) return missing(cur, `attribute "${step.name}"`, loc);
      cur = p.value;
    } else {
      const k = evaluate(step.key, env);
      if (k.kind === 'unknown') return unknownFrom(k, loc);
      if (cur.kind === 'array') {
        const i = asNumber(k);
        const item = i === undefined ? undefined : cur.items[i];
        if (!item) return V.unknown(`index ${asString(k) ?? '?'} is out of range`, loc);
        cur = item;
      } else if (cur.kind === 'object') {
        const key = asString(k);
        const p = cur.properties.filter((q) => q.key === key).pop();
        if (!p) return missing(cur, `key "${key ?? '?'}"`, loc);
        cur = p.value;
      } else {
        return V.unknown(`cannot index a ${cur.kind}`, loc);
      }
    }
  }
  return cur;
}

function evalSplat(expr: Extract<Expr, { type: 'splat' }>, env: Env, loc: Location): Value {
  const src = evaluate(expr.source, env);
  if (src.kind === 'unknown') return unknownFrom(src, loc);
  if (src.kind === 'null') return V.arr([], loc);
  const items = src.kind === 'array' ? src.items : [src];
  return V.arr(
    items.map((item) => evaluate(expr.each, { ...env, splat: item })),
    loc,
  );
}

function evalCall(expr: Extract<Expr, { type: 'call' }>, env: Env, loc: Location): Value {
  let args = expr.args.map((a) => evaluate(a, env));
  if (expr.expandFinal && args.length > 0) {
    const last = args[args.length - 1];
    if (last.kind === 'unknown') return unknownFrom(last, loc);
    if (last.kind !== 'array') return V.unknown(`${expr.name}(): only a list can be expanded with '...'`, loc);
    args = [...args.slice(0, -1), ...last.items];
  }
  return callFunction(expr.name, args, loc);
}

function evalConditional(expr: Extract<Expr, { type: 'conditional' }>, env: Env, loc: Location): Value {
  const c = evaluate(expr.cond, env);
  const b = asBool(c);
  if (c.kind === 'unknown' || b === undefined) {
    const [t, e] = [evaluate(expr.then, env), evaluate(expr.else, env)];
    // Both outcomes equal: the condition does not matter.
    if (t.kind !== 'unknown' && e.kind !== 'unknown' && valuesEqual(t, e)) return t;
    const why = c.kind === 'unknown' ? c.reason : 'condition is not a bool';
    return V.unknown(`depends on a condition that is not known statically (${why})`, loc);
  }
  const chosen = evaluate(b ? expr.then : expr.else, env);
  if (!chosen.origin && c.origin) return relocate(chosen, chosen.loc, c.origin);
  return chosen;
}

function evalUnary(op: string, v: Value, loc: Location): Value {
  if (v.kind === 'unknown') return unknownFrom(v, loc);
  if (op === '!') {
    const b = asBool(v);
    return b === undefined ? V.unknown("'!' needs a bool", loc) : V.bool(!b, loc, v.origin);
  }
  const n = asNumber(v);
  return n === undefined ? V.unknown("'-' needs a number", loc) : V.num(-n, loc, v.origin);
}

function evalBinary(expr: Extract<Expr, { type: 'binary' }>, env: Env, loc: Location): Value {
  const l = evaluate(expr.left, env);
  // && and || decide on one known side when the other is unknown (false && x is false).
  if (expr.op === '&&' || expr.op === '||') {
    const r = evaluate(expr.right, env);
    const [lb, rb] = [asBool(l), asBool(r)];
    const decisive = expr.op === '&&' ? false : true;
    if (lb === decisive) return V.bool(decisive, loc, l.origin);
    if (rb === decisive) return V.bool(decisive, loc, r.origin);
    if (lb !== undefined && rb !== undefined) return V.bool(!decisive, loc, originOf([l, r]));
    const u = firstUnknown([l, r]);
    return u ? unknownFrom(u, loc) : V.unknown(`'${expr.op}' needs bools`, loc);
  }
  const r = evaluate(expr.right, env);
  const u = firstUnknown([l, r]);
  if (u) return unknownFrom(u, loc);
  const origin = originOf([l, r]);
  if (expr.op === '==' || expr.op === '!=') return V.bool(valuesEqual(l, r) === (expr.op === '=='), loc, origin);
  const [a, b] = [asNumber(l), asNumber(r)];
  if (a === undefined || b === undefined) return V.unknown(`'${expr.op}' needs numbers`, loc);
  switch (expr.op) {
    case '+':
      return V.num(a + b, loc, origin);
    case '-':
      return V.num(a - b, loc, origin);
    case '*':
      return V.num(a * b, loc, origin);
    case '/':
      return b === 0 ? V.unknown('division by zero', loc) : V.num(a / b, loc, origin);
    case '%':
      return b === 0 ? V.unknown('modulo by zero', loc) : V.num(a % b, loc, origin);
    case '<':
      return V.bool(a < b, loc, origin);
    case '<=':
      return V.bool(a <= b, loc, origin);
    case '>':
      return V.bool(a > b, loc, origin);
    default:
      return V.bool(a >= b, loc, origin);
  }
}

function evalFor(expr: Extract<Expr, { type: 'for' }>, env: Env, loc: Location): Value {
  const coll = evaluate(expr.collection, env);
  if (coll.kind === 'unknown') return unknownFrom(coll, loc);
  const entries = iterate(coll);
  if (!entries) return V.unknown('for expression over something that is not a collection', loc);
  if (entries.length > MAX_ITEMS) return V.unknown('for expression too large to evaluate', loc);
  const items: Value[] = [];
  const props: Property[] = [];
  for (const e of entries) {
    const bound: Record<string, Value> = { [expr.valueVar]: e.value };
    if (expr.keyVar) bound[expr.keyVar] = e.key;
    const inner = withNames(env, bound);
    if (expr.cond) {
      const c = evaluate(expr.cond, inner);
      if (c.kind === 'unknown') return unknownFrom(c, loc);
      if (!asBool(c)) continue;
    }
    const value = evaluate(expr.value, inner);
    if (!expr.object || !expr.key) {
      items.push(value);
      continue;
    }
    const k = evaluate(expr.key, inner);
    const key = asString(k);
    if (key === undefined) return k.kind === 'unknown' ? unknownFrom(k, loc) : V.unknown('for expression key is not a string', loc);
    const keyLoc = locIn(env, expr.key.start, expr.key.end);
    if (expr.group) {
      const existing = props.find((p) => p.key === key);
      if (existing && existing.value.kind === 'array') existing.value.items.push(value);
      else props.push({ key, keyLoc, value: V.arr([value], loc) });
    } else {
      props.push({ key, keyLoc, value });
    }
  }
  return expr.object ? V.obj(props, loc) : V.arr(items, loc);
}
