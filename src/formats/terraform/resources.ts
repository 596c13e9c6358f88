import type { Location } from '../../model/location.js';
import type { Resource } from '../../model/resource.js';
import { V, getProperty, type ResourceRef, type Value } from '../../model/value.js';
import { attributeOf, type Block, type Expr } from './ast.js';
import { evaluateBlock, type EvBlock } from './blocks.js';
import { mapBody, type Mapped, type RefAttr } from './mapper.js';
import { setPath } from './set-path.js';
import { MAPPING } from './mapping-table.js';
import { locIn, type Env } from './scope.js';
import { fromPlain } from './values.js';

/** Where resources are being emitted from: the file, and for module resources the calling module chain. */
export interface EmitContext {
  env: Env;
  /** `@${callerKey}` for module resources, '' for the root. */
  keySuffix: string;
  via?: Location[];
  /** Inherited from a module call with count / for_each. */
  loop?: boolean;
  conditional?: boolean;
}

/** Providers whose resources we read; others (random, null, tls, ...) are not Azure resources. */
const PROVIDERS = /^(azurerm|azuread|azapi)_/;

/**
 * What a `count` says about instances: `cond ? 1 : 0` (either order) or a literal 0 means "maybe one"
 * (conditional), a literal 1 means exactly one, anything else is a loop.
 */
export function countKind(expr: Expr): 'conditional' | 'single' | 'loop' {
  let e = expr;
  // `"${var.on ? 1 : 0}"` is the Terraform 0.11 spelling of the same expression, still common in examples.
  for (;;) {
    if (e.type === 'paren') e = e.inner;
    else if (e.type === 'template' && !e.heredoc && e.parts.length === 1 && e.parts[0].kind === 'interp') e = e.parts[0].expr;
    else break;
  }
  const lit = (x: Expr): boolean => x.type === 'literal' && (x.value === 0 || x.value === 1);
  if (e.type === 'conditional' && lit(e.then) && lit(e.else)) return 'conditional';
  if (e.type === 'literal' && e.value === 1) return 'single';
  if (e.type === 'literal' && e.value === 0) return 'conditional';
  return 'loop';
}

/** Turn a `resource` or `data` block into a Resource (undefined for non-Azure providers). */
export function resourceFromBlock(block: Block, ctx: EmitContext): Resource | undefined {
  const [typeLabel, nameLabel] = block.labels;
  if (!typeLabel || !nameLabel || !PROVIDERS.test(typeLabel.value)) return undefined;
  const tfType = typeLabel.value;
  const isData = block.type === 'data';
  const symbol = isData ? `data.${tfType}.${nameLabel.value}` : `${tfType}.${nameLabel.value}`;
  const env = ctx.env;
  const loc = locIn(env, block.start, block.end);
  const ev = evaluateBlock(tfType, block.body, loc, env, true);

  let type: string;
  let apiVersion: string | undefined;
  let mapped: Mapped;
  let nameAttr = 'name';
  if (tfType === 'azapi_resource') {
    const r = mapAzapi(ev);
    [type, apiVersion, mapped] = [r.type, r.apiVersion, r.mapped];
  } else {
    const rule = MAPPING.types.get(tfType);
    type = rule?.armType ?? `Terraform/${tfType}`;
    nameAttr = rule?.nameAttr ?? 'name';
    mapped = mapBody(rule, ev);
  }

  const file = env.unit.file;
  const res: Resource = {
    key: `${file}#${symbol}${ctx.keySuffix}`,
    type,
    symbol,
    name: resourceName(mapped, ev, nameAttr, loc),
    body: mapped.body,
    loc,
    format: 'terraform',
    file,
    sourceType: tfType,
    sourceNames: mapped.sourceNames,
  };
  if (apiVersion) res.apiVersion = apiVersion;
  if (isData) res.existing = true;
  if (ctx.via && ctx.via.length > 0) res.via = ctx.via;
  const count = attributeOf(block.body, 'count');
  const forEach = attributeOf(block.body, 'for_each');
  const kind = count ? countKind(count.expr) : forEach ? 'loop' : 'single';
  if (kind === 'conditional') res.conditional = true;
  if (kind === 'loop') res.loop = true;
  if (ctx.loop) res.loop = true;
  if (ctx.conditional) res.conditional = true;
  if (mapped.parent) {
    res.parent = toRef(mapped.parent);
    const parentName = mapped.parent.value.kind === 'string' ? lastSegment(mapped.parent.value.value as string) : undefined;
    if (parentName && res.name.kind === 'string') res.name = { ...res.name, value: `${parentName}/${res.name.value as string}` };
  }
  if (mapped.scope) res.scope = toRef(mapped.scope);
  return res;
}

function resourceName(mapped: Mapped, ev: EvBlock, nameAttr: string, loc: Location): Value {
  const fromBody = getProperty(mapped.body, 'name')?.value;
  if (fromBody && nameAttr === 'name') return fromBody;
  const attr = ev.attrs.find((a) => a.name === nameAttr);
  return attr?.value ?? fromBody ?? V.unknown('no name given', loc);
}

function lastSegment(s: string): string {
  const parts = s.split('/').filter((p) => p !== '');
  return parts[parts.length - 1] ?? s;
}

/** A reference attribute (`key_vault_id = azurerm_key_vault.kv.id`, or an ID/name string) as a ResourceRef. */
function toRef(r: RefAttr): ResourceRef {
  const v = r.value;
  if (v.kind === 'unknown' && v.ref) {
    const ref: ResourceRef = { symbol: v.ref.symbol };
    if (v.ref.file) ref.file = v.ref.file;
    return ref;
  }
  if (v.kind === 'string') {
    const s = v.value as string;
    const ref: ResourceRef = { name: lastSegment(s) };
    if (r.refType) ref.type = r.refType;
    return ref;
  }
  return {};
}

/** Resource groups, subscriptions and management groups are deployment scopes, not ARM parents. */
function isContainerRef(v: Value): boolean {
  if (v.kind === 'unknown') return /^(data\.)?azurerm_(resource_group|subscription|management_group)\b/.test(v.ref?.symbol ?? 'azurerm_resource_group');
  if (v.kind === 'string') return /^\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+)?\/?$/i.test(v.value as string) || /managementGroups\/[^/]+\/?$/i.test(v.value as string);
  return true;
}

/**
 * azapi_resource: `type = "Microsoft.X/y@version"`, and `body` (an object, or jsonencode/JSON text of one)
 * is already an ARM body, so its keys merge straight into ours. `parent_id` names the ARM parent for child
 * types and the scope for extension resources (anything else deployed into a resource group is neither).
 */
function mapAzapi(ev: EvBlock): { type: string; apiVersion?: string; mapped: Mapped } {
  const body = V.obj([], ev.loc);
  const mapped: Mapped = { body, sourceNames: {} };
  let type = 'Terraform/azapi_resource';
  let apiVersion: string | undefined;
  for (const attr of ev.attrs) {
    const v = attr.value;
    switch (attr.name) {
      case 'type':
        if (v.kind === 'string') {
          const [t, ver] = (v.value as string).split('@');
          type = t;
          apiVersion = ver;
        }
        break;
      case 'name':
      case 'location':
      case 'tags':
        setPath(body, attr.name, v, attr.nameLoc);
        break;
      case 'body': {
        let b = attr.jsonArg ?? v;
        if (b.kind === 'string') {
          try {
            b = fromPlain(JSON.parse(b.value as string), b.loc);
          } catch {
            b = V.unknown('body is not valid JSON', b.loc);
          }
        }
        if (b.kind === 'object') for (const p of b.properties) setPath(body, p.key, p.value, p.keyLoc);
        else setPath(body, 'properties', b.kind === 'unknown' ? b : V.unknown('body is not an object', b.loc), attr.nameLoc);
        break;
      }
    }
  }
  // Decided after the loop: parent_id may come before type in the source.
  const parentAttr = ev.attrs.find((a) => a.name === 'parent_id');
  if (parentAttr) {
    if (type.split('/').length > 2) mapped.parent = { value: parentAttr.value, attr: 'parent_id' };
    else if (!isContainerRef(parentAttr.value)) mapped.scope = { value: parentAttr.value, attr: 'parent_id' };
  }
  const identity = ev.blocks.find((b) => b.type === 'identity');
  if (identity) {
    const id = V.obj([], identity.loc);
    for (const a of identity.attrs) setPath(id, a.name === 'identity_ids' ? 'userAssignedIdentities' : a.name, a.value, a.nameLoc);
    setPath(body, 'identity', id, identity.loc);
  }
  return { type, apiVersion, mapped };
}
