import { readJson } from '../../src/formats/arm/index.js';
import type { ObjectValue, Value } from '../../src/model/value.js';
import { at, show } from './helpers.js';

function obj(v: Value | undefined): ObjectValue {
  if (v?.kind !== 'object') throw new Error(`expected an object, got ${v?.kind}`);
  return v;
}

describe('reading JSON with locations', () => {
  test('strict JSON: values and keys have exact locations', () => {
    const text = '{\n  "a": [1, "x"],\n  "b": {"c": true}\n}';
    const r = readJson('f.json', text);
    expect(r.diagnostics).toEqual([]);
    const root = obj(r.root);
    expect(at(root.loc)).toBe('1:1-4:2');
    const a = root.properties[0];
    expect(at(a.keyLoc)).toBe('2:3-2:6');
    expect(at(a.value.loc)).toBe('2:8-2:16');
    expect(a.value.kind === 'array' && at(a.value.items[1].loc)).toBe('2:12-2:15');
    const b = root.properties[1];
    expect(at(b.keyLoc)).toBe('3:3-3:6');
    expect(at(obj(b.value).properties[0].value.loc)).toBe('3:14-3:18');
    expect(root.loc.file).toBe('f.json');
  });

  test('comments, trailing commas and raw line breaks in strings read without a diagnostic', () => {
    const text = [
      '{',
      '  // the name',
      '  "name": "kv", /* inline */',
      '  "script": "line one',
      'line two",',
      '  "list": [1, 2,],',
      '}',
    ].join('\n');
    const r = readJson('t.json', text);
    expect(r.diagnostics).toEqual([]);
    expect(show(r.root)).toEqual({ name: 'kv', script: 'line one\nline two', list: [1, 2] });
    expect(r.comments.map((c) => [c.text, at(c.loc)])).toEqual([
      ['// the name', '2:3-2:14'],
      ['/* inline */', '3:17-3:29'],
    ]);
    const root = obj(r.root);
    expect(at(root.properties[1].value.loc)).toBe('4:13-5:10');
    expect(at(root.properties[2].value.loc)).toBe('6:11-6:18');
  });

  test('comments only: locations still exact (JSON.parse over the blanked text)', () => {
    const text = '{\n  // note\n  "a": 1,\n  "b": "two" // trailing\n}';
    const r = readJson('c.json', text);
    expect(r.diagnostics).toEqual([]);
    expect(r.comments.map((c) => c.text)).toEqual(['// note', '// trailing']);
    expect(at(obj(r.root).properties[1].value.loc)).toBe('4:8-4:13');
  });

  test('a missing comma gives a diagnostic at its place and the rest is still read', () => {
    const text = '{\n  "a": 1\n  "b": 2,\n  "c": 3\n}';
    const r = readJson('bad.json', text);
    expect(r.diagnostics.map((d) => [d.code, d.message, at(d.location)])).toEqual([
      ['JSON-SYNTAX', `Expected ',' between items, found '"b"'.`, '3:3-3:6'],
    ]);
    expect(show(r.root)).toEqual({ a: 1, b: 2, c: 3 });
  });

  test('a missing value and an unclosed object are reported', () => {
    const r = readJson('bad.json', '{\n  "a": ,\n  "b": [1, 2\n');
    expect(r.diagnostics.map((d) => [d.message, at(d.location)])).toEqual([
      ["Expected a value, found ','.", '2:8-2:9'],
      ["Expected ']' to close the array, found the end of the file.", '4:1-4:1'],
      ["Expected '}' to close the object, found the end of the file.", '4:1-4:1'],
    ]);
    expect(show(r.root)).toEqual({ b: [1, 2] });
  });

  test('a missing closing quote does not swallow the rest of the file', () => {
    const text = '{\n  "a": "open,\n  "b": "x",\n  "c": "y"\n}';
    const r = readJson('q.json', text);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics[0].code).toBe('JSON-SYNTAX');
    expect(at(r.diagnostics[0].location).startsWith('2:')).toBe(true);
    expect(show(r.root)).toMatchObject({ b: 'x', c: 'y' });
  });

  test('a BOM and CRLF line ends keep lines and columns right', () => {
    const text = '\uFEFF{\r\n  "a": 1,\r\n  "b": "x"\r\n}\r\n';
    const r = readJson('w.json', text);
    expect(r.diagnostics).toEqual([]);
    expect(at(obj(r.root).properties[1].value.loc)).toBe('3:8-3:11');
  });

  test('integer-like keys keep their source order', () => {
    const r = readJson('k.json', '{"b": 1, "10": 2, "2": 3}');
    expect(obj(r.root).properties.map((p) => p.key)).toEqual(['b', '10', '2']);
    expect(at(obj(r.root).properties[1].keyLoc)).toBe('1:10-1:14');
  });

  test('repeated keys: the lookup finds the last, as JSON.parse does', () => {
    const r = readJson('d.json', '{"a": 1,\n"a": 2}');
    expect(show(r.root)).toEqual({ a: 2 });
    expect(at(obj(r.root).properties[0].value.loc)).toBe('2:6-2:7');
  });
});

describe('robustness', () => {
  const sample = [
    '{',
    '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",',
    '  // comment',
    '  "parameters": { "n": { "type": "string", "defaultValue": "[concat(\'a\', \'b\')]" } },',
    '  "resources": [ { "type": "Microsoft.Storage/storageAccounts", "name": "[parameters(\'n\')]", "properties": { "x": [1, 2, {"y": null}] } } ]',
    '}',
  ].join('\n');

  test('every truncation reads without throwing', () => {
    for (let i = 0; i <= sample.length; i += 3) {
      const r = readJson('t.json', sample.slice(0, i));
      expect(Array.isArray(r.diagnostics)).toBe(true);
    }
  });

  test('byte flips read without throwing', () => {
    const chars = ['{', '}', '[', ']', '"', ',', ':', '/', '*', '\\', '\n', '\u0000', 'x'];
    for (let i = 0; i < sample.length; i += 5) {
      const c = chars[i % chars.length];
      const r = readJson('f.json', sample.slice(0, i) + c + sample.slice(i + 1));
      expect(Array.isArray(r.diagnostics)).toBe(true);
    }
  });

  test('100,000-deep nesting is bounded with a diagnostic (valid and unclosed)', () => {
    const closed = '['.repeat(100_000) + ']'.repeat(100_000);
    const r1 = readJson('deep.json', closed);
    expect(r1.diagnostics.map((d) => d.code)).toEqual(['JSON-DEPTH']);
    expect(r1.diagnostics[0].location.line).toBe(1);
    const open = '{"a":'.repeat(100_000);
    const r2 = readJson('deep2.json', open);
    expect(r2.diagnostics.some((d) => d.code === 'JSON-DEPTH')).toBe(true);
  });

  test('a 10 MB line, NUL characters and empty input read without throwing', () => {
    const long = '{"a": "' + 'x'.repeat(10_000_000) + '"}';
    expect(readJson('l.json', long).diagnostics).toEqual([]);
    const nul = readJson('n.json', '{"a": "b\u0000c", \u0000 "d": 1}');
    expect(nul.diagnostics[0].code).toBe('JSON-SYNTAX');
    expect(readJson('e.json', '').root).toBeUndefined();
  });
});
