import { parseBicep } from '../../src/formats/bicep/index.js';
import type { Expr, Statement } from '../../src/formats/bicep/ast.js';
import { LineIndex } from '../../src/model/location.js';

const ok = (src: string): Statement[] => {
  const r = parseBicep(src, 'a.bicep');
  expect(r.diagnostics.map((d) => d.message)).toEqual([]);
  return r.ast.statements;
};
const valueOf = (src: string): Expr => {
  const s = ok(`var x = ${src}\n`)[0];
  if (s.kind !== 'var') throw new Error('not a var');
  return s.value;
};
const errors = (src: string): string[] =>
  parseBicep(src, 'a.bicep').diagnostics.map((d) => `${d.location.line}:${d.location.column} ${d.message}`);

describe('Bicep declarations', () => {
  test.each([
    ["targetScope = 'subscription'", 'targetScope'],
    ["metadata info = 'x'", 'metadata'],
    ['param p string', 'param'],
    ["var v string = 'x'", 'var'],
    ["output o string = 'x'", 'output'],
    ["resource r 'A.B/c@1' existing = { name: 'x' }", 'resource'],
    ["module m './m.bicep' = { name: 'm' }", 'module'],
    ["type t = 'a' | 'b'", 'type'],
    ['func f(a string) string => a', 'func'],
    ["import { a, b as c } from './t.bicep'", 'import'],
    ["import * as ns from './t.bicep'", 'import'],
    ["import 'az@1.0.0'", 'import'],
    ["extension 'br:x.azurecr.io/ext:1' with { a: 1 } as ext", 'extension'],
    ["provider 'kubernetes@1.0.0' with { namespace: 'd' } as k8s", 'extension'],
    ['assert a = 1 < 2', 'assert'],
    ["using './main.bicep'", 'using'],
    ['using none', 'using'],
    ["extends './base.bicepparam'", 'extends'],
  ])('%s', (src, kind) => {
    expect(ok(src + '\n').map((s) => s.kind)).toEqual([kind]);
  });

  test('decorators with arguments, namespaces and positions', () => {
    const [p] = ok("@description('d')\n@sys.minValue(1)\n@secure()\n@batchSize(2)\n@export()\n@az.x\nparam p int\n");
    if (p.kind !== 'param') throw new Error();
    expect(p.decorators.map((d) => [d.name, d.args.length])).toEqual([['description', 1], ['sys.minValue', 1], ['secure', 0], ['batchSize', 1], ['export', 0], ['az.x', 0]]);
    const idx = new LineIndex("@description('d')\n");
    expect(idx.position(p.decorators[1].start)).toEqual({ line: 2, column: 1 });
    expect(p.keywordStart).toBe("@description('d')\n@sys.minValue(1)\n@secure()\n@batchSize(2)\n@export()\n@az.x\n".length);
  });

  test('user-defined types: objects, unions, arrays, nullable, tuples, resource-derived, decorated properties', () => {
    const [t] = ok(`@sealed()
@discriminator('kind')
type cfg = {
  @description('name')
  name: string
  size: ('S' | 'M' | -1)[]
  tag: string?
  pair: [int, string]
  props: resourceInput<'Microsoft.Storage/storageAccounts@2023-01-01'>.properties
  out: resourceOutput<'Microsoft.Storage/storageAccounts@2023-01-01'>
  *: int
}
`);
    if (t.kind !== 'type' || t.type.kind !== 'typeObject') throw new Error();
    expect(t.type.props.map((p) => [p.key, p.type.kind, p.decorators.length])).toEqual([
      ['name', 'typeName', 1], ['size', 'typeArray', 0], ['tag', 'typeNullable', 0], ['pair', 'typeTuple', 0],
      ['props', 'typeAccess', 0], ['out', 'typeName', 0], ['*', 'typeName', 0],
    ]);
    expect(ok("param r resource 'A.B/c@1'\n")[0]).toMatchObject({ type: { kind: 'typeResource', resourceType: 'A.B/c@1' } });
  });
});

describe('Bicep expressions', () => {
  test('operator precedence: * over +, + over comparison, && over ||, || over ??, ternary lowest', () => {
    expect(valueOf('1 + 2 * 3')).toMatchObject({ kind: 'binary', op: '+', right: { op: '*' } });
    expect(valueOf('a || b && c')).toMatchObject({ op: '||', right: { op: '&&' } });
    expect(valueOf('a ?? b || c')).toMatchObject({ op: '??', right: { op: '||' } });
    expect(valueOf('a == 1 + 2')).toMatchObject({ op: '==', right: { op: '+' } });
    expect(valueOf('a =~ b')).toMatchObject({ op: '=~' });
    expect(valueOf('c ? 1 : d ? 2 : 3')).toMatchObject({ kind: 'ternary', whenFalse: { kind: 'ternary' } });
    expect(valueOf('!-x')).toMatchObject({ kind: 'unary', op: '!', operand: { kind: 'unary', op: '-' } });
  });

  test('postfix: members, safe access, index, safe index, non-null, nested resource access, namespaced calls', () => {
    expect(valueOf('a.?b[?0]!')).toMatchObject({ kind: 'nonNull', expr: { kind: 'index', safe: true, object: { kind: 'member', safe: true } } });
    expect(valueOf('p::c.name')).toMatchObject({ kind: 'member', object: { kind: 'child', name: 'c' } });
    expect(valueOf('az.resourceGroup().location')).toMatchObject({ kind: 'member', object: { kind: 'call', name: 'resourceGroup', target: { name: 'az' } } });
  });

  test('lambdas, spreads, loops with index and filter', () => {
    expect(valueOf('map(xs, x => x.a)')).toMatchObject({ kind: 'call', args: [{}, { kind: 'lambda', params: [{ name: 'x' }] }] });
    expect(valueOf('reduce(xs, 0, (a, b) => a + b)')).toMatchObject({ args: [{}, {}, { kind: 'lambda', params: [{ name: 'a' }, { name: 'b' }] }] });
    expect(valueOf('{ ...a, b: 1 }')).toMatchObject({ kind: 'object', items: [{ kind: 'spread' }, { kind: 'prop', key: 'b' }] });
    expect(valueOf('[...a, 1]')).toMatchObject({ kind: 'array', items: [{ kind: 'spread' }, { kind: 'number' }] });
    expect(valueOf('[for (x, i) in xs: if (i > 0) { v: x }]')).toMatchObject({ kind: 'for', item: { name: 'x' }, index: { name: 'i' }, body: { kind: 'if' } });
  });

  test('strings: escapes, nested interpolation, multi-line without interpolation', () => {
    expect(valueOf("'a\\nb\\t\\\\\\'\\$\\u{1F600}'")).toMatchObject({ kind: 'string', value: "a\nb\t\\'$😀" });
    expect(valueOf("'x${'in${1}ner'}y'")).toMatchObject({ kind: 'template', parts: ['x', 'y'], exprs: [{ kind: 'template', parts: ['in', 'ner'] }] });
    expect(valueOf("'''\nline ${x}\n'''")).toMatchObject({ kind: 'string', value: 'line ${x}\n', multiline: true });
  });

  test('objects and arrays: newlines or commas, comments anywhere, positions', () => {
    const src = 'var o = {\n  a: 1 // c1\n  /* c2 */ b: [\n    1, 2\n    3\n  ], c: { d: true }\n}\n';
    const r = parseBicep(src, 'a.bicep');
    expect(r.diagnostics).toEqual([]);
    expect(r.comments.map((c) => [c.text, c.loc.line, c.loc.column])).toEqual([['// c1', 2, 8], ['/* c2 */', 3, 3]]);
    const v = r.ast.statements[0];
    if (v.kind !== 'var' || v.value.kind !== 'object') throw new Error();
    expect(v.value.items.map((i) => (i.kind === 'prop' ? i.key : ''))).toEqual(['a', 'b', 'c']);
    const b = v.value.items[1];
    if (b.kind !== 'prop' || b.value.kind !== 'array') throw new Error();
    expect(b.value.items).toHaveLength(3);
    expect([b.start, b.value.end]).toEqual([src.indexOf('b: ['), src.indexOf('],') + 1]);
  });
});

describe('syntax errors and recovery', () => {
  test('an unclosed object reports where it was opened and parsing resumes at the next declaration', () => {
    expect(errors("resource r 'A.B/c@1' = {\n  name: 'x'\nparam p string\nvar v = )\noutput o int = 1\n")).toEqual([
      "2:12 expected '}' to close the object opened at 1:24",
      "4:9 expected an expression but found ')'",
    ]);
  });

  test('missing separators and stray tokens name what was expected', () => {
    expect(errors('var o = { a: 1 b: 2 }\n')).toEqual(["1:16 expected a new line or ',' after the property but found 'b'"]);
    expect(errors('foo bar\nparam p string\n')).toEqual([
      "1:1 expected a declaration (param, var, resource, module, output, type, func, import, ...) but found 'foo'",
    ]);
    expect(errors("var s = 'abc\n")).toEqual(["1:9 unterminated string: a closing quote (') is missing"]);
    expect(errors('var n = 1.5\n')).toEqual(['1:9 Bicep numbers are whole numbers; a decimal point is not allowed']);
  });
});
