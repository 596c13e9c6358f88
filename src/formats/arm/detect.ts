/** Recognises ARM templates and parameter files by the `$schema` near the start of the text. */

/** How far into a file we look for `$schema`: it comes first in practice, after at most a comment. */
const HEAD = 4096;

const SCHEMA_RE = /"\$schema"\s*:\s*"[^"]*\/(?:subscription|managementGroup|tenant)?deployment(Template|Parameters)\.json#?"/i;

/** 'template', 'parameters', or undefined for other JSON. Looks only at the start of the text. */
export function armKind(text: string): 'template' | 'parameters' | undefined {
  const m = SCHEMA_RE.exec(text.length > HEAD ? text.slice(0, HEAD) : text);
  if (!m) return undefined;
  return m[1].toLowerCase() === 'template' ? 'template' : 'parameters';
}

/** Whether a path may hold ARM JSON. */
export function isJsonPath(path: string): boolean {
  return /\.jsonc?$/i.test(path);
}

/** Whether the text is an ARM parameter file. */
export function isParametersText(text: string): boolean {
  return armKind(text) === 'parameters';
}
