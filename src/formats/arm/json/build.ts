/** Builds Values from JSON.parse output, members on first read, with lazy path-based locations (see lazyLocation.ts). */
import type { Location } from '../../../model/location.js';
import type { ArrayValue, ObjectValue, Property, Value } from '../../../model/value.js';
import { PathKeyLocation, type PathLocation } from './lazyLocation.js';
import { MAX_DEPTH } from './prepare.js';

/** A property whose key location is made only when read. */
class LazyProperty implements Property {
  constructor(
    readonly key: string,
    public value: Value,
  ) {}
  get keyLoc(): Location {
    return new PathKeyLocation(this.value.loc as PathLocation);
  }
}

/**
 * An object over JSON.parse data whose members are built on first read: a rule reads a few paths of a
 * resource, so building every member of every body it touches would allocate far more than it reads.
 * `properties` is an accessor: copy this value field by field, never with `{ ...v }`.
 */
class PlainObject implements ObjectValue {
  readonly kind = 'object' as const;
  private members?: Property[];

  constructor(
    private readonly data: Record<string, unknown>,
    readonly loc: PathLocation,
    private readonly depth: number,
  ) {}

  get properties(): Property[] {
    if (this.members === undefined) {
      const members: Property[] = [];
      for (const key in this.data) members.push(new LazyProperty(key, buildValue(this.data[key], this.loc.child(key), this.depth + 1)));
      this.members = members;
    }
    return this.members;
  }
  set properties(v: Property[]) {
    this.members = v;
  }

  toJSON(): ObjectValue {
    return { kind: 'object', properties: this.properties, loc: this.loc };
  }
}

/** An array over JSON.parse data whose items are built on first read. */
class PlainArray implements ArrayValue {
  readonly kind = 'array' as const;
  private built?: Value[];

  constructor(
    private readonly data: unknown[],
    readonly loc: PathLocation,
    private readonly depth: number,
  ) {}

  get items(): Value[] {
    if (this.built === undefined) {
      const items: Value[] = new Array(this.data.length);
      for (let i = 0; i < this.data.length; i++) items[i] = buildValue(this.data[i], this.loc.child(i), this.depth + 1);
      this.built = items;
    }
    return this.built;
  }
  set items(v: Value[]) {
    this.built = v;
  }

  toJSON(): ArrayValue {
    return { kind: 'array', items: this.items, loc: this.loc };
  }
}

/** The Value of plain JSON data at `loc`, `depth` levels deep (the root is 1); deeper than MAX_DEPTH is unknown. */
export function buildValue(data: unknown, loc: PathLocation, depth: number): Value {
  switch (typeof data) {
    case 'string':
      return { kind: 'string', value: data, loc };
    case 'number':
      return { kind: 'number', value: data, loc };
    case 'boolean':
      return { kind: 'boolean', value: data, loc };
  }
  if (data === null || typeof data !== 'object') return { kind: 'null', value: null, loc };
  if (depth > MAX_DEPTH) return { kind: 'unknown', reason: 'nested too deeply to read', loc };
  if (Array.isArray(data)) return new PlainArray(data, loc, depth);
  return new PlainObject(data as Record<string, unknown>, loc, depth);
}
