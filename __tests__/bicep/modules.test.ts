import { getPath } from '../../src/model/value.js';
import { byKey, run, span } from './helpers.js';
import { APP_MAIN, STORAGE_MODULE } from './fixtures/modules.js';

describe('main template with local and registry modules', () => {
  const files = { 'app/main.bicep': APP_MAIN, 'app/modules/storage.bicep': STORAGE_MODULE };
  const parsed = run(files, 'app/main.bicep');

  test('module resources join the result with unique keys and the module call in via', () => {
    const sa = byKey(parsed, 'app/modules/storage.bicep#sa@app/main.bicep#storage');
    expect(sa.file).toBe('app/modules/storage.bicep');
    expect(sa.type).toBe('Microsoft.Storage/storageAccounts');
    expect(sa.name).toMatchObject({ kind: 'string', value: 'stapp001' });
    expect(sa.via?.map(span)).toEqual([[4, 1, 10, 2]]);
    expect(span(sa.loc)).toEqual([5, 1, 14, 2]);
  });

  test('arguments flow into module params with their origin at the caller', () => {
    const sa = byKey(parsed, 'app/modules/storage.bicep#sa@app/main.bicep#storage');
    const pub = getPath(sa.body, 'properties.allowBlobPublicAccess')!;
    expect(pub).toMatchObject({ kind: 'boolean', value: false });
    expect(pub.loc.file).toBe('app/modules/storage.bicep');
    // Passed as `allowPublic`, whose value is that param's default in main.bicep.
    expect(pub.origin?.via).toBe('param allowPublic');
    expect(pub.origin?.location.file).toBe('app/main.bicep');
    expect(span(pub.origin?.location)).toEqual([2, 26, 2, 31]);
    const loc = getPath(sa.body, 'location')!;
    expect(loc.origin?.location.file).toBe('app/modules/storage.bicep');
  });

  test('a literal argument has its origin at the argument', () => {
    const looped = byKey(parsed, 'app/modules/storage.bicep#sa@app/main.bicep#loop');
    expect(looped.loop).toBe(true);
    const pub = getPath(looped.body, 'properties.allowBlobPublicAccess')!;
    expect(pub.origin?.via).toBe('param publicBlob');
    expect(span(pub.origin?.location)).toEqual([23, 41, 23, 45]);
  });

  test('modules are recorded as deployments; registry ones are external; a missing one is a warning', () => {
    const avm = byKey(parsed, 'app/main.bicep#avm');
    expect(avm.type).toBe('Microsoft.Resources/deployments');
    expect(avm.sourceType).toBe('module br/public:avm/res/key-vault/vault:0.6.0');
    expect(parsed.resources.filter((r) => r.file !== 'app/main.bicep')).toHaveLength(2);
    expect(parsed.diagnostics.map((d) => [d.code, d.severity, d.message, d.location.line, d.location.column])).toEqual([
      ['BICEP-MODULE', 'warning', "module file './modules/nothere.bicep' (app/modules/nothere.bicep) was not found or could not be read; its resources are not checked", 17, 16],
    ]);
  });

  test('module cycles and paths outside the repository are warnings, not hangs', () => {
    const cyc = { 'a.bicep': "module b './b.bicep' = { name: 'b' }\n", 'b.bicep': "module a './a.bicep' = { name: 'a' }\nresource r 'X.Y/z@1' = { name: 'r' }\n" };
    const p = run(cyc, 'a.bicep');
    expect(p.diagnostics.map((d) => d.message)).toEqual(["module './a.bicep' is part of a cycle of modules; it is not followed again"]);
    expect(p.resources.map((r) => r.key)).toContain('b.bicep#r@a.bicep#b');
    const out = run({ 'x.bicep': "module m '../../etc/m.bicep' = { name: 'm' }\n" }, 'x.bicep');
    expect(out.diagnostics[0].message).toBe("module path '../../etc/m.bicep' points outside the repository; its resources are not checked");
  });
});
