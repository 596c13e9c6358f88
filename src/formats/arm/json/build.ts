/** Builds Values from JSON.parse output, with lazy path-based locations (see lazyLocation.ts). */
import type { Location } from '../../../model/location.js';
import type { Property, Value } from '../../../model/value.js';
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
  if (Array.isArray(data)) {
    const items: Value[] = new Array(data.length);
    for (let i = 0; i < data.length; i++) items[i] = buildValue(data[i], loc.child(i), depth + 1);
    return { kind: 'array', items, loc };
  }
  const obj = data as Record<string, unknown>;
  const properties: Property[] = [];
  for (const key in obj) properties.push(new LazyProperty(key, buildValue(obj[key], loc.child(key), depth + 1)));
  return { kind: 'object', properties, loc };
}
