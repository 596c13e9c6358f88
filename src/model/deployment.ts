import type { Resource } from './resource.js';
import type { ResourceRef, Value } from './value.js';
import { getProperty } from './value.js';

/** Three-valued truth: undefined means "cannot be known statically". */
export type Tri = boolean | undefined;

/** Parse an ARM resource id string (`/subscriptions/../providers/Microsoft.X/y/name/z/child`) into type and name. */
export function parseResourceId(id: string): { type: string; name: string } | undefined {
  const at = id.toLowerCase().lastIndexOf('/providers/');
  if (at < 0) return undefined;
  const parts = id.slice(at + '/providers/'.length).split('/').filter((p) => p !== '');
  if (parts.length < 3 || parts.length % 2 === 0) return undefined;
  const types = [parts[0], parts[1]];
  const names = [parts[2]];
  for (let i = 3; i + 1 < parts.length; i += 2) {
    types.push(parts[i]);
    names.push(parts[i + 1]);
  }
  return { type: types.join('/'), name: names.join('/') };
}

function lastSegment(s: string): string {
  const i = s.lastIndexOf('/');
  return (i < 0 ? s : s.slice(i + 1)).toLowerCase();
}

function dirOf(file: string): string {
  const i = file.lastIndexOf('/');
  return i < 0 ? '' : file.slice(0, i);
}

function isAncestorDir(a: string, b: string): boolean {
  return a === '' || a === b || b.startsWith(a + '/');
}

/**
 * All resources of one scan, linked: which resource points at which through scope, parent, or a reference
 * in a property. Built once per scan; look-ups are indexed by type and symbol.
 */
export class Deployment {
  private readonly byType = new Map<string, Resource[]>();
  private readonly bySymbol = new Map<string, Resource[]>();
  /** Per type: resources by the folders they belong to (their own, and their module callers'), sorted. */
  private readonly byTypeFolder = new Map<string, { folders: Map<string, Resource[]>; sorted: string[] }>();

  constructor(readonly resources: Resource[]) {
    for (const r of resources) {
      push(this.byType, r.type.toLowerCase(), r);
      if (r.symbol !== undefined) push(this.bySymbol, `${r.file}#${r.symbol}`, r);
    }
  }

  /**
   * The resources of a type that may share a deployment with `target`: those in its folder, in the folders
   * above it and below it (and module resources called from there). Found through a sorted folder index, so
   * that relating N resources to N others is not N × N.
   */
  private candidatesNear(target: Resource, type: string): Resource[] {
    return this.near(target, `type:${type.toLowerCase()}`, () => this.ofType(type));
  }

  /**
   * The members of a group (named by `key`, listed once by `members`) that may share a deployment with
   * `target`, through the folder index. Exact membership is still `sameDeployment`.
   */
  near(target: Resource, key: string, members: () => Resource[]): Resource[] {
    let index = this.byTypeFolder.get(key);
    if (!index) {
      const folders = new Map<string, Resource[]>();
      for (const r of members()) {
        const dirs = new Set([dirOf(r.file), ...(r.via ?? []).map((l) => dirOf(l.file))]);
        for (const d of dirs) push(folders, d, r);
      }
      index = { folders, sorted: [...folders.keys()].sort() };
      this.byTypeFolder.set(key, index);
    }
    const out = new Set<Resource>();
    const homes = new Set([dirOf(target.file), ...(target.via ?? []).map((l) => dirOf(l.file))]);
    for (const home of homes) {
      // Folders above (and the folder itself).
      for (let d: string | undefined = home; d !== undefined; d = d === '' ? undefined : dirOf(d)) {
        for (const r of index.folders.get(d) ?? []) out.add(r);
      }
      // Folders below: a contiguous run of the sorted list.
      const prefix = home === '' ? '' : `${home}/`;
      let i = lowerBound(index.sorted, prefix);
      for (; i < index.sorted.length && index.sorted[i].startsWith(prefix); i++) {
        for (const r of index.folders.get(index.sorted[i]) ?? []) out.add(r);
      }
    }
    return [...out];
  }

  /** Resources of an ARM type (case-insensitive). */
  ofType(type: string): Resource[] {
    return this.byType.get(type.toLowerCase()) ?? [];
  }

  /**
   * Whether two resources belong to one deployment: by default the folder tree a file sits in, so a file
   * sees files in its own folder, in folders below it, and in the folders above it.
   */
  sameDeployment(a: Resource, b: Resource): boolean {
    const da = dirOf(a.file);
    const db = dirOf(b.file);
    return isAncestorDir(da, db) || isAncestorDir(db, da) || sharesCaller(a, b);
  }

  /** The resources a reference may denote; `unresolved` when it names something not in the scan. */
  resolve(ref: ResourceRef, from: Resource): Resource[] {
    if (ref.symbol !== undefined) {
      const file = ref.file ?? from.file;
      let found = this.bySymbol.get(`${file}#${ref.symbol}`) ?? [];
      if (found.length > 1) {
        // Several instances (a module used twice, one per parameter file): prefer the caller's own context.
        const ctx = contextOf(from);
        const same = found.filter((r) => contextOf(r) === ctx);
        if (same.length > 0) found = same;
      }
      return found.flatMap((r) => (r.existing ? [r, ...this.declarationsOf(r)] : [r]));
    }
    if (ref.type !== undefined && ref.name !== undefined) {
      const name = lastSegment(ref.name);
      return this.ofType(ref.type).filter(
        (r) => r.name.kind === 'string' && lastSegment(r.name.value as string) === name && this.sameDeployment(r, from),
      );
    }
    return [];
  }

  /**
   * The resources of the scan that an `existing` declaration (or Terraform data source) stands for: same
   * type and known name, in the same deployment.
   */
  private declarationsOf(existing: Resource): Resource[] {
    if (existing.name.kind !== 'string') return [];
    const name = (existing.name.value as string).toLowerCase();
    return this.ofType(existing.type).filter(
      (r) => !r.existing && r.name.kind === 'string' && (r.name.value as string).toLowerCase() === name && this.sameDeployment(r, existing),
    );
  }

  /** Does this value denote `target` (its id, name or the resource itself)? Unknown when it cannot be told. */
  refersTo(v: Value | undefined, target: Resource, from: Resource): Tri {
    if (v === undefined) return false;
    if (v.kind === 'unknown') {
      if (!v.ref) return undefined;
      return this.judgeResolved(this.resolve(v.ref, from), v.ref, target);
    }
    if (v.kind === 'string') {
      const parsed = parseResourceId(v.value as string);
      if (!parsed) return false;
      if (parsed.type.toLowerCase() !== target.type.toLowerCase()) return false;
      if (target.name.kind !== 'string') return undefined;
      return lastSegment(parsed.name) === lastSegment(target.name.value as string);
    }
    return false;
  }

  /**
   * Whether what a reference resolved to is the target: certainly when it is among them; unknown when one of
   * them is an `existing` declaration of the target's type whose name cannot be known (it may stand for it).
   */
  private judgeResolved(found: Resource[], ref: ResourceRef, target: Resource): Tri {
    if (found.includes(target)) return true;
    if (found.length === 0) return this.unresolvedRef(ref, target);
    const maybe = found.some((r) => r.existing && r.name.kind !== 'string' && r.type.toLowerCase() === target.type.toLowerCase());
    return maybe ? undefined : false;
  }

  /** A reference to something outside the scan may still be the target when its type fits. */
  private unresolvedRef(ref: ResourceRef, target: Resource): Tri {
    if (ref.type !== undefined && ref.type.toLowerCase() !== target.type.toLowerCase()) return false;
    if (ref.symbol !== undefined) return false; // a symbol of this scan that is not the target
    return undefined;
  }

  private refRefersTo(ref: ResourceRef | undefined, target: Resource, from: Resource): Tri {
    if (!ref) return false;
    return this.judgeResolved(this.resolve(ref, from), ref, target);
  }

  /**
   * Resources of the given types that point at `target` — through `scope`, `parent`, a property path
   * (`properties.targetResourceId`, `[*]` for every item of an array), or `any` reference in their body.
   * `uncertain` is true when some candidate's pointer cannot be known statically.
   */
  related(target: Resource, types: string[], via: string): { matches: Resource[]; uncertain: boolean } {
    const matches: Resource[] = [];
    let uncertain = false;
    for (const type of types) {
      for (const c of this.candidatesNear(target, type)) {
        if (c === target || !this.sameDeployment(c, target)) continue;
        let t: Tri;
        if (via === 'scope') t = this.refRefersTo(c.scope, target, c);
        else if (via === 'parent') {
          const r = this.refRefersTo(c.parent, target, c);
          t = r === true || this.isNamedChild(c, target) ? true : r;
        }
        else if (via === 'any') t = this.anyRef(c, target);
        else t = this.pathRefersTo(c.body, via.split('.'), target, c);
        if (t === true) matches.push(c);
        else if (t === undefined) uncertain = true;
      }
    }
    return { matches, uncertain };
  }

  private isNamedChild(c: Resource, target: Resource): boolean {
    if (!c.type.toLowerCase().startsWith(target.type.toLowerCase() + '/')) return false;
    if (c.name.kind !== 'string' || target.name.kind !== 'string') return false;
    return (c.name.value as string).toLowerCase().startsWith((target.name.value as string).toLowerCase() + '/');
  }

  private pathRefersTo(v: Value | undefined, steps: string[], target: Resource, from: Resource): Tri {
    if (steps.length === 0) return this.refersTo(v, target, from);
    if (v === undefined) return false;
    if (v.kind === 'unknown') return v.ref ? this.refersTo(v, target, from) : undefined;
    const [step, ...rest] = steps;
    if (step.endsWith('[*]')) {
      const arr = v.kind === 'object' ? getProperty(v, step.slice(0, -3))?.value : undefined;
      if (arr === undefined) return false;
      if (arr.kind === 'unknown') return undefined;
      if (arr.kind !== 'array') return false;
      return anyTri(arr.items.map((item) => this.pathRefersTo(item, rest, target, from)));
    }
    if (v.kind !== 'object') return false;
    return this.pathRefersTo(getProperty(v, step)?.value, rest, target, from);
  }

  private anyRef(c: Resource, target: Resource): Tri {
    const results: Tri[] = [this.refRefersTo(c.scope, target, c), this.refRefersTo(c.parent, target, c)];
    const walk = (v: Value): void => {
      if (v.kind === 'object') v.properties.forEach((p) => walk(p.value));
      else if (v.kind === 'array') v.items.forEach(walk);
      else if (v.kind === 'unknown' && v.ref) results.push(this.refersTo(v, target, c));
      else if (v.kind === 'string' && (v.value as string).includes('/providers/')) results.push(this.refersTo(v, target, c));
    };
    walk(c.body);
    // An unknown without a reference inside an arbitrary property says nothing; only references count here.
    return results.some((r) => r === true) ? true : results.some((r) => r === undefined) ? undefined : false;
  }
}

/** First index of a sorted list whose item is not below `key`. */
function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function anyTri(values: Tri[]): Tri {
  if (values.some((v) => v === true)) return true;
  return values.some((v) => v === undefined) ? undefined : false;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The part of a resource key after `file#symbol`: which module instance or parameter file it belongs to. */
function contextOf(r: Resource): string {
  const head = `${r.file}#${r.symbol ?? ''}`;
  return r.key.startsWith(head) ? r.key.slice(head.length) : r.key;
}

function sharesCaller(a: Resource, b: Resource): boolean {
  const ca = a.via?.[0]?.file;
  const cb = b.via?.[0]?.file;
  return (ca !== undefined && (ca === b.file || ca === cb)) || (cb !== undefined && cb === a.file);
}
