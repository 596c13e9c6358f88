import type { Location } from '../../model/location.js';
import { V, getProperty, type Property, type ResourceRef, type Value } from '../../model/value.js';
import type { Expr, FuncDecl, LambdaExpr, ObjectExpr, ParamDecl, VarDecl } from './ast.js';
import { callBuiltin, type Arg } from './functions.js';
import { type FileUnit, locIn } from './unit.js';
import { fromPlain, relocate, stampOrigin, toText, valuesEqual } from './values.js';

/** Deepest expression nesting the evaluator follows; deeper parts are Unknown. */
const MAX_EVAL_DEPTH = 300;
/** Most items a `for` expression is expanded to; larger loops are Unknown. */
const MAX_LOOP_ITEMS = 1000;

/** Loop variables and lambda parameters in scope, innermost first. */
export interface Locals {
  name: string;
  value: Value;
  via: string;
  next: Locals | undefined;
}

/** What an evaluator asks of the template layer. */
export interface EvalHost {
  /** Evaluated name of a resource symbol of this file (for `sym.name`), if known. */
  resourceName(symbol: string): Value | undefined;
  /** A file's text relative to the evaluated file (for `loadTextContent`). */
  readRelative(path: string): string | undefined;
  /** The value of an imported symbol (`import {x} from`), or of `ns.x` for `import * as ns`. */
  imported(file: string, name: string, loc: Location): Value | undefined;
}

/**
 * Evaluates expressions of one file instance statically. Params take values from `overrides` (a .bicepparam
 * file or module arguments) or their defaults; anything decided at deployment is an UnknownValue with a reason.
 */
export class Evaluator {
  readonly params = new Map<string, ParamDecl>();
  readonly vars = new Map<string, VarDecl>();
  readonly funcs = new Map<string, FuncDecl>();
  /** Resource symbols, including nested ones as `parent::child`; and simple child names mapped to qualified ones. */
  readonly resources = new Set<string>();
  readonly childNames = new Map<string, string>();
  readonly modules = new Set<string>();
  /** `import {a as b} from 'f'`: b → {file, name a}; `import * as ns from 'f'`: ns → {file}. */
  readonly imports = new Map<string, { from: string; name: string | undefined }>();
  private readonly memo = new Map<string, Value>();
  private readonly busy = new Set<string>();
  private depth = 0;

  constructor(
    readonly unit: FileUnit,
    private readonly overrides: Map<string, Value>,
    private readonly host: EvalHost,
  ) {
    for (const s of unit.program.statements) {
      if (s.kind === 'param') this.params.set(s.name, s);
      else if (s.kind === 'var') this.vars.set(s.name, s);
      else if (s.kind === 'func') this.funcs.set(s.name, s);
      else if (s.kind === 'module') this.modules.add(s.name);
      else if (s.kind === 'resource') this.addResource(s.name, s.body);
      else if (s.kind === 'import' && s.from !== undefined) {
        for (const item of s.items) this.imports.set(item.alias, { from: s.from, name: item.name });
        if (s.wildcard) this.imports.set(s.wildcard, { from: s.from, name: undefined });
      }
    }
  }

  private addResource(symbol: string, body: Expr): void {
    this.resources.add(symbol);
    for (const obj of bodyObjects(body)) {
      for (const item of obj.items) {
        if (item.kind !== 'resource') continue;
        const child = `${symbol}::${item.name}`;
        if (!this.childNames.has(item.name)) this.childNames.set(item.name, child);
        this.addResource(child, item.body);
      }
    }
  }

  /** The Location of an expression in this file. */
  loc(e: { start: number; end: number }): Location {
    return locIn(this.unit, e.start, e.end);
  }

  /** Source text of an expression, shortened, for Unknown reasons. */
  textOf(e: { start: number; end: number }): string {
    const t = this.unit.text.slice(e.start, Math.min(e.end, e.start + 120)).replace(/\s+/g, ' ');
    return e.end - e.start > 120 ? t + '…' : t;
  }

  private unknown(e: Expr, reason = this.textOf(e), ref?: ResourceRef): Value {
    return V.unknown(reason, this.loc(e), ref);
  }

  /** Value of a parameter: override, else default, else Unknown. Memoised. */
  paramValue(name: string): Value {
    const key = 'param ' + name;
    const done = this.memo.get(key);
    if (done) return done;
    const decl = this.params.get(name)!;
    let v = this.overrides.get(name);
    if (v === undefined) {
      if (decl.value && !this.busy.has(key)) {
        this.busy.add(key);
        v = stampOrigin(this.eval(decl.value, undefined), `param ${name}`);
        this.busy.delete(key);
      } else {
        v = V.unknown(`parameter '${name}' has no value here (set at deployment)`, locIn(this.unit, decl.nameStart, decl.nameEnd));
      }
    }
    this.memo.set(key, v);
    return v;
  }

  /** Value of a variable, memoised; a variable that refers to itself is Unknown. */
  varValue(name: string): Value {
    const key = 'var ' + name;
    const done = this.memo.get(key);
    if (done) return done;
    const decl = this.vars.get(name)!;
    if (this.busy.has(key)) return this.unknown(decl.value, `variable '${name}' refers to itself`);
    this.busy.add(key);
    const v = stampOrigin(this.eval(decl.value, undefined), `var ${name}`);
    this.busy.delete(key);
    this.memo.set(key, v);
    return v;
  }

  /** Evaluates an expression; never throws. */
  eval(e: Expr, locals: Locals | undefined): Value {
    if (this.depth >= MAX_EVAL_DEPTH) return this.unknown(e, 'expression nested too deeply to evaluate');
    this.depth++;
    try {
      return this.evalInner(e, locals);
    } finally {
      this.depth--;
    }
  }

  private evalInner(e: Expr, locals: Locals | undefined): Value {
    switch (e.kind) {
      case 'string':
        return V.str(e.value, this.loc(e));
      case 'number':
        return V.num(e.value, this.loc(e));
      case 'bool':
        return V.bool(e.value, this.loc(e));
      case 'null':
        return V.nul(this.loc(e));
      case 'template': {
        let out = e.parts[0];
        const vals: Value[] = [];
        for (let i = 0; i < e.exprs.length; i++) {
          const v = this.eval(e.exprs[i], locals);
          vals.push(v);
          const t = toText(v);
          if (t === undefined) return this.unknown(e);
          out += t + e.parts[i + 1];
        }
        const origin = vals.find((v) => v.origin)?.origin;
        return V.str(out, this.loc(e), origin);
      }
      case 'ident':
        return this.evalIdent(e.name, e, locals);
      case 'paren':
        return this.eval(e.expr, locals);
      case 'nonNull':
        return this.eval(e.expr, locals);
      case 'object':
        return this.evalObject(e, locals);
      case 'array': {
        const items: Value[] = [];
        for (const item of e.items) {
          if (item.kind === 'spread') {
            const v = this.eval(item.expr, locals);
            if (v.kind === 'array') items.push(...v.items);
            else if (v.kind !== 'null') return this.unknown(e, `array spread of ${this.textOf(item.expr)}`);
          } else items.push(this.eval(item, locals));
        }
        return V.arr(items, this.loc(e));
      }
      case 'for':
        return this.evalFor(e, locals);
      case 'if': {
        const c = this.eval(e.condition, locals);
        if (c.kind === 'boolean' && c.value === false) return V.nul(this.loc(e));
        return this.eval(e.body, locals);
      }
      case 'member':
        return this.evalMember(e.object, e.name, e.safe, e, locals);
      case 'index': {
        const idx = this.eval(e.index, locals);
        if (idx.kind === 'string') return this.evalMember(e.object, idx.value as string, e.safe, e, locals);
        const obj = this.eval(e.object, locals);
        if (obj.kind === 'unknown') return this.derived(obj, e, `[${this.textOf(e.index)}]`);
        if (obj.kind === 'array' && idx.kind === 'number') {
          const item = obj.items[idx.value as number];
          if (item) return this.fromContainer(item, obj, e);
          return e.safe ? V.nul(this.loc(e)) : this.unknown(e, `index ${String(idx.value)} is outside the array`);
        }
        if (obj.kind === 'null' && e.safe) return V.nul(this.loc(e));
        return this.unknown(e);
      }
      case 'child':
        return this.resourceRef(e, this.qualify(e), undefined);
      case 'unary': {
        const v = this.eval(e.operand, locals);
        if (e.op === '!' && v.kind === 'boolean') return V.bool(!v.value, this.loc(e), v.origin);
        if (e.op === '-' && v.kind === 'number') return V.num(-(v.value as number), this.loc(e), v.origin);
        if (e.op === '+' && v.kind === 'number') return { ...v, loc: this.loc(e) };
        return this.unknown(e);
      }
      case 'binary':
        return this.evalBinary(e.op, e.left, e.right, e, locals);
      case 'ternary': {
        const c = this.eval(e.condition, locals);
        if (c.kind === 'boolean') return this.eval(c.value ? e.whenTrue : e.whenFalse, locals);
        const a = this.eval(e.whenTrue, locals);
        const b = this.eval(e.whenFalse, locals);
        // Both branches give the same value: the condition does not matter.
        if (valuesEqual(a, b) === true) return a;
        return this.unknown(e, `${this.textOf(e)} (condition not known)`);
      }
      case 'call':
        return this.evalCall(e, locals);
      case 'lambda':
        return this.unknown(e, 'a lambda');
      case 'error':
        return this.unknown(e, 'a syntax error');
    }
  }

  private evalIdent(name: string, e: Expr, locals: Locals | undefined): Value {
    for (let l = locals; l; l = l.next) if (l.name === name) return relocate(l.value, this.loc(e), l.via);
    if (this.params.has(name)) return relocate(this.paramValue(name), this.loc(e), `param ${name}`);
    if (this.vars.has(name)) return relocate(this.varValue(name), this.loc(e), `var ${name}`);
    if (this.resources.has(name)) return this.resourceRef(e, name, undefined);
    const child = this.childNames.get(name);
    if (child) return this.resourceRef(e, child, undefined);
    if (this.modules.has(name)) return this.resourceRef(e, name, undefined, `module ${name}`);
    const imp = this.imports.get(name);
    if (imp?.name !== undefined) {
      const v = this.host.imported(imp.from, imp.name, this.loc(e));
      if (v) return relocate(v, this.loc(e), `import ${name}`);
    }
    return this.unknown(e, `'${name}' is not known statically`);
  }

  private resourceRef(e: Expr, symbol: string, property: string | undefined, what = `resource ${symbol}`): Value {
    const ref: ResourceRef = { symbol, file: this.unit.file };
    if (property !== undefined) ref.property = property;
    return V.unknown(property ? `${what}.${property} (known at deployment)` : what, this.loc(e), ref);
  }

  /** The qualified symbol `a::b::c` of a child access chain. */
  private qualify(e: Expr): string {
    if (e.kind === 'child') return `${this.qualify(e.object)}::${e.name}`;
    if (e.kind === 'ident') return this.childNames.get(e.name) && !this.resources.has(e.name) ? this.childNames.get(e.name)! : e.name;
    return this.textOf(e);
  }

  /** An Unknown derived from another: a resource reference grows its property path; others get this expression's text. */
  private derived(base: Value & { kind: 'unknown' }, e: Expr, step: string): Value {
    if (base.ref?.symbol) {
      const property = base.ref.property ? `${base.ref.property}${step.startsWith('[') ? '' : '.'}${step}` : step;
      const what = this.modules.has(base.ref.symbol) ? `module ${base.ref.symbol}` : `resource ${base.ref.symbol}`;
      return V.unknown(`${what}.${property} (known at deployment)`, this.loc(e), { ...base.ref, property });
    }
    return this.unknown(e);
  }

  /** A value read out of an object or array: seen at the access site, still telling where it was set. */
  private fromContainer(item: Value, container: Value, e: Expr): Value {
    if (item.origin) return { ...item, loc: this.loc(e) } as Value;
    if (container.origin) return { ...item, loc: this.loc(e), origin: { via: container.origin.via, location: item.loc } } as Value;
    return item;
  }

  private evalMember(objectExpr: Expr, name: string, safe: boolean, e: Expr, locals: Locals | undefined): Value {
    // `sym.name` of a resource is often known: answer it, so that names built from it stay known.
    if (name === 'name' && (objectExpr.kind === 'ident' || objectExpr.kind === 'child')) {
      const base = this.eval(objectExpr, locals);
      if (base.kind === 'unknown' && base.ref?.symbol && !base.ref.property && !this.modules.has(base.ref.symbol)) {
        const n = this.host.resourceName(base.ref.symbol);
        if (n && n.kind === 'string') return relocate(n, this.loc(e), `resource ${base.ref.symbol}`);
      }
      if (base.kind === 'unknown') return this.derived(base, e, name);
    }
    const obj = this.eval(objectExpr, locals);
    if (obj.kind === 'unknown') return this.derived(obj, e, name);
    if (obj.kind === 'object') {
      const p = getProperty(obj, name);
      if (p) return this.fromContainer(p.value, obj, e);
      return safe ? V.nul(this.loc(e)) : this.unknown(e, `property '${name}' is not set`);
    }
    if (obj.kind === 'null' && safe) return V.nul(this.loc(e));
    return this.unknown(e);
  }

  private evalObject(e: ObjectExpr, locals: Locals | undefined): Value {
    const props: Property[] = [];
    for (const item of e.items) {
      if (item.kind === 'resource') continue;
      if (item.kind === 'spread') {
        const v = this.eval(item.expr, locals);
        if (v.kind === 'object') props.push(...v.properties);
        else if (v.kind !== 'null') {
          // An unknown spread may add any property; it is kept as a marker entry so that it is not lost.
          props.push({ key: '...', keyLoc: this.loc(item), value: v.kind === 'unknown' ? v : this.unknown(item.expr) });
        }
        continue;
      }
      let key = item.key;
      if (key === undefined) {
        const k = this.eval(item.keyExpr, locals);
        if (k.kind !== 'string') {
          props.push({ key: '...', keyLoc: this.loc(item.keyExpr), value: this.unknown(item.keyExpr, `property name ${this.textOf(item.keyExpr)}`) });
          continue;
        }
        key = k.value as string;
      }
      props.push({ key, keyLoc: this.loc(item.keyExpr), value: this.eval(item.value, locals) });
    }
    return V.obj(props, this.loc(e));
  }

  /** Expands `[for ...]` over a known collection; a filter with an unknown condition keeps the item. */
  private evalFor(e: Expr & { kind: 'for' }, locals: Locals | undefined): Value {
    const coll = this.eval(e.iterable, locals);
    let items: { item: Value; index: number }[];
    if (coll.kind === 'array') items = coll.items.map((item, index) => ({ item, index }));
    else if (coll.kind === 'object') {
      // Looping over an object is not allowed in Bicep; items() is the way. Treat it as unknown.
      return this.unknown(e);
    } else return this.unknown(e, `loop over ${this.textOf(e.iterable)} (collection not known)`);
    if (items.length > MAX_LOOP_ITEMS) return this.unknown(e, `loop over ${items.length} items`);
    const out: Value[] = [];
    for (const { item, index } of items) {
      let l = locals;
      if (e.item) l = { name: e.item.name, value: item, via: `loop item ${e.item.name}`, next: l };
      if (e.index) l = { name: e.index.name, value: V.num(index, this.loc(e.index)), via: `loop index ${e.index.name}`, next: l };
      if (e.body.kind === 'if') {
        const c = this.eval(e.body.condition, l);
        if (c.kind === 'boolean' && !c.value) continue;
        out.push(this.eval(e.body.body, l));
      } else out.push(this.eval(e.body, l));
    }
    return V.arr(out, this.loc(e));
  }

  private evalBinary(op: string, left: Expr, right: Expr, e: Expr, locals: Locals | undefined): Value {
    const loc = this.loc(e);
    const a = this.eval(left, locals);
    if (op === '&&' || op === '||') {
      if (a.kind === 'boolean' && a.value === (op === '||')) return V.bool(a.value as boolean, loc, a.origin);
      const b = this.eval(right, locals);
      if (b.kind === 'boolean' && b.value === (op === '||')) return V.bool(b.value as boolean, loc, b.origin);
      if (a.kind === 'boolean' && b.kind === 'boolean') return V.bool(b.value as boolean, loc, a.origin ?? b.origin);
      return this.unknown(e);
    }
    if (op === '??') {
      if (a.kind === 'null') return this.eval(right, locals);
      if (a.kind === 'unknown') return this.unknown(e);
      return a;
    }
    const b = this.eval(right, locals);
    const origin = a.origin ?? b.origin;
    if (op === '==' || op === '!=' || op === '=~' || op === '!~') {
      const eq = valuesEqual(a, b, op === '=~' || op === '!~');
      if (eq === undefined) return this.unknown(e);
      return V.bool(op === '==' || op === '=~' ? eq : !eq, loc, origin);
    }
    if (a.kind === 'number' && b.kind === 'number') {
      const x = a.value as number;
      const y = b.value as number;
      switch (op) {
        case '+': return V.num(x + y, loc, origin);
        case '-': return V.num(x - y, loc, origin);
        case '*': return V.num(x * y, loc, origin);
        case '/': return y === 0 ? this.unknown(e, 'division by zero') : V.num(Math.trunc(x / y), loc, origin);
        case '%': return y === 0 ? this.unknown(e, 'division by zero') : V.num(x % y, loc, origin);
        case '<': return V.bool(x < y, loc, origin);
        case '<=': return V.bool(x <= y, loc, origin);
        case '>': return V.bool(x > y, loc, origin);
        case '>=': return V.bool(x >= y, loc, origin);
      }
    }
    if (a.kind === 'string' && b.kind === 'string') {
      const x = a.value as string;
      const y = b.value as string;
      switch (op) {
        case '<': return V.bool(x < y, loc, origin);
        case '<=': return V.bool(x <= y, loc, origin);
        case '>': return V.bool(x > y, loc, origin);
        case '>=': return V.bool(x >= y, loc, origin);
      }
    }
    return this.unknown(e);
  }

  private evalCall(e: Expr & { kind: 'call' }, locals: Locals | undefined): Value {
    let name = e.name;
    const t = e.target;
    if (t) {
      if (t.kind === 'ident' && (t.name === 'az' || t.name === 'sys')) {
        // Namespaced built-in.
      } else if (t.kind === 'ident' && this.imports.has(t.name) && this.imports.get(t.name)!.name === undefined) {
        return this.unknown(e, `${this.textOf(e)} (imported function)`);
      } else {
        const base = this.eval(t, locals);
        if (base.kind === 'unknown' && base.ref?.symbol) return this.derived(base, e, `${name}()`);
        return this.unknown(e);
      }
    }
    const userFunc = t ? undefined : this.funcs.get(name);
    const args: Arg[] = e.args.map((a) => (a.kind === 'lambda' ? this.lambda(a, locals) : this.eval(a, locals)));
    if (userFunc) return this.callUser(userFunc, args, e);
    if (name === 'loadTextContent' || name === 'loadJsonContent' || name === 'loadFileAsBase64') {
      const p = args[0];
      const text = p && p.kind === 'string' ? this.host.readRelative(p.value as string) : undefined;
      if (text === undefined) return this.unknown(e, `${this.textOf(e)} (file not readable)`);
      name = name === 'loadJsonContent' ? '__json' : name === 'loadFileAsBase64' ? 'base64' : '__text';
      return callBuiltin(name, [V.str(text, this.loc(e)), ...args.slice(1)], this.loc(e)) ?? this.unknown(e);
    }
    const r = callBuiltin(name, args, this.loc(e));
    if (r === undefined) return this.unknown(e);
    if (r.kind === 'unknown' && r.reason === '') return this.unknown(e, this.textOf(e), r.ref);
    return r;
  }

  /** A lambda argument as a callable for built-ins like map() and filter(). */
  private lambda(a: LambdaExpr, locals: Locals | undefined): Arg {
    return {
      kind: 'lambda',
      arity: a.params.length,
      call: (values: Value[]): Value => {
        let l = locals;
        a.params.forEach((p, i) => {
          l = { name: p.name, value: values[i] ?? V.nul(this.loc(p)), via: `lambda parameter ${p.name}`, next: l };
        });
        return this.eval(a.body, l);
      },
    };
  }

  private callUser(f: FuncDecl, args: Arg[], e: Expr): Value {
    let l: Locals | undefined;
    for (let i = 0; i < f.params.length; i++) {
      const a = args[i];
      if (!a || a.kind === 'lambda') return this.unknown(e);
      l = { name: f.params[i].name.name, value: a, via: `function parameter ${f.params[i].name.name}`, next: l };
    }
    const key = 'func ' + f.name;
    if (this.busy.has(key)) return this.unknown(e, `function '${f.name}' calls itself`);
    this.busy.add(key);
    const v = this.eval(f.body, l);
    this.busy.delete(key);
    return { ...v, loc: this.loc(e) } as Value;
  }

  /** Plain data as a Value at an expression (used by the template layer). */
  plain(x: unknown, e: Expr): Value {
    return fromPlain(x, this.loc(e));
  }
}

/** The object(s) a resource or module body is made of, through `if` and `for` wrappers. */
export function bodyObjects(body: Expr): ObjectExpr[] {
  let b = body;
  if (b.kind === 'for') b = b.body;
  if (b.kind === 'if') b = b.body;
  return b.kind === 'object' ? [b] : [];
}
