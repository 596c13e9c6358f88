/**
 * A read JSON document as a tree of nodes that become Values only when asked: a template's resource
 * bodies are large and most are never looked at, so building their Values eagerly would cost more than
 * JSON.parse itself. Nodes over JSON.parse output (PlainNode) and over a Value tree (ValueNode, from the
 * tolerant reader) behave the same.
 */
import type { Location } from '../../../model/location.js';
import { getProperty, type Value } from '../../../model/value.js';
import { buildValue } from './build.js';
import type { PathLocation } from './lazyLocation.js';

/** One value of a JSON document. */
export interface JsonNode {
  readonly loc: Location;
  readonly kind: 'object' | 'array' | 'scalar';
  /** The Value of this node and everything under it (built on first call). */
  value(): Value;
  /** The child at a key (exact match first, then case-insensitive, as ARM reads names), for objects. */
  child(key: string): JsonNode | undefined;
  /** Items of an array, or values of an object, with their keys (index as string for arrays). */
  children(): Array<[string, JsonNode]>;
  /** The string, when this node is one. */
  string(): string | undefined;
}

/** A node over plain JSON.parse data. */
export class PlainNode implements JsonNode {
  private built?: Value;
  readonly kind: 'object' | 'array' | 'scalar';

  constructor(
    private readonly data: unknown,
    readonly loc: PathLocation,
    private readonly depth: number,
  ) {
    this.kind = data !== null && typeof data === 'object' ? (Array.isArray(data) ? 'array' : 'object') : 'scalar';
  }

  value(): Value {
    return (this.built ??= buildValue(this.data, this.loc, this.depth));
  }

  child(key: string): JsonNode | undefined {
    if (this.kind !== 'object') return undefined;
    const obj = this.data as Record<string, unknown>;
    if (Object.hasOwn(obj, key)) return new PlainNode(obj[key], this.loc.child(key), this.depth + 1);
    const lower = key.toLowerCase();
    let found: string | undefined;
    for (const k in obj) if (k.length === lower.length && k.toLowerCase() === lower) found = k;
    return found === undefined ? undefined : new PlainNode(obj[found], this.loc.child(found), this.depth + 1);
  }

  children(): Array<[string, JsonNode]> {
    if (this.kind === 'array') return (this.data as unknown[]).map((d, i) => [String(i), new PlainNode(d, this.loc.child(i), this.depth + 1)]);
    if (this.kind !== 'object') return [];
    const obj = this.data as Record<string, unknown>;
    return Object.keys(obj).map((k) => [k, new PlainNode(obj[k], this.loc.child(k), this.depth + 1)]);
  }

  string(): string | undefined {
    return typeof this.data === 'string' ? this.data : undefined;
  }
}

/** A node over an already built Value. */
export class ValueNode implements JsonNode {
  readonly kind: 'object' | 'array' | 'scalar';
  constructor(private readonly v: Value) {
    this.kind = v.kind === 'object' ? 'object' : v.kind === 'array' ? 'array' : 'scalar';
  }
  get loc(): Location {
    return this.v.loc;
  }
  value(): Value {
    return this.v;
  }
  child(key: string): JsonNode | undefined {
    if (this.v.kind !== 'object') return undefined;
    const p = getProperty(this.v, key);
    return p && new ValueNode(p.value);
  }
  children(): Array<[string, JsonNode]> {
    if (this.v.kind === 'array') return this.v.items.map((v, i) => [String(i), new ValueNode(v)]);
    if (this.v.kind === 'object') return this.v.properties.map((p) => [p.key, new ValueNode(p.value)]);
    return [];
  }
  string(): string | undefined {
    return this.v.kind === 'string' ? (this.v.value as string) : undefined;
  }
}

/** The node at a dotted path below `node`. */
export function nodeAt(node: JsonNode | undefined, path: string): JsonNode | undefined {
  let cur = node;
  for (const step of path.split('.')) cur = cur?.child(step);
  return cur;
}
