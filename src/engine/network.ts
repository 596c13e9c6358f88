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

/** An IPv4 address or CIDR as [address, prefix length], or undefined when it is not one. */
export function parseIpv4Cidr(s: string): [number, number] | undefined {
  const m = /^\s*(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?\s*$/.exec(s);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = m[5] === undefined ? 32 : Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  return [((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3], prefix];
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Is IPv4 range `inner` wholly inside range `outer`? */
export function ipv4Within(inner: string, outer: string): boolean {
  const a = parseIpv4Cidr(inner);
  const b = parseIpv4Cidr(outer);
  if (!a || !b || a[1] < b[1]) return false;
  const mask = maskOf(b[1]);
  return ((a[0] & mask) >>> 0) === ((b[0] & mask) >>> 0);
}

/** Private, shared and local IPv4 space: never "the internet". */
const NON_PUBLIC_V4 = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16'];

/**
 * Is a source prefix a range of public addresses (a part of the internet, but not all of it)? True for
 * public IPv4 and IPv6 addresses and ranges; false for private space, service tags and the whole internet
 * (which the internet rules judge); undefined for what cannot be read.
 */
export function isPublicRange(prefix: string): boolean | undefined {
  const p = prefix.trim();
  if (isInternetPrefix(p)) return false;
  const v4 = parseIpv4Cidr(p);
  if (v4) return v4[1] > 0 && !NON_PUBLIC_V4.some((range) => ipv4Within(p, range));
  if (/^[0-9a-f:]+(\/\d{1,3})?$/i.test(p) && p.includes(':')) {
    const head = p.toLowerCase();
    return !(head.startsWith('fc') || head.startsWith('fd') || head.startsWith('fe8') || head.startsWith('fe9') || head.startsWith('fea') || head.startsWith('feb') || head === '::1' || head.startsWith('::1/'));
  }
  // Service tags (VirtualNetwork, AzureLoadBalancer, AzureCloud...) and anything else we cannot read.
  return /^[a-z][a-z0-9.]*$/i.test(p) ? false : undefined;
}

/** Is a source prefix inside one of the allowed ranges (IPv4 containment, or the same text)? */
export function inAllowedRanges(prefix: string, allowed: readonly string[]): boolean {
  return allowed.some((range) => range.trim().toLowerCase() === prefix.trim().toLowerCase() || ipv4Within(prefix, range));
}
