import { conditionalAccessFrontEnd as fe } from '../../src/formats/conditional-access/index.js';
import { MAX_JSON_DEPTH } from '../../src/formats/conditional-access/json-tree.js';
import { plainLocation } from '../../src/model/location.js';
import type { ParsedFile } from '../../src/model/resource.js';
import { getPath } from '../../src/model/value.js';
import { adminMfaPolicy, graphList, noFiles } from './fixtures.js';

const FILE = 'ca/broken.json';
const parse = (text: string): ParsedFile => fe.parse({ path: FILE, text }, noFiles);
const where = (p: ParsedFile, i = 0) => {
  const l = plainLocation(p.diagnostics[i].location);
  return [l.line, l.column];
};

describe('malformed policy JSON', () => {
  it('reports a missing comma where the next entry starts, and still reads the policy', () => {
    const text = adminMfaPolicy.replace('"state": "enabled",', '"state": "enabled"');
    const p = parse(text);
    expect(p.diagnostics).toHaveLength(1);
    expect(p.diagnostics[0]).toMatchObject({ code: 'JSON-SYNTAX', severity: 'error' });
    expect(p.diagnostics[0].message).toBe(`Invalid JSON: expected a ',' between entries, found '"conditions"'.`);
    expect(where(p)).toEqual([5, 3]);
    expect(p.resources).toHaveLength(1);
    expect(getPath(p.resources[0].body, 'conditions.users.includeRoles.0')).toMatchObject({ value: '62e90394-69f5-4237-9190-012177145e10' });
  });

  it('reports an unterminated string at its start', () => {
    const p = parse('{\n  "displayName": "never closed\n}');
    expect(p.diagnostics[0].message).toBe('Invalid JSON: expected a closing double quote for the string, found \'"never\'.');
    expect(where(p)).toEqual([2, 18]);
  });

  it('reports a file that ends inside an object', () => {
    const p = parse('{ "displayName": "x", "conditions": {');
    const messages = p.diagnostics.map((d) => d.message);
    expect(messages).toContain("Invalid JSON: expected a '}' to close the object but the file ended.");
    expect(p.resources).toHaveLength(1);
  });

  it('reports a root that is neither a policy nor a list', () => {
    const p = parse('"conditions"');
    expect(p.diagnostics).toHaveLength(1);
    expect(p.diagnostics[0].code).toBe('CA-SHAPE');
    expect(p.resources).toEqual([]);
  });

  it('reads an empty file as nothing, without diagnostics', () => {
    expect(parse('')).toMatchObject({ resources: [], diagnostics: [] });
    expect(parse('  \n // only a comment\n')).toMatchObject({ resources: [], diagnostics: [] });
  });

  it('lists at most 20 syntax errors and then says how many more there were', () => {
    const p = parse(`[${'@ '.repeat(30)}]`);
    expect(p.diagnostics).toHaveLength(21);
    expect(p.diagnostics[20].message).toBe('10 more JSON syntax errors follow and are not listed.');
  });
});

describe('robustness', () => {
  it('survives every truncation of a policy list', () => {
    for (let n = 0; n <= graphList.length; n++) {
      const p = parse(graphList.slice(0, n));
      expect(Array.isArray(p.resources)).toBe(true);
    }
  });

  it('survives random byte flips', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = '{}[],:"\\/*\n\r\t 0a\u0000\u00ff\ud800';
    for (let round = 0; round < 400; round++) {
      const chars = adminMfaPolicy.split('');
      for (let k = 0; k < 1 + round % 5; k++) chars[Math.floor(random() * chars.length)] = alphabet[Math.floor(random() * alphabet.length)];
      const p = parse(chars.join(''));
      for (const d of p.diagnostics) expect(d.location.line).toBeGreaterThanOrEqual(1);
    }
  });

  it('refuses 100,000 nested brackets with a diagnostic at the first one too deep', () => {
    const started = performance.now();
    const p = parse('['.repeat(100_000));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(p.resources).toEqual([]);
    expect(p.diagnostics).toHaveLength(1);
    expect(p.diagnostics[0]).toMatchObject({ code: 'JSON-DEPTH', severity: 'error' });
    expect(p.diagnostics[0].message).toBe(`The JSON nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep; the file was not read.`);
    expect(where(p)).toEqual([1, MAX_JSON_DEPTH + 1]);
  });

  it('reads nesting up to the limit', () => {
    const deep = `{ "displayName": "d", "conditions": ${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH - 1)} }`;
    const p = parse(deep);
    expect(p.diagnostics).toEqual([]);
    expect(p.resources).toHaveLength(1);
  });

  it('reports ten million commas in a few diagnostics, quickly', () => {
    const started = performance.now();
    const p = parse('[' + ','.repeat(10_000_000) + ']');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(p.diagnostics).toHaveLength(21);
  });

  it('reads a 10 MB line', () => {
    const long = 'x'.repeat(10_000_000);
    const started = performance.now();
    const p = parse(`{ "displayName": "${long}", "conditions": {}, "grantControls": {} }`);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(p.diagnostics).toEqual([]);
    expect(p.resources[0].name).toMatchObject({ kind: 'string' });
    expect(plainLocation(getPath(p.resources[0].body, 'conditions')!.loc).column).toBe(10_000_000 + 36);
  });

  it('reports NUL bytes as syntax errors without failing', () => {
    const p = parse('{ "displayName": "a\u0000b", \u0000 "state": "enabled" }');
    expect(p.diagnostics.length).toBeGreaterThan(0);
    expect(p.diagnostics.every((d) => d.code === 'JSON-SYNTAX')).toBe(true);
    expect(p.diagnostics[0].message).toContain('\\u0000');
  });

  it('ignores a byte-order mark and counts it as the first column of line 1', () => {
    const p = parse('\uFEFF' + adminMfaPolicy);
    expect(p.diagnostics).toEqual([]);
    expect(plainLocation(p.resources[0].loc)).toMatchObject({ line: 1, column: 2 });
    expect(plainLocation(getPath(p.resources[0].body, 'state')!.loc)).toMatchObject({ line: 4, column: 12 });
  });

  it('counts lines of CRLF files the same as LF files', () => {
    const p = parse(adminMfaPolicy.replace(/\n/g, '\r\n'));
    expect(p.diagnostics).toEqual([]);
    expect(plainLocation(getPath(p.resources[0].body, 'conditions.users.includeRoles.1')!.loc)).toEqual({ file: FILE, line: 9, column: 9, endLine: 9, endColumn: 47 });
    expect(plainLocation(p.resources[0].loc)).toMatchObject({ endLine: 21, endColumn: 2 });
  });
});
