import { bicepFrontEnd, parseBicep } from '../../src/formats/bicep/index.js';
import { memoryContext } from './helpers.js';
import { KEYVAULT_MAIN } from './fixtures/keyvault.js';
import { NSG_MAIN } from './fixtures/nsg.js';

const parseAll = (text: string, path = 'x.bicep') => bicepFrontEnd.parse({ path, text }, memoryContext({ [path]: text }));

describe('robustness: never throws, never hangs', () => {
  test('100,000-deep brackets, parentheses and braces give one BICEP-DEPTH diagnostic', () => {
    for (const [open, close] of [['[', ']'], ['(', ')'], ['{a:', '}']]) {
      const text = `var x = ${open.repeat(100000)}1${close.repeat(100000)}\nparam after string\n`;
      const r = parseAll(text);
      expect(r.diagnostics.filter((d) => d.code === 'BICEP-DEPTH').map((d) => d.message)).toEqual([
        'nesting is deeper than 200 levels; the deeper part is skipped',
      ]);
      expect(parseBicep(text, 'x.bicep').ast.statements.map((s) => s.kind)).toEqual(['var', 'param']);
    }
    const unclosed = parseAll(`var x = ${'['.repeat(100000)}`);
    expect(unclosed.diagnostics.some((d) => d.code === 'BICEP-DEPTH')).toBe(true);
  });

  test('long operator chains evaluate without stack overflow', () => {
    const chain = `var x = ${Array(100000).fill('1').join(' + ')}\nvar y = ${'!'.repeat(100000)}true\nresource r 'A.B/c@1' = { name: 'n', properties: { a: x, b: y } }\n`;
    const r = parseAll(chain);
    expect(r.resources).toHaveLength(1);
    expect(r.diagnostics).toEqual([]);
  });

  test('truncated files at every 97th offset', () => {
    for (let i = 0; i < NSG_MAIN.length; i += 97) {
      const r = parseAll(NSG_MAIN.slice(0, i));
      expect(Array.isArray(r.resources)).toBe(true);
    }
  });

  test('byte flips across a realistic file', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 200; k++) {
      const chars = KEYVAULT_MAIN.split('');
      for (let j = 0; j < 5; j++) chars[Math.floor(rand() * chars.length)] = String.fromCharCode(Math.floor(rand() * 128));
      const r = parseAll(chars.join(''));
      for (const d of r.diagnostics) expect(d.location.line).toBeGreaterThanOrEqual(1);
    }
  });

  test('a 10 MB single line, NUL bytes, BOM and CRLF', () => {
    const big = `var x = [${"'abc', ".repeat(1_500_000)}]`;
    expect(big.length).toBeGreaterThan(10_000_000);
    const t0 = Date.now();
    expect(parseAll(big).diagnostics).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(10000);
    const nul = parseAll("param a string\u0000 = 'x'\n");
    expect(nul.diagnostics.map((d) => `${d.location.line}:${d.location.column} ${d.message}`)).toEqual(["1:15 unexpected character '\\u0000'"]);
    const crlf = parseAll("\uFEFFparam a bool = true\r\nresource r 'A.B/c@1' = {\r\n  name: 'n'\r\n  properties: { a: a }\r\n}\r\n");
    expect(crlf.diagnostics).toEqual([]);
    expect(crlf.resources[0].loc.line).toBe(2);
    expect(crlf.resources[0].body.properties[1].value.loc.line).toBe(4);
    const garbage = parseAll('\u0000'.repeat(100000) + '{{{{ ]]]] ))) @@@ ::: \'\'\'');
    expect(garbage.diagnostics.length).toBeLessThanOrEqual(101);
  });
});
