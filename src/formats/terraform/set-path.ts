import type { Location } from '../../model/location.js';
import { V, type ArrayValue, type ObjectValue, type Property, type Value } from '../../model/value.js';

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
 * Containers created on the way have no source text of their own: they take the location of `container`
 * (the block being mapped), so a finding about one (e.g. "access policies present") lands on the block.
 */
export function setPath(container: ObjectValue, path: string, value: Value, keyLoc: Location): void {
  owned.add(container);
  const shell = container.loc;
  const steps = path.split('.');
  let cur = container;
  for (let i = 0; i < steps.length - 1; i++) {
    const step = steps[i];
    const at = findIndex(cur, step);
    const existing = at >= 0 ? cur.properties[at].value : undefined;
    const indexNext = /^\d+$/.test(steps[i + 1]);
    const next: ObjectValue | ArrayValue = indexNext ? ownedArray(existing, shell) : ownedObject(existing, shell);
    if (next !== existing) {
      const prop: Property = { key: step, keyLoc: at >= 0 ? cur.properties[at].keyLoc : shell, value: next };
      if (at >= 0) cur.properties[at] = prop;
      else cur.properties.push(prop);
    }
    if (next.kind === 'array') {
      const idx = Number(steps[++i]);
      while (next.items.length <= idx) next.items.push(ownedObject(undefined, shell));
      const item = ownedObject(next.items[idx], shell);
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
