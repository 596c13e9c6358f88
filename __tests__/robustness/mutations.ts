/**
 * Ways a file arrives broken: cut short, bit-rotted, edited by someone who forgot to close a bracket,
 * re-encoded, or pasted from another platform. Each takes the text and a random source and returns new text.
 */

export type Mutation = (text: string, rand: () => number) => string;

const at = (text: string, rand: () => number): number => Math.floor(rand() * (text.length + 1));
const pick = <T>(items: readonly T[], rand: () => number): T => items[Math.floor(rand() * items.length)];

/** Characters and pairs that open or close something in one of our formats. */
const SYNTAX = ['[', ']', '{', '}', '(', ')', '"', "'", "'''", '`', '${', '%{', '[[', ']]', '/*', '*/', '//', '#', '<<EOT', '\\', ':', ',', '=', '\n', '- ', '|', '&', '*'];

export const MUTATIONS: Record<string, Mutation> = {
  truncate: (t, r) => t.slice(0, at(t, r)),
  'byte flips': (t, r) => {
    const chars = t.split('');
    const n = 1 + Math.floor(r() * 6);
    for (let i = 0; i < n && chars.length > 0; i++) chars[Math.floor(r() * chars.length)] = String.fromCharCode(Math.floor(r() * 256));
    return chars.join('');
  },
  'syntax insertions': (t, r) => {
    let s = t;
    const n = 1 + Math.floor(r() * 5);
    for (let i = 0; i < n; i++) {
      const p = at(s, r);
      s = s.slice(0, p) + pick(SYNTAX, r) + s.slice(p);
    }
    return s;
  },
  'duplicated slice': (t, r) => {
    const a = at(t, r);
    const b = Math.min(t.length, a + Math.floor(r() * 400));
    const p = at(t, r);
    return t.slice(0, p) + t.slice(a, b) + t.slice(p);
  },
  'deleted slice': (t, r) => {
    const a = at(t, r);
    return t.slice(0, a) + t.slice(Math.min(t.length, a + 1 + Math.floor(r() * 80)));
  },
  'NUL bytes': (t, r) => {
    let s = t;
    for (let i = 0; i < 3; i++) {
      const p = at(s, r);
      s = s.slice(0, p) + '\u0000'.repeat(1 + Math.floor(r() * 3)) + s.slice(p);
    }
    return s;
  },
  'invalid UTF-8': (t, r) => {
    // Bytes no UTF-8 decoder accepts (stray continuation, lone lead, encoded surrogate, overlong), decoded as Node does.
    const bad = [[0xff], [0x80], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80]];
    let bytes = Buffer.from(t, 'utf8');
    for (let i = 0; i < 3; i++) {
      const p = Math.floor(r() * (bytes.length + 1));
      bytes = Buffer.concat([bytes.subarray(0, p), Buffer.from(pick(bad, r)), bytes.subarray(p)]);
    }
    return bytes.toString('utf8');
  },
  'lone surrogates': (t, r) => {
    const p = at(t, r);
    return t.slice(0, p) + pick(['\ud800', '\udfff', '\udbff\u0041'], r) + t.slice(p);
  },
  BOM: (t) => `\ufeff${t}`,
  'double BOM in the middle': (t, r) => {
    const p = at(t, r);
    return `\ufeff${t.slice(0, p)}\ufeff${t.slice(p)}`;
  },
  CRLF: (t) => t.replace(/\r?\n/g, '\r\n'),
  'CR only': (t) => t.replace(/\r?\n/g, '\r'),
  'mixed line endings': (t, r) => t.replace(/\r?\n/g, () => pick(['\n', '\r\n', '\r', '\n\r', '\u2028'], r)),
};
