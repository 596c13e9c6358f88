/** Repository paths: resolving a module or `using` path written in a file, without ever leaving the repository. */

/** The folder of a repository path ('' for the root). */
export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Resolves `rel` against the folder of `from`; undefined when it climbs above the repository root or is absolute. */
export function resolveRelative(from: string, rel: string): string | undefined {
  const normalised = rel.replace(/\\/g, '/');
  if (normalised.startsWith('/') || /^[a-zA-Z]:/.test(normalised)) return undefined;
  const parts = dirOf(from) === '' ? [] : dirOf(from).split('/');
  for (const seg of normalised.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

/** Whether a module path refers to a registry or template spec rather than a file (`br:`, `br/alias:`, `ts:`, `ts/alias:`). */
export function isExternalModulePath(path: string): boolean {
  return /^(br|ts)(:|\/)/i.test(path);
}
