/** Network helpers for NSG rules: what counts as "the internet" and whether a port spec covers a port. */

const INTERNET = new Set(['*', 'internet', 'any', '0.0.0.0/0', '0.0.0.0', '::/0', '0.0.0.0/0,::/0']);

/** Is an address prefix open to the whole internet? */
export function isInternetPrefix(prefix: string): boolean {
  return INTERNET.has(prefix.trim().toLowerCase());
}

/** The [low, high] ranges of a port spec: '*', '22', '20-25', '22,3389' (Terraform lists arrive as arrays). */
export function portRanges(spec: string | number): [number, number][] | undefined {
  const s = String(spec).trim();
  if (s === '*' || s.toLowerCase() === 'any') return [[0, 65535]];
  const out: [number, number][] = [];
  for (const part of s.split(',')) {
    const m = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(part);
    if (!m) return undefined;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    out.push([Math.min(lo, hi), Math.max(lo, hi)]);
  }
  return out;
}

/** Does a port spec cover a wanted port? A wanted '*' means "every port": only a full range covers it. */
export function portSpecCovers(spec: string | number, wanted: number | string): boolean | undefined {
  const ranges = portRanges(spec);
  if (!ranges) return undefined;
  if (wanted === '*') return ranges.some(([lo, hi]) => lo <= 1 && hi >= 65535);
  const p = Number(wanted);
  return ranges.some(([lo, hi]) => lo <= p && p <= hi);
}
