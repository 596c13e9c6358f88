import { V, type ObjectValue, type Value } from '../../model/value.js';
import type { EvAttr, EvBlock } from './blocks.js';
import { MAPPING, ruleFor, type AttrRule, type TypeRule } from './mapping-table.js';
import { setPath } from './set-path.js';
import { constValue, transform } from './transforms.js';

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

/** Record the Terraform name of an ARM path; keys carry no list indexes (`accessPolicies.0.x` → `accessPolicies.x`). */
function noteSource(ctx: Ctx, armPath: string, tfPath: string): void {
  ctx.out.sourceNames[armPath.replace(/\.\d+(?=\.|$)/g, '')] = tfPath;
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
    setPath(container, target, rule ? transform(attr, rule, ev.attrs) : attr.value, attr.nameLoc);
    for (const c of rule?.sets ?? []) setPath(container, c.path, constValue(c, attr.nameLoc), attr.nameLoc);
    noteSource(ctx, armPrefix + target, path);
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
    noteSource(ctx, armPrefix + target, path);
  }
}

function mapBlocks(container: ObjectValue, blocks: EvBlock[], path: string, armPrefix: string, rule: AttrRule, ctx: Ctx): void {
  if (blocks.length === 0) {
    if (rule.transforms.includes('list')) setPath(container, rule.arm, V.arr([], container.loc), container.loc);
    return;
  }
  // `when:`: blocks that say so go to another ARM path (a manual private endpoint connection).
  const when = rule.when;
  const moved = when ? blocks.filter((b) => isTrue(b, when.attr)) : [];
  const stay = blocks.filter((b) => !moved.includes(b));
  if (when && moved.length > 0) placeBlocks(container, moved, path, armPrefix, when.arm, rule, ctx);
  if (stay.length > 0) placeBlocks(container, stay, path, armPrefix, rule.arm, rule, ctx);
}

function placeBlocks(container: ObjectValue, blocks: EvBlock[], path: string, armPrefix: string, arm: string, rule: AttrRule, ctx: Ctx): void {
  const items = blocks.map((b) => {
    const item = V.obj([], b.loc);
    for (const c of rule.sets) setPath(item, c.path, constValue(c, b.loc), b.loc);
    mapInto(item, b, path + '.', armPrefix + arm + '.', false, ctx);
    return item;
  });
  if (rule.transforms.includes('list')) {
    setPath(container, arm, V.arr(items, blocks[0].loc), blocks[0].loc);
  } else {
    setPath(container, arm, items[0], blocks[0].loc);
  }
  noteSource(ctx, armPrefix + arm, path);
}

/** Is this attribute of the block known to be true? */
function isTrue(b: EvBlock, attr: string): boolean {
  const v = b.attrs.find((a) => a.name === attr)?.value;
  return v?.kind === 'boolean' && v.value === true;
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


