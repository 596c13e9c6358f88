import { readJson } from '../../src/formats/arm/index.js';
import { JsonLocator, LineStarts } from '../../src/formats/arm/json/locate.js';
import { getPath, getPropertyAt, type Value } from '../../src/model/value.js';
import { at, parseIn, template } from './helpers.js';

/** The text a span covers. */
function cut(text: string, loc: JsonLocator, path: Array<string | number>): string | undefined {
  let span = loc.root();
  for (const seg of path) span = span && loc.child(span, seg);
  return span && text.slice(span.start, span.end);
}

describe('locating values by path without a syntax tree', () => {
  test('escaped keys, escaped quotes, numbers, empty containers and a repeated key (the last wins)', () => {
    const text = '{"a\\u0062": [1, {"x": "y\\"z\\\\"}], "n" :  -1.5e3 , "e": [], "o": {}, "ab": true}';
    const loc = new JsonLocator(text);
    expect(cut(text, loc, ['ab'])).toBe('true');
    expect(cut(text, loc, ['n'])).toBe('-1.5e3');
    expect(cut(text, loc, ['e'])).toBe('[]');
    expect(cut(text, loc, ['o'])).toBe('{}');
    expect(cut(text, loc, ['e', 0])).toBeUndefined();
    expect(cut(text, loc, ['missing'])).toBeUndefined();
    // Indexes do not select object members, nor keys array items.
    expect(cut(text, loc, [0])).toBeUndefined();
  });

  test('the first of two repeated keys is found by its escaped spelling only when it is the last', () => {
    const text = '{"k": 1, "k": {"deep": ["v", "w\\"]"]}}';
    const loc = new JsonLocator(text);
    expect(cut(text, loc, ['k', 'deep', 1])).toBe('"w\\"]"');
    const member = loc.child(loc.root()!, 'k')!;
    expect(text.slice(member.keyStart, member.keyEnd)).toBe('"k"');
    expect(member.keyStart).toBe(9);
  });

  test('a byte order mark before the value is skipped', () => {
    const text = '\ufeff{"a": 1}';
    expect(cut(text, new JsonLocator(text), ['a'])).toBe('1');
  });

  test('line starts count LF, CRLF and lone CR line breaks', () => {
    const lines = new LineStarts('a\r\nb\rc\nd');
    expect(lines.position(3)).toEqual({ line: 2, column: 1 });
    expect(lines.position(5)).toEqual({ line: 3, column: 1 });
    expect(lines.position(7)).toEqual({ line: 4, column: 1 });
    expect(lines.position(99)).toEqual({ line: 4, column: 2 });
  });
});

describe('locations read through the fast path', () => {
  test('values and keys after comments and in a repeated key have exact locations', () => {
    const text = ['{', '  /* a comment { with [ brackets */', '  "a": 1,', '  "b": {"c": "x"},', '  "b": {"c": ["y", {"d": false}]}', '}'].join('\n');
    const r = readJson('f.json', text);
    expect(r.diagnostics).toEqual([]);
    const d = getPropertyAt(r.root, 'b.c');
    expect(at(d?.keyLoc)).toBe('5:9-5:12');
    expect(at(d?.value.loc)).toBe('5:14-5:33');
    const c = getPath(r.root, 'b.c.1.d');
    expect(at(c?.loc)).toBe('5:26-5:31');
  });

  test('CRLF line breaks', () => {
    const r = readJson('f.json', '{\r\n  "a": {\r\n    "b": 2\r\n  }\r\n}');
    expect(at(getPropertyAt(r.root, 'a.b')?.keyLoc)).toBe('3:5-3:8');
    expect(at(getPath(r.root, 'a')?.loc)).toBe('2:8-4:4');
  });
});

describe('resource bodies evaluated member by member', () => {
  const files = {
    'main.json': template({
      parameters: { rbac: { type: 'bool', defaultValue: false }, tags: { type: 'object', defaultValue: { team: 'payments' } } },
      resources: [
        {
          type: 'Microsoft.KeyVault/vaults',
          apiVersion: '2023-07-01',
          name: 'kv',
          tags: "[parameters('tags')]",
          properties: {
            enableRbacAuthorization: "[parameters('rbac')]",
            broken: "[concat('a']",
            copy: [{ name: 'rules', count: 2, input: { value: "[copyIndex('rules')]" } }],
          },
        },
      ],
    }),
  };

  test('a member read alone has its evaluated value, origin and location', () => {
    const kv = parseIn(files, 'main.json').resources[0];
    const rbac = getPropertyAt(kv.body, 'properties.enableRbacAuthorization');
    expect(rbac?.value).toMatchObject({ kind: 'boolean', value: false, origin: { via: "parameters('rbac')" } });
    expect(at(rbac?.keyLoc)).toBe('23:9-23:34');
    expect(at(rbac?.value.loc)).toBe('23:36-23:58');
  });

  test('an object parameter keeps its members and gains an origin; property copies expand', () => {
    const kv = parseIn(files, 'main.json').resources[0];
    const tags = getPath(kv.body, 'tags') as Value & { kind: 'object' };
    expect(tags.origin?.via).toBe("parameters('tags')");
    expect(getPath(tags, 'team')).toMatchObject({ kind: 'string', value: 'payments' });
    const rules = getPath(kv.body, 'properties.rules');
    expect(rules?.kind === 'array' && rules.items.length).toBe(2);
    expect(getPath(kv.body, 'properties.rules.1.value')).toMatchObject({ kind: 'unknown', reason: "copyIndex('rules')" });
    expect(getPath(kv.body, 'properties.copy')).toBeUndefined();
    expect(getPath(kv.body, 'properties.broken')).toMatchObject({ kind: 'unknown' });
  });
});

describe('resource names evaluated on first read', () => {
  test('a child declared inside its parent gets the full name and a parent reference, also when serialised', () => {
    const files = {
      'main.json': template({
        parameters: { prefix: { type: 'string', defaultValue: 'pay' } },
        resources: [
          {
            type: 'Microsoft.Network/networkSecurityGroups',
            apiVersion: '2023-04-01',
            name: "[concat(parameters('prefix'), '-nsg')]",
            resources: [{ type: 'securityRules', apiVersion: '2023-04-01', name: 'deny-all', properties: { access: 'Deny' } }],
          },
        ],
      }),
    };
    const [nsg, rule] = parseIn(files, 'main.json').resources;
    expect(rule.name).toMatchObject({ kind: 'string', value: 'pay-nsg/deny-all' });
    expect(rule.parent).toEqual({ type: 'Microsoft.Network/networkSecurityGroups', name: 'pay-nsg', file: 'main.json' });
    expect(nsg.name.origin).toBeUndefined();
    const plain = JSON.parse(JSON.stringify(rule)) as { name: { value: string }; parent: { name: string }; type: string };
    expect([plain.type, plain.name.value, plain.parent.name]).toEqual(['Microsoft.Network/networkSecurityGroups/securityRules', 'pay-nsg/deny-all', 'pay-nsg']);
  });
});
