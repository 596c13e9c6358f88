// Regressions for constructs seen in real-world Bicep that the parser once reported as errors.
import { parseBicep } from '../../src/formats/bicep/index.js';
import { run } from './helpers.js';

const messages = (src: string): string[] =>
  parseBicep(src, 'a.bicep').diagnostics.map((d) => `${d.location.line}:${d.location.column} ${d.message}`);

describe('compiler directives', () => {
  test('#disable-next-line at the start of a line, indented, and inside an object is ignored', () => {
    const src = [
      '#disable-next-line no-unused-params',
      "param unusedName string = 'n'",
      "resource box 'Contoso.Things/boxes@2024-01-01' = {",
      "  name: 'box'",
      '  #disable-next-line BCP037 BCP036',
      '  properties: { colour: 7 }',
      '}',
      '    #disable-next-line   no-unused-vars   // a trailing note',
      'var spare = 1',
    ].join('\n');
    expect(messages(src)).toEqual([]);
  });

  test('#disable-diagnostics and #restore-diagnostics pairs are ignored', () => {
    expect(messages('#disable-diagnostics no-unused-vars\nvar q = 2\n#restore-diagnostics no-unused-vars\n')).toEqual([]);
  });

  test('a comment after a directive is still a comment the suppression reader sees', () => {
    const parsed = run({ 'm.bicep': '#disable-next-line no-unused-vars // azsec-ignore AZ-001\nvar q = 2\n' }, 'm.bicep');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.comments.map((c) => [c.text, c.loc.line])).toEqual([['// azsec-ignore AZ-001', 1]]);
  });

  test('a # inside an expression is still reported', () => {
    expect(messages('var q = 1 # 2\n')[0]).toBe("1:11 unexpected character '#'");
  });

  test('the property after a directive inside a resource keeps its line', () => {
    const src = "resource box 'Contoso.Things/boxes@2024-01-01' = {\n  name: 'box'\n#disable-next-line BCP037\n  properties: { colour: 'red' }\n}\n";
    const parsed = run({ 'm.bicep': src }, 'm.bicep');
    expect(parsed.diagnostics).toEqual([]);
    const props = parsed.resources[0].body.properties.find((p) => p.key === 'properties');
    expect(props?.keyLoc.line).toBe(4);
    expect(props?.keyLoc.column).toBe(3);
  });
});

describe('type expressions seen in real templates', () => {
  const typeOf = (decl: string) => {
    const r = parseBicep(decl + '\n', 'a.bicep');
    expect(r.diagnostics.map((d) => d.message)).toEqual([]);
    const s = r.ast.statements[0];
    if (s.kind !== 'type') throw new Error(`not a type declaration: ${s.kind}`);
    return s.type;
  };

  test('a parenthesised union can be nullable, as a property type in an object type', () => {
    const t = typeOf("type shade = {\n  tone: ('light' | 'dark' | null)?\n  name: string\n}");
    expect(t.kind).toBe('typeObject');
    if (t.kind !== 'typeObject') return;
    expect(t.props.map((p) => [p.key, p.type.kind])).toEqual([['tone', 'typeNullable'], ['name', 'typeName']]);
  });

  test('the nullable marker may follow spaces: `int [] [] ?`', () => {
    const t = typeOf('type grid = int [] [] ?');
    expect(t.kind).toBe('typeNullable');
  });

  test('a nullable parenthesised type on a param keeps the default value after it', () => {
    expect(messages("type a = { k: 'a' }\ntype b = { k: 'b' }\nparam pick (a | b)? = null\nparam other (a | b) = { k: 'b' }\n")).toEqual([]);
  });

  test('`!true` is a literal type of false', () => {
    const t = typeOf("type flags = ('on' | !true | 3)[]");
    if (t.kind !== 'typeArray' || t.item.kind !== 'typeUnion') throw new Error(t.kind);
    const middle = t.item.members[1];
    expect(middle.kind === 'typeLiteral' && middle.value.kind === 'bool' && middle.value.value).toBe(false);
  });

  test("'!' before a non-boolean type is reported", () => {
    expect(messages('type odd = !string\n')).toEqual(["1:12 '!' in a type applies only to true or false"]);
  });

  test('a non-null assertion on a type alias: `maybe!`', () => {
    const t = typeOf('type sure = maybe!');
    expect(t).toMatchObject({ kind: 'typeName', name: 'maybe', start: 12, end: 18 });
    expect(typeOf('type sure = (string | int)?!').kind).toBe('typeUnion');
  });

  test('the value type of a dictionary type: `lookup.*`', () => {
    const t = typeOf('type entry = lookup.*');
    expect(t).toMatchObject({ kind: 'typeAccess', property: '*', base: { kind: 'typeName', name: 'lookup' } });
  });
});

describe('resource and module bodies after a line break', () => {
  test('`=` at the end of the line, then an indented `if (...) {` body', () => {
    const src = [
      'param wanted bool = true',
      "resource gate 'Contoso.Things/gates@2024-01-01' =",
      '      if (wanted) {',
      "  name: 'front'",
      '  properties: { open: false }',
      '}',
    ].join('\n');
    const parsed = run({ 'm.bicep': src }, 'm.bicep');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.resources).toHaveLength(1);
    expect(parsed.resources[0]).toMatchObject({ type: 'Contoso.Things/gates', conditional: true, loc: { line: 2 } });
    expect(parsed.resources[0].name).toMatchObject({ kind: 'string', value: 'front', loc: { line: 4 } });
  });

  test('a loop body and a module body may also start on the next line', () => {
    const src = "resource many 'Contoso.Things/gates@2024-01-01' =\n  [for i in range(0, 2): { name: 'g${i}' }]\nmodule child './c.bicep' =\n  {\n    name: 'c'\n  }\n";
    const parsed = run({ 'm.bicep': src, 'c.bicep': '' }, 'm.bicep');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.resources.map((r) => r.type)).toEqual(['Contoso.Things/gates', 'Contoso.Things/gates', 'Microsoft.Resources/deployments']);
    expect(parsed.resources[0].loop).toBe(true);
  });

  test('a plain value on the next line after a variable `=` is still reported', () => {
    expect(messages('var lonely =\n  3\n')[0]).toMatch(/^1:13 expected a value after '=' in the variable/);
  });

  test('a resource with nothing after `=` before the next declaration is still reported', () => {
    expect(messages("resource r 'A.B/c@1' =\nvar v = 1\n")[0]).toMatch(/^1:23 expected a value after '='/);
  });
});

describe('old parameter modifier syntax', () => {
  test('`param name type { ... }` gets a message that names the old syntax, once per parameter, and parsing recovers', () => {
    const src = [
      'param region string {',
      "  default: 'westus'",
      '}',
      'param secretKey string {',
      '  secure: true',
      '}',
      "resource box 'Contoso.Things/boxes@2024-01-01' = {",
      "  name: 'box'",
      '}',
    ].join('\n');
    expect(messages(src)).toEqual([
      '1:21 parameter modifiers in braces are old Bicep syntax that current Bicep no longer accepts; use decorators such as @secure() and `= default` instead',
      '4:24 parameter modifiers in braces are old Bicep syntax that current Bicep no longer accepts; use decorators such as @secure() and `= default` instead',
    ]);
    expect(run({ 'm.bicep': src }, 'm.bicep').resources.map((r) => r.symbol)).toEqual(['box']);
  });

  test('an inline object type after the parameter name is not mistaken for modifiers', () => {
    expect(messages("param shape {\n  side: int\n} = {\n  side: 2\n}\n")).toEqual([]);
  });
});

describe('test declarations (experimental test framework)', () => {
  test('`test name path = {...}` parses and deploys nothing', () => {
    const src = "test smallBox './box.bicep' = {\n  params: {\n    size: 'small'\n  }\n}\n";
    const parsed = run({ 'box.tests.bicep': src, 'box.bicep': "resource b 'Contoso.Things/boxes@2024-01-01' = {\n  name: 'b'\n}\n" }, 'box.tests.bicep');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.resources).toEqual([]);
    const s = parseBicep(src, 'box.tests.bicep').ast.statements[0];
    expect(s).toMatchObject({ kind: 'test', name: 'smallBox', path: './box.bicep' });
  });

  test('`test` still works as an ordinary name', () => {
    const src = "param test string = 'x'\nvar items = [\n  test\n]\nvar probe = {\n  test: test\n}\nresource test2 'Contoso.Things/boxes@2024-01-01' = {\n  name: test\n}\n";
    expect(messages(src)).toEqual([]);
  });

  test('a test without a file path is reported', () => {
    expect(messages('test lonely = {}\n')[0]).toMatch(/^1:13 expected the file under test as a string/);
  });
});
