import type { Diagnostic } from '../../model/diagnostic.js';
import type { Location } from '../../model/location.js';
import type { Resource } from '../../model/resource.js';
import { V, getProperty, type ObjectValue, type Value } from '../../model/value.js';
import type { Expr, ModuleDecl, ResourceDecl } from './ast.js';
import { Evaluator, type Locals } from './evaluator.js';
import { isExternalModulePath, resolveRelative } from './paths.js';
import { readTarget, type TargetRead } from './targets.js';
import { type FileUnit, type UnitCache, locIn } from './unit.js';

/** A resource or module loop over a known collection of at most this many items gives one instance per item. */
const MAX_EXPANDED_LOOP = 32;
/** Modules calling modules deeper than this are not followed. */
const MAX_MODULE_DEPTH = 8;
/**
 * Module instances one root evaluation may create by expanding module loops; nested module loops multiply
 * (32 x 32 x ...), so past this a module loop is evaluated once with the item unknown.
 */
const MAX_MODULE_INSTANCES = 256;

/** One evaluation of a template: which file, with which parameter values, reached through which modules. */
export interface Instance {
  unit: FileUnit;
  overrides: Map<string, Value>;
  /** Appended to every resource key: `@callerKey` for module instances, `?paramFile` for parameter files. */
  keySuffix: string;
  via: Location[];
  /** Module files being evaluated above this one (cycle guard). */
  stack: string[];
  conditional: boolean;
  loop: boolean;
  /** Module instances created so far under the same root evaluation (shared with every module instance). */
  budget: { moduleInstances: number };
}

/** Shared state of one front-end call. */
export interface TemplateContext {
  cache: UnitCache;
  diagnostics: Diagnostic[];
}

/** One evaluation of a looped declaration: its loop variables, and its item index when the loop is expanded. */
interface LoopRun {
  locals: Locals | undefined;
  index: number | undefined;
}

interface BodyShape {
  object: Expr | undefined;
  conditional: boolean;
  loop: Expr & { kind: 'for' } | undefined;
}

function shape(body: Expr): BodyShape {
  let b = body;
  let loop: BodyShape['loop'];
  let conditional = false;
  if (b.kind === 'for') {
    loop = b;
    b = b.body;
  }
  if (b.kind === 'if') {
    conditional = true;
    b = b.body;
  }
  return { object: b.kind === 'object' ? b : undefined, conditional, loop };
}

function splitType(t: string): { type: string; apiVersion: string | undefined } {
  const at = t.indexOf('@');
  return at < 0 ? { type: t, apiVersion: undefined } : { type: t.slice(0, at), apiVersion: t.slice(at + 1) };
}

/** The expression of a property written directly in a resource or module body (`scope`, `parent`). */
function propExpr(object: Expr | undefined, key: string): Expr | undefined {
  if (object?.kind !== 'object') return undefined;
  let found: Expr | undefined;
  for (const item of object.items) if (item.kind === 'prop' && item.key === key) found = item.value;
  return found;
}

/** Evaluates one template instance into resources (its own and those of the local modules it calls). */
export class TemplateEvaluator {
  private readonly ev: Evaluator;
  private readonly decls = new Map<string, { decl: ResourceDecl; parent: string | undefined }>();
  private readonly names = new Map<string, Value | null>();
  /** Items of each expanded resource loop (null: not expanded), and the names of those items (null: unknown or busy). */
  private readonly loopCollections = new Map<string, Value[] | null>();
  private readonly itemNames = new Map<string, string | null>();
  readonly resources: Resource[] = [];

  constructor(
    private readonly inst: Instance,
    private readonly ctx: TemplateContext,
  ) {
    const unit = inst.unit;
    this.ev = new Evaluator(unit, inst.overrides, {
      resourceName: (symbol) => this.nameOf(symbol),
      readRelative: (p) => {
        const path = resolveRelative(unit.file, p);
        return path === undefined ? undefined : ctx.cache.get(path)?.text;
      },
      imported: (from, name) => this.imported(from, name),
    });
    const collect = (decl: ResourceDecl, symbol: string, parent: string | undefined): void => {
      this.decls.set(symbol, { decl, parent });
      const obj = shape(decl.body).object;
      if (obj?.kind === 'object') {
        for (const item of obj.items) if (item.kind === 'resource') collect(item, `${symbol}::${item.name}`, symbol);
      }
    };
    for (const s of unit.program.statements) if (s.kind === 'resource') collect(s, s.name, undefined);
  }

  /** Evaluates every resource and module declaration. */
  run(): Resource[] {
    for (const [symbol, { decl, parent }] of this.decls) this.resource(symbol, decl, parent);
    for (const s of this.inst.unit.program.statements) if (s.kind === 'module') this.module(s);
    return this.resources;
  }

  private loc(start: number, end: number): Location {
    return locIn(this.inst.unit, start, end);
  }

  private key(symbol: string, index?: number): string {
    return `${this.inst.unit.file}#${symbol}${index === undefined ? '' : `[${index}]`}${this.inst.keySuffix}`;
  }

  /** Full ARM type and API version of a declaration; nested children compose theirs from the parent's. */
  private typeOf(symbol: string): { type: string; apiVersion: string | undefined } {
    const d = this.decls.get(symbol)!;
    const own = splitType(d.decl.resourceType);
    if (d.parent === undefined || own.type.includes('/')) return own;
    const p = this.typeOf(d.parent);
    return { type: `${p.type}/${own.type}`, apiVersion: own.apiVersion ?? p.apiVersion };
  }

  /** The parent symbol of a resource: its enclosing declaration, or what its `parent:` property names. */
  private parentOf(symbol: string): string | undefined {
    const d = this.decls.get(symbol)!;
    if (d.parent) return d.parent;
    const read = this.target(propExpr(shape(d.decl.body).object, 'parent'), undefined, undefined);
    const ref = read?.ref;
    return ref?.symbol && this.decls.has(ref.symbol) ? ref.symbol : undefined;
  }

  /** Reads a `scope:` or `parent:` expression, with the referrer's loop variables and position. */
  private target(expr: Expr | undefined, locals: Locals | undefined, ownIndex: number | undefined): TargetRead | undefined {
    if (expr === undefined) return undefined;
    return readTarget(expr, {
      file: this.inst.unit.file,
      eval: (e) => this.ev.eval(e, locals),
      isResource: (s) => this.decls.has(s),
      loopItems: (s) => {
        if (!this.decls.has(s) || !shape(this.decls.get(s)!.decl.body).loop) return undefined;
        return { expanded: this.expandedItems(s)?.length };
      },
      itemIdentity: (s, n) => {
        const name = this.itemName(s, n);
        return name === undefined ? undefined : { type: this.typeOf(s).type, name };
      },
      ownIndex,
    });
  }

  /** The items of a resource's own loop when it is expanded one Resource per item; memoised. */
  private expandedItems(symbol: string): Value[] | undefined {
    const memo = this.loopCollections.get(symbol);
    if (memo !== undefined) return memo ?? undefined;
    this.loopCollections.set(symbol, null);
    const loop = shape(this.decls.get(symbol)!.decl.body).loop;
    const items = loop ? this.knownItems(loop) : undefined;
    this.loopCollections.set(symbol, items ?? null);
    return items;
  }

  /** The full name of item `n` of an expanded resource loop, when it is known; memoised. */
  private itemName(symbol: string, n: number): string | undefined {
    const key = `${symbol}[${n}]`;
    if (this.itemNames.has(key)) return this.itemNames.get(key) ?? undefined;
    this.itemNames.set(key, null);
    const { loop, object } = shape(this.decls.get(symbol)!.decl.body);
    const items = this.expandedItems(symbol);
    const nameExpr = propExpr(object, 'name');
    if (!loop || !items || n < 0 || n >= items.length || nameExpr === undefined) return undefined;
    const locals = this.loopLocals(loop, items[n], n);
    const written = this.ev.eval(nameExpr, locals);
    const name = this.fullName(symbol, locals, n, written);
    const text = name?.kind === 'string' ? (name.value as string) : undefined;
    this.itemNames.set(key, text ?? null);
    return text;
  }

  /**
   * The full name of one evaluation of a resource: under `parent: vaults[i]` it is the name of that parent
   * item when it is known, else what the parent symbol gives.
   */
  private fullName(symbol: string, locals: Locals | undefined, index: number | undefined, written: Value): Value | undefined {
    const d = this.decls.get(symbol)!;
    if (d.parent === undefined && written.kind === 'string') {
      const read = this.target(propExpr(shape(d.decl.body).object, 'parent'), locals, index);
      const item = read?.item ? this.itemName(read.item.symbol, read.item.index) : undefined;
      if (item !== undefined) return V.str(`${item}/${written.value as string}`, written.loc, written.origin);
    }
    return this.nameOf(symbol, locals, written);
  }

  /** The evaluated (full) name of a resource symbol, memoised; null while being computed (cycles). */
  private nameOf(symbol: string, locals?: Locals, own?: Value): Value | undefined {
    const memo = this.names.get(symbol);
    if (memo !== undefined && locals === undefined && own === undefined) return memo ?? undefined;
    const d = this.decls.get(symbol);
    if (!d) return undefined;
    let name = own;
    if (name === undefined) {
      if (shape(d.decl.body).loop) return undefined;
      this.names.set(symbol, null);
      const obj = shape(d.decl.body).object;
      const prop = obj?.kind === 'object' ? obj.items.find((i) => i.kind === 'prop' && i.key === 'name') : undefined;
      name = prop?.kind === 'prop' ? this.ev.eval(prop.value, locals) : undefined;
    }
    const parent = this.parentOf(symbol);
    if (name && parent && name.kind === 'string') {
      const pn = this.nameOf(parent);
      if (pn?.kind === 'string') name = V.str(`${pn.value as string}/${name.value as string}`, name.loc, name.origin);
      else name = V.unknown(`name of the parent resource ${parent}`, name.loc, { symbol: parent, property: 'name', file: this.inst.unit.file });
    }
    if (locals === undefined && own === undefined) this.names.set(symbol, name ?? null);
    return name;
  }

  private resource(symbol: string, decl: ResourceDecl, parentSymbol: string | undefined): void {
    const { object, conditional, loop } = shape(decl.body);
    if (object === undefined) return;
    const base = {
      symbol,
      ...this.typeOf(symbol),
      loc: this.loc(decl.keywordStart, decl.end),
      conditional: conditional || this.inst.conditional || undefined,
      existing: decl.existing || undefined,
    };
    const make = (locals: Locals | undefined, index: number | undefined, isLoop: boolean): void => {
      const body = this.ev.eval(object, locals);
      const obj: ObjectValue = body.kind === 'object' ? body : V.obj([], body.loc);
      const written = getProperty(obj, 'name')?.value;
      const name = (written && this.fullName(symbol, locals, index, written)) ?? V.unknown(`resource ${symbol} has no name`, base.loc);
      const parentRef = parentSymbol ? { symbol: parentSymbol, file: this.inst.unit.file } : this.target(propExpr(object, 'parent'), locals, index)?.ref;
      const scope = this.target(propExpr(object, 'scope'), locals, index);
      const r: Resource = {
        key: this.key(symbol, index),
        type: base.type,
        symbol,
        name,
        body: obj,
        loc: base.loc,
        format: 'bicep',
        file: this.inst.unit.file,
      };
      if (base.apiVersion) r.apiVersion = base.apiVersion;
      if (parentRef) r.parent = parentRef;
      // `scope: subscription()` and friends point at no resource: no ref is recorded (see TargetRead.deployedAt).
      if (scope?.ref) r.scope = scope.ref;
      if (base.existing) r.existing = true;
      if (base.conditional) r.conditional = true;
      if (isLoop || this.inst.loop) r.loop = true;
      if (this.inst.via.length) r.via = this.inst.via;
      this.resources.push(r);
    };
    if (loop) {
      for (const run of this.loopRuns(loop)) make(run.locals, run.index, true);
      return;
    }
    // A child of a looped parent is one resource with the parent's loop variables unknown.
    const parentLoop = parentSymbol ? shape(this.decls.get(parentSymbol)!.decl.body).loop : undefined;
    if (parentLoop) make(this.unknownRun(parentLoop).locals, undefined, true);
    else make(undefined, undefined, false);
  }

  /** The items of a loop's collection when it is known and has at most MAX_EXPANDED_LOOP items. */
  private knownItems(loop: Expr & { kind: 'for' }): Value[] | undefined {
    const coll = this.ev.eval(loop.iterable, undefined);
    return coll.kind === 'array' && coll.items.length <= MAX_EXPANDED_LOOP ? coll.items : undefined;
  }

  /**
   * The evaluations of a resource or module loop: one per item (index bound) over a known, small collection,
   * else a single one with the loop variables unknown.
   */
  private loopRuns(loop: Expr & { kind: 'for' }): LoopRun[] {
    const items = this.knownItems(loop);
    if (items === undefined) return [this.unknownRun(loop)];
    return items.map((item, i) => ({ locals: this.loopLocals(loop, item, i), index: i }));
  }

  /** The single evaluation of a loop whose collection is unknown or too large to expand. */
  private unknownRun(loop: Expr & { kind: 'for' }): LoopRun {
    const item = V.unknown(`loop item of ${this.ev.textOf(loop.iterable)}`, this.ev.loc(loop.iterable));
    return { locals: this.loopLocals(loop, item, undefined), index: undefined };
  }

  private loopLocals(loop: Expr & { kind: 'for' }, item: Value, index: number | undefined): Locals | undefined {
    let l: Locals | undefined;
    if (loop.item) l = { name: loop.item.name, value: item, via: `loop item ${loop.item.name}`, next: l };
    if (loop.index) {
      const iv = index === undefined ? V.unknown('loop index', this.ev.loc(loop.index)) : V.num(index, this.ev.loc(loop.index));
      l = { name: loop.index.name, value: iv, via: `loop index ${loop.index.name}`, next: l };
    }
    return l;
  }

  /** A module: recorded as a deployment resource; a local Bicep module is evaluated with the arguments given. */
  private module(decl: ModuleDecl): void {
    const { loop } = shape(decl.body);
    if (!loop) {
      this.inst.budget.moduleInstances++;
      return this.moduleInstance(decl, undefined, undefined);
    }
    // Same rule as resource loops: one module instance per item of a known, small collection.
    let runs = this.loopRuns(loop);
    const budget = this.inst.budget;
    if (runs.length > 1 && budget.moduleInstances + runs.length > MAX_MODULE_INSTANCES) {
      this.ctx.diagnostics.push({
        code: 'BICEP-MODULE',
        severity: 'warning',
        message: `module loop '${decl.name}' would bring the template past ${MAX_MODULE_INSTANCES} module instances; it is checked once with the loop item unknown`,
        location: this.loc(decl.nameStart, decl.nameEnd),
      });
      runs = [this.unknownRun(loop)];
    }
    budget.moduleInstances += runs.length;
    for (const run of runs) this.moduleInstance(decl, run.locals, run.index);
  }

  /** One instance of a module declaration (item `index` of its loop when expanded), and the resources it deploys. */
  private moduleInstance(decl: ModuleDecl, locals: Locals | undefined, index: number | undefined): void {
    const { object, conditional, loop } = shape(decl.body);
    const body = object ? this.ev.eval(object, locals) : undefined;
    const obj: ObjectValue = body?.kind === 'object' ? body : V.obj([], this.loc(decl.start, decl.end));
    const declLoc = this.loc(decl.keywordStart, decl.end);
    const key = this.key(decl.name, index);
    const r: Resource = {
      key,
      type: 'Microsoft.Resources/deployments',
      symbol: decl.name,
      name: getProperty(obj, 'name')?.value ?? V.str(decl.name, this.loc(decl.nameStart, decl.nameEnd)),
      body: obj,
      loc: declLoc,
      format: 'bicep',
      file: this.inst.unit.file,
      sourceType: `module ${decl.path}`,
    };
    if (conditional || this.inst.conditional) r.conditional = true;
    if (loop || this.inst.loop) r.loop = true;
    if (this.inst.via.length) r.via = this.inst.via;
    const scope = this.target(propExpr(object, 'scope'), locals, index);
    if (scope?.ref) r.scope = scope.ref;
    this.resources.push(r);

    if (isExternalModulePath(decl.path) || decl.path === '' || /\.json$/i.test(decl.path)) return;
    const pathLoc = this.loc(decl.pathStart, decl.pathEnd);
    const warn = (message: string): void => {
      this.ctx.diagnostics.push({ code: 'BICEP-MODULE', severity: 'warning', message, location: pathLoc });
    };
    const path = resolveRelative(this.inst.unit.file, decl.path);
    if (path === undefined) return warn(`module path '${decl.path}' points outside the repository; its resources are not checked`);
    if (this.inst.stack.includes(path) || path === this.inst.unit.file) return warn(`module '${decl.path}' is part of a cycle of modules; it is not followed again`);
    if (this.inst.stack.length >= MAX_MODULE_DEPTH) return warn(`modules are nested more than ${MAX_MODULE_DEPTH} deep; '${decl.path}' is not followed`);
    const unit = this.ctx.cache.get(path);
    if (!unit) return warn(`module file '${decl.path}' (${path}) was not found or could not be read; its resources are not checked`);
    const overrides = new Map<string, Value>();
    const params = getProperty(obj, 'params')?.value;
    if (params?.kind === 'object') for (const p of params.properties) overrides.set(p.key, p.value);
    const child = new TemplateEvaluator(
      {
        unit,
        overrides,
        keySuffix: `@${key}`,
        via: [...this.inst.via, declLoc],
        stack: [...this.inst.stack, this.inst.unit.file],
        conditional: r.conditional === true,
        loop: r.loop === true,
        budget: this.inst.budget,
      },
      this.ctx,
    );
    this.resources.push(...child.run());
  }

  /** `import {x} from './file.bicep'`: the exported variable x of that file, evaluated there. */
  private imported(from: string, name: string): Value | undefined {
    if (isExternalModulePath(from)) return undefined;
    const path = resolveRelative(this.inst.unit.file, from);
    if (path === undefined || this.inst.stack.includes(path) || path === this.inst.unit.file) return undefined;
    const unit = this.ctx.cache.get(path);
    if (!unit) return undefined;
    const ev = new Evaluator(unit, new Map(), { resourceName: () => undefined, readRelative: () => undefined, imported: () => undefined });
    return ev.vars.has(name) ? ev.varValue(name) : undefined;
  }
}
