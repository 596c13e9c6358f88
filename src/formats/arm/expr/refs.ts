/** Resource references from resourceId()-style calls and from resource ID strings. */
import type { ResourceRef, Value } from '../../../model/value.js';

const TYPE_RE = /^[A-Za-z0-9]+(\.[A-Za-z0-9]+)+\/[^/]+(\/[^/]+)*$/;

/** The {type, name} a resourceId()-family call denotes; undefined when its type is not a known string. */
export function refFromIdCall(fn: string, args: Value[]): ResourceRef | undefined {
  let typeIndex: number;
  if (fn === 'extensionresourceid') typeIndex = 1;
  else typeIndex = args.findIndex((a) => a.kind === 'string' && TYPE_RE.test((a as { value: string }).value));
  const t = args[typeIndex];
  if (typeIndex < 0 || t?.kind !== 'string') return undefined;
  const names = args.slice(typeIndex + 1);
  const ref: ResourceRef = { type: t.value as string, property: 'id' };
  if (names.length > 0 && names.every((n) => n.kind === 'string')) ref.name = names.map((n) => (n as { value: string }).value).join('/');
  return ref;
}

/**
 * Type and name from a resource ID (`/subscriptions/…/providers/Microsoft.KeyVault/vaults/kv`) or a
 * scope path (`Microsoft.KeyVault/vaults/kv`, `Microsoft.Network/virtualNetworks/vnet/subnets/a`).
 */
export function refFromIdString(id: string): ResourceRef | undefined {
  const at = id.lastIndexOf('/providers/');
  const path = at >= 0 ? id.slice(at + '/providers/'.length) : id.replace(/^\//, '');
  const parts = path.split('/');
  if (parts.length < 3 || !/^[A-Za-z0-9]+(\.[A-Za-z0-9]+)+$/.test(parts[0])) return undefined;
  const types = [parts[0], parts[1]];
  const names = [parts[2]];
  for (let i = 3; i + 1 < parts.length; i += 2) {
    types.push(parts[i]);
    names.push(parts[i + 1]);
  }
  return { type: types.join('/'), name: names.join('/') };
}

/** The ARM type named at the start of a scope expression's text, for scopes whose name is unknown. */
export function typeInText(text: string): string | undefined {
  return /([A-Za-z0-9]+(?:\.[A-Za-z0-9]+)+\/[A-Za-z0-9]+)(?:\/|'|$)/.exec(text)?.[1];
}
