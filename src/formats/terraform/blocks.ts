import type { Location } from '../../model/location.js';
import { V, type Value } from '../../model/value.js';
import { attributeOf, blocksOf, type Block, type Body, type Expr } from './ast.js';
import { evaluate } from './eval.js';
import { locIn, withNames, type Env } from './scope.js';
import { iterate } from './values.js';

/** An attribute with its evaluated value. */
export interface EvAttr {
  name: string;
  nameLoc: Location;
  value: Value;
  expr: Expr;
  /** For `x = jsonencode(arg)`: the evaluated argument, with its own locations. */
  jsonArg?: Value;
}

/** A block with evaluated attributes and nested blocks (dynamic blocks expanded). */
export interface EvBlock {
  type: string;
  loc: Location;
  attrs: EvAttr[];
  blocks: EvBlock[];
  /** Produced by a `dynamic` block: one per element, or one with unknown iterator values. */
  dynamic?: boolean;
}

/** Meta-arguments of resources and modules: they steer Terraform, they are not resource settings. */
const META_ATTRS = new Set(['count', 'for_each', 'depends_on', 'provider', 'providers', 'source', 'version']);
const META_BLOCKS = new Set(['lifecycle', 'provisioner', 'connection', 'timeouts']);

/** Most elements a dynamic block is expanded to before we stop expanding. */
const MAX_DYNAMIC = 1000;

/** Evaluate a block body; `top` skips meta-arguments. */
export function evaluateBlock(type: string, body: Body, loc: Location, env: Env, top: boolean, depth = 0): EvBlock {
  const out: EvBlock = { type, loc, attrs: [], blocks: [] };
  for (const item of body.items) {
    if (item.kind === 'attribute') {
      if (top && META_ATTRS.has(item.name)) continue;
      const attr: EvAttr = {
        name: item.name,
        nameLoc: locIn(env, item.nameSpan.start, item.nameSpan.end),
        value: evaluate(item.expr, env),
        expr: item.expr,
      };
      if (item.expr.type === 'call' && item.expr.name === 'jsonencode' && item.expr.args.length === 1) {
        attr.jsonArg = evaluate(item.expr.args[0], env);
      }
      out.attrs.push(attr);
      continue;
    }
    if (top && META_BLOCKS.has(item.type)) continue;
    if (depth > 32) continue;
    if (item.type === 'dynamic') out.blocks.push(...expandDynamic(item, env, depth));
    else out.blocks.push(evaluateBlock(item.type, item.body, locIn(env, item.start, item.end), env, false, depth + 1));
  }
  return out;
}

/** `dynamic "x" { for_each = ..., iterator = it, content { ... } }` → one block per element. */
function expandDynamic(block: Block, env: Env, depth: number): EvBlock[] {
  const label = block.labels[0]?.value;
  const content = blocksOf(block.body, 'content')[0];
  if (!label || !content) return [];
  const loc = locIn(env, block.start, block.end);
  const iterAttr = attributeOf(block.body, 'iterator');
  const iterName = iterAttr?.expr.type === 'variable' ? iterAttr.expr.name : label;
  const forEach = attributeOf(block.body, 'for_each');
  const coll = forEach ? evaluate(forEach.expr, env) : V.unknown('dynamic block without for_each', loc);
  const entries = coll.kind === 'unknown' ? undefined : iterate(coll);
  const make = (iter: Value): EvBlock => {
    const b = evaluateBlock(label, content.body, loc, withNames(env, { [iterName]: iter }), false, depth + 1);
    b.dynamic = true;
    return b;
  };
  if (!entries || entries.length > MAX_DYNAMIC) {
    const why = coll.kind === 'unknown' ? coll.reason : 'too many elements';
    return [make(V.unknown(`${iterName} of dynamic "${label}" (for_each not known statically: ${why})`, loc))];
  }
  return entries.map((e) =>
    make(
      V.obj(
        [
          { key: 'key', keyLoc: e.key.loc, value: e.key },
          { key: 'value', keyLoc: e.value.loc, value: e.value },
        ],
        e.value.loc,
      ),
    ),
  );
}
