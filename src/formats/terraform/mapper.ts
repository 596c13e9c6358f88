import type { Location } from '../../model/location.js';
import { V, type ArrayValue, type ObjectValue, type Property, type Value } from '../../model/value.js';
import type { EvAttr, EvBlock } from './blocks.js';
import { MAPPING, ruleFor, type AttrRule, type SetConst, type TypeRule } from './mapping-table.js';
import { fromPlain, relocate } from './values.js';

/** A `@parent` / `@scope` attribute as written. */
export interface RefAttr {
  value: Value;
  attr: string;
  refType?: string;
}

export interface Mapped {
  body: ObjectValue;
  /** ARM path (without list indexes) → Terraform attribute path. */
  sourceNames: Record<string, string>;
  parent?: RefAttr;
  scope?: RefAttr;
}

interface Ctx {
  type?: TypeRule;
  flat: boolean;
  out: Mapped;
}

/** Map an evaluated Terraform resource body onto an ARM-shaped body using the mapping table. */
export function mapBody(type: TypeRule | undefined, ev: EvBlock): Mapped {
  const body = V.obj([], ev.loc);
  const out: Mapped = { body, sourceNames: {} };
  for (const c of type?.sets ?? []) setPath(body, c.path, constValue(c, ev.loc), ev.loc);
  mapInto(body, ev, '', '', true, { type, flat: type?.flat ?? false, out });
  return out;
}

function lookup(ctx: Ctx, path: string, top: boolean): AttrRule | undefined {
  if (ctx.type) return ruleFor(MAPPING, ctx.type, path);
  return top ? MAPPING.common.get(path) : undefined;
}

function mapInto(container: ObjectValue, ev: EvBlock, tfPrefix: string, armPrefix: string, top: boolean, ctx: Ctx): void {
  for (const attr of ev.attrs) {
    const path = tfPrefix + attr.name;
    const rule = lookup(ctx, path, top);
    if (rule?.arm === '@parent' || rule?.arm === '@scope') {
      const ref: RefAttr = { value: attr.value, attr: path, refType: rule.refType };
      if (rule.arm === '@parent') ctx.out.parent ??= ref;
      else ctx.out.scope ??= ref;
      continue;
    }
    if (rule && (rule.transforms.includes('list') || rule.transforms.includes('block'))) {
      // Attribute syntax for a nested block (`security_rule = [{...}]`): map its objects like blocks.
      mapBlocks(container, asBlocks(attr), path, armPrefix, rule, ctx);
      continue;
    }
    const target = rule ? rule.arm : top && !ctx.flat ? `properties.${attr.name}` : attr.name;
    setPath(container, target, rule ? transform(attr, rule) : attr.value, attr.nameLoc);
    for (const c of rule?.sets ?? []) setPath(container, c.path, constValue(c, attr.nameLoc), attr.nameLoc);
    ctx.out.sourceNames[armPrefix + target] = path;
  }
  const groups = new Map<string, EvBlock[]>();
  for (const b of ev.blocks) {
    const g = groups.get(b.type);
    if (g) g.push(b);
    else groups.set(b.type, [b]);
  }
  for (const [type, blocks] of groups) {
    const path = tfPrefix + type;
    const rule = lookup(ctx, path, top);
    if (rule) {
      mapBlocks(container, blocks, path, armPrefix, rule, ctx);
      continue;
    }
    const target = top && !ctx.flat ? `properties.${type}` : type;
    const items = blocks.map((b) => {
      const item = V.obj([], b.loc);
      mapInto(item, b, path + '.', armPrefix + target + '.', false, ctx);
      return item;
    });
    setPath(container, target, items.length === 1 ? items[0] : V.arr(items, blocks[0].loc), blocks[0].loc);
    ctx.out.sourceNames[armPrefix + target] = path;
  }
}

function mapBlocks(container: ObjectValue, blocks: EvBlock[], path: string, armPrefix: string, rule: AttrRule, ctx: Ctx): void {
  if (blocks.length === 0) {
    if (rule.transforms.includes('list')) setPath(container, rule.arm, V.arr([], container.loc), container.loc);
    return;
  }
  const items = blocks.map((b) => {
    const item = V.obj([], b.loc);
    for (const c of rule.sets) setPath(item, c.path, constValue(c, b.loc), b.loc);
    mapInto(item, b, path + '.', armPrefix + rule.arm + '.', false, ctx);
    return item;
  });
  if (rule.transforms.includes('list')) {
    setPath(container, rule.arm, V.arr(items, blocks[0].loc), blocks[0].loc);
  } else {
    setPath(container, rule.arm, items[0], blocks[0].loc);
  }
  ctx.out.sourceNames[armPrefix + rule.arm] = path;
}

/** Objects given with attribute syntax, seen as blocks. Unknown values stay as one unknown-valued block. */
function asBlocks(attr: EvAttr): EvBlock[] {
  const v = attr.value;
  const objects = v.kind === 'array' ? v.items : v.kind === 'object' ? [v] : [];
  return objects
    .filter((o): o is ObjectValue => o.kind === 'object')
    .map((o) => ({
      type: attr.name,
      loc: o.loc,
      attrs: o.properties.map((p) => ({ name: p.key, nameLoc: p.keyLoc, value: p.value, expr: attr.expr })),
      blocks: [],
    }));
}

function constValue(c: SetConst, loc: Location): Value {
  if (typeof c.value === 'boolean') return V.bool(c.value, loc);
  if (typeof c.value === 'number') return V.num(c.value, loc);
  return V.str(c.value, loc);
}

function mapScalar(v: Value, f: (x: string | number | boolean) => string | number | boolean | undefined): Value {
  if (v.kind !== 'string' && v.kind !== 'number' && v.kind !== 'boolean') return v;
  const r = f(v.value as string | number | boolean);
  if (r === undefined) return v;
  const out = relocate(v, v.loc, v.origin);
  return { ...out, kind: typeof r === 'string' ? 'string' : typeof r === 'number' ? 'number' : 'boolean', value: r } as Value;
}

function transform(attr: EvAttr, rule: AttrRule): Value {
  let v = attr.value;
  for (const t of rule.transforms) {
    switch (t) {
      case 'enabled':
        v = mapScalar(v, (x) => (typeof x === 'boolean' ? (x ? 'Enabled' : 'Disabled') : undefined));
        break;
      case 'onoff':
        v = mapScalar(v, (x) => (typeof x === 'boolean' ? (x ? 'On' : 'Off') : undefined));
        break;
      case 'invert':
        v = mapScalar(v, (x) => (typeof x === 'boolean' ? !x : undefined));
        break;
      case 'enforce':
        v = mapScalar(v, (x) => (typeof x === 'boolean' ? (x ? 'Default' : 'DoNotEnforce') : undefined));
        break;
      case 'epoch':
        v = mapScalar(v, (x) => {
          const ms = typeof x === 'string' ? Date.parse(x) : NaN;
          return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
        });
        break;
      case 'lower':
        v = v.kind === 'array' ? V.arr(v.items.map((i) => mapScalar(i, (x) => (typeof x === 'string' ? x.toLowerCase() : undefined))), v.loc, v.origin) : mapScalar(v, (x) => (typeof x === 'string' ? x.toLowerCase() : undefined));
        break;
      case 'map':
        v = mapScalar(v, (x) => (typeof x === 'string' ? rule.rename?.[x.toLowerCase()] : undefined));
        break;
      case 'json':
        v = fromJsonText(attr, v);
        break;
      case 'namevalue':
        if (v.kind === 'object') {
          v = V.arr(
            v.properties.map((p) => V.obj([{ key: 'name', keyLoc: p.keyLoc, value: V.str(p.key, p.keyLoc) }, { key: 'value', keyLoc: p.keyLoc, value: p.value }], p.keyLoc)),
            v.loc,
            v.origin,
          );
        }
        break;
      case 'each':
        if (v.kind === 'array' && rule.each) {
          const path = rule.each;
          v = V.arr(
            v.items.map((item) => {
              const o = V.obj([], item.loc);
              setPath(o, path, item, item.loc);
              return o;
            }),
            v.loc,
            v.origin,
          );
        }
        break;
    }
  }
  return v;
}

function fromJsonText(attr: EvAttr, v: Value): Value {
  if (attr.jsonArg) return attr.jsonArg;
  if (v.kind !== 'string') return v;
  try {
    return fromPlain(JSON.parse(v.value as string), v.loc);
  } catch {
    return V.unknown(`${attr.name} is not valid JSON`, v.loc);
  }
}

function findIndex(obj: ObjectValue, key: string): number {
  for (let i = obj.properties.length - 1; i >= 0; i--) if (obj.properties[i].key === key) return i;
  return -1;
}

/** Containers built by the mapper itself: safe to extend in place (evaluated values may be shared). */
const owned = new WeakSet<object>();

function ownedObject(from: Value | undefined, loc: Location): ObjectValue {
  if (from?.kind === 'object' && owned.has(from)) return from;
  const o: ObjectValue = from?.kind === 'object' ? { ...from, properties: [...from.properties] } : V.obj([], loc);
  owned.add(o);
  return o;
}

function ownedArray(from: Value | undefined, loc: Location): ArrayValue {
  if (from?.kind === 'array' && owned.has(from)) return from;
  const a: ArrayValue = from?.kind === 'array' ? { ...from, items: [...from.items] } : V.arr([], loc);
  owned.add(a);
  return a;
}

/**
 * Write `value` at a dotted path (numeric steps index arrays), creating objects on the way. Existing
 * objects and arrays at the target are merged; containers that came from evaluation are copied first.
 */
export function setPath(container: ObjectValue, path: string, value: Value, keyLoc: Location): void {
  owned.add(container);
  const steps = path.split('.');
  let cur = container;
  for (let i = 0; i < steps.length - 1; i++) {
    const step = steps[i];
    const at = findIndex(cur, step);
    const existing = at >= 0 ? cur.properties[at].value : undefined;
    const indexNext = /^\d+$/.test(steps[i + 1]);
    const next: ObjectValue | ArrayValue = indexNext ? ownedArray(existing, keyLoc) : ownedObject(existing, keyLoc);
    if (next !== existing) {
      const prop: Property = { key: step, keyLoc: at >= 0 ? cur.properties[at].keyLoc : keyLoc, value: next };
      if (at >= 0) cur.properties[at] = prop;
      else cur.properties.push(prop);
    }
    if (next.kind === 'array') {
      const idx = Number(steps[++i]);
      while (next.items.length <= idx) next.items.push(ownedObject(undefined, keyLoc));
      const item = ownedObject(next.items[idx], keyLoc);
      next.items[idx] = item;
      if (i === steps.length - 1) return;
      cur = item;
    } else {
      cur = next;
    }
  }
  const last = steps[steps.length - 1];
  const at = findIndex(cur, last);
  if (at >= 0) {
    const old = cur.properties[at].value;
    if (old.kind === 'object' && value.kind === 'object') {
      const merged = ownedObject(old, keyLoc);
      merged.properties.push(...value.properties);
      cur.properties[at] = { ...cur.properties[at], value: merged };
      return;
    }
    if (old.kind === 'array' && value.kind === 'array') {
      const merged = ownedArray(old, keyLoc);
      merged.items.push(...value.items);
      cur.properties[at] = { ...cur.properties[at], value: merged };
      return;
    }
    cur.properties.splice(at, 1);
  }
  cur.properties.push({ key: last, keyLoc, value });
}
