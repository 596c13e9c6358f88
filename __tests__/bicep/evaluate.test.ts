import { getPath, toPlain } from '../../src/model/value.js';
import { run } from './helpers.js';

const EVERYTHING = `targetScope = 'resourceGroup'
metadata owner = 'platform'
extension microsoftGraph
import { shared as sh } from './shared.bicep'
@export()
type size = 'S' | 'M'
@description('Location')
param location string = 'westeurope'
@secure()
param secret string
param names string[] = ['a', 'b']
var n = 3
var text = format('{0}-{1}', toUpper('x'), n)
var merged = union({ a: 1, deep: { x: 1 } }, { deep: { y: 2 } })
var doubled = map(range(1, 3), i => i * 2)
var picked = filter(names, x => x != 'a')
var joined = join(names, ',')
var multi = '''
raw \${no}
'''
func prefixed(p string) string => 'pre-\${p}'
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: toLower('ST\${n}\${length(names)}')
  location: location
  properties: {
    a: text
    b: merged.deep
    c: doubled
    d: picked
    e: joined
    f: n > 2 && !empty(names) ? 'big' : 'small'
    g: contains(names, 'b')
    h: prefixed('x')
    i: sh
    j: secret ?? 'none'
    k: names[?5] ?? 'default'
    l: replace(concat('a-', 'b'), '-', '_')
    m: multi
    o: int('42') % 5
    p: items({ z: 1 })[0].key
    q: uniqueString(resourceGroup().id)
  }
}
assert ok = length(names) == 2
output o string = st.properties.primaryEndpoints.blob
`;

describe('static evaluation of a file with every construct', () => {
  const parsed = run({ 'm/main.bicep': EVERYTHING, 'm/shared.bicep': "@export()\nvar shared = 'from-import'\n" }, 'm/main.bicep');
  const props = (p: string) => getPath(parsed.resources[0].body, `properties.${p}`)!;

  test('zero diagnostics', () => {
    expect(parsed.diagnostics).toEqual([]);
  });

  test('functions, lambdas, operators, user functions and imports fold to known values', () => {
    expect(parsed.resources[0].name).toMatchObject({ value: 'st32' });
    expect(toPlain(props('a'))).toBe('X-3');
    expect(toPlain(props('b'))).toEqual({ x: 1, y: 2 });
    expect(toPlain(props('c'))).toEqual([2, 4, 6]);
    expect(toPlain(props('d'))).toEqual(['b']);
    expect(toPlain(props('e'))).toBe('a,b');
    expect(toPlain(props('f'))).toBe('big');
    expect(toPlain(props('g'))).toBe(true);
    expect(toPlain(props('h'))).toBe('pre-x');
    expect(toPlain(props('i'))).toBe('from-import');
    expect(toPlain(props('k'))).toBe('default');
    expect(toPlain(props('l'))).toBe('a_b');
    expect(toPlain(props('m'))).toBe('raw ${no}\n');
    expect(toPlain(props('o'))).toBe(2);
    expect(toPlain(props('p'))).toBe('z');
  });

  test('deployment-time and unset values are Unknown with a reason', () => {
    expect(props('j')).toMatchObject({ kind: 'unknown', reason: "secret ?? 'none'" });
    expect(props('q')).toMatchObject({ kind: 'unknown', reason: 'uniqueString(resourceGroup().id)' });
  });
});
