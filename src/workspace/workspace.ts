import { closeSync, fstatSync, openSync, readdirSync, readSync, realpathSync, constants } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ParseContext } from '../model/resource.js';

/** Files larger than this are skipped with a notice (a template over 4 MB is not hand-written). */
export const DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** Normalise a repository-relative path: `/` separators, no `.` or empty steps; undefined when it leaves the root. */
export function normalizeRelative(p: string): string | undefined {
  if (p.includes('\0')) return undefined;
  const parts: string[] = [];
  for (const step of p.replace(/\\/g, '/').split('/')) {
    if (step === '' || step === '.') continue;
    if (step === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(step);
  }
  return parts.join('/');
}

/**
 * Read-only access to the checked-out workspace. Every path is resolved to its real location and refused
 * when that lies outside the workspace (a symbolic link pointing at /etc/passwd or the runner's secrets is
 * never opened); only regular files within the size cap are read; invalid UTF-8 is tolerated.
 */
export class Workspace implements ParseContext {
  readonly root: string;
  private readonly realRoot: string;
  private readonly cache = new Map<string, ReadResult>();
  /** Front ends ask for the same folder once per file in it (parameter files, sibling .tf files). */
  private readonly listings = new Map<string, string[]>();

  constructor(root: string, readonly maxBytes = DEFAULT_MAX_FILE_BYTES) {
    this.root = resolve(root);
    this.realRoot = realpathSync(this.root);
  }

  /** Read a repository-relative file safely; the reason says why it was not read. */
  read(path: string): ReadResult {
    const rel = normalizeRelative(path);
    if (rel === undefined || rel === '') return { ok: false, reason: 'the path leaves the workspace' };
    const cached = this.cache.get(rel);
    if (cached) return cached;
    const result = this.readUncached(rel);
    this.cache.set(rel, result);
    return result;
  }

  private readUncached(rel: string): ReadResult {
    let real: string;
    try {
      real = realpathSync(join(this.root, rel));
    } catch {
      return { ok: false, reason: 'the file does not exist' };
    }
    if (!this.inside(real)) return { ok: false, reason: 'it is a link that points outside the workspace' };
    let fd: number;
    try {
      fd = openSync(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    } catch {
      return { ok: false, reason: 'the file cannot be opened' };
    }
    try {
      const st = fstatSync(fd);
      if (!st.isFile()) return { ok: false, reason: 'it is not a regular file' };
      if (st.size > this.maxBytes) return { ok: false, reason: `it is ${st.size} bytes, over the ${this.maxBytes}-byte limit` };
      const buf = Buffer.alloc(st.size);
      let read = 0;
      while (read < st.size) {
        const n = readSync(fd, buf, read, st.size - read, read);
        if (n === 0) break;
        read += n;
      }
      return { ok: true, text: buf.subarray(0, read).toString('utf8').replace(/^\uFEFF/, '') };
    } catch {
      return { ok: false, reason: 'the file cannot be read' };
    } finally {
      closeSync(fd);
    }
  }

  private inside(real: string): boolean {
    const rel = relative(this.realRoot, real);
    return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
  }

  /** ParseContext: the text of another file, or undefined. */
  readFile(path: string): string | undefined {
    const r = this.read(path);
    return r.ok ? r.text : undefined;
  }

  /** ParseContext: the regular files directly in a folder (repository-relative), links out of the workspace left out. */
  listFiles(dir: string): string[] {
    const rel = normalizeRelative(dir);
    if (rel === undefined) return [];
    const cached = this.listings.get(rel);
    if (cached) return cached;
    const listing = this.listUncached(rel);
    this.listings.set(rel, listing);
    return listing;
  }

  private listUncached(rel: string): string[] {
    let real: string;
    try {
      real = realpathSync(join(this.root, rel));
    } catch {
      return [];
    }
    if (real !== this.realRoot && !this.inside(real)) return [];
    try {
      return readdirSync(real, { withFileTypes: true })
        .filter((e) => e.isFile() || e.isSymbolicLink())
        .map((e) => (rel === '' ? e.name : `${rel}/${e.name}`))
        .sort();
    } catch {
      return [];
    }
  }
}
