import { getPath } from '../../src/model/value.js';
import { byKey, run, span } from './helpers.js';
import { APP_MAIN, STORAGE_MODULE, VAULTS_MAIN, VAULTS_PARAMS, VAULT_MODULE } from './fixtures/modules.js';

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
    const looped = byKey(parsed, 'app/modules/storage.bicep#sa@app/main.bicep#loop[1]');
    expect(looped.loop).toBe(true);
    const pub = getPath(looped.body, 'properties.allowBlobPublicAccess')!;
    expect(pub.origin?.via).toBe('param publicBlob');
    expect(span(pub.origin?.location)).toEqual([23, 41, 23, 45]);
  });

  test('a module loop over range(0, 2) gives one instance per item, keys suffixed [i] like resource loops', () => {
    expect(parsed.resources.map((r) => r.key).filter((k) => k.includes('#loop'))).toEqual([
      'app/main.bicep#loop[0]',
      'app/modules/storage.bicep#sa@app/main.bicep#loop[0]',
      'app/main.bicep#loop[1]',
      'app/modules/storage.bicep#sa@app/main.bicep#loop[1]',
    ]);
    const names = [0, 1].map((i) => byKey(parsed, `app/modules/storage.bicep#sa@app/main.bicep#loop[${i}]`).name);
    expect(names).toMatchObject([{ kind: 'string', value: 'st0' }, { kind: 'string', value: 'st1' }]);
    expect(names[1].origin?.via).toBe('loop item i');
    const deployments = [0, 1].map((i) => byKey(parsed, `app/main.bicep#loop[${i}]`));
    expect(deployments.map((d) => [d.type, d.loop, d.name.kind === 'string' ? d.name.value : d.name.kind])).toEqual([
      ['Microsoft.Resources/deployments', true, 'st0'],
      ['Microsoft.Resources/deployments', true, 'st1'],
    ]);
    // Every instance was reached through the looped module declaration (lines 21-24 of main.bicep).
    const sa1 = byKey(parsed, 'app/modules/storage.bicep#sa@app/main.bicep#loop[1]');
    expect(sa1.via?.map(span)).toEqual([[21, 1, 24, 3]]);
  });

  test('modules are recorded as deployments; registry ones are external; a missing one is a warning', () => {
    const avm = byKey(parsed, 'app/main.bicep#avm');
    expect(avm.type).toBe('Microsoft.Resources/deployments');
    expect(avm.sourceType).toBe('module br/public:avm/res/key-vault/vault:0.6.0');
    expect(parsed.resources.filter((r) => r.file !== 'app/main.bicep')).toHaveLength(3);
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

describe('module loop over an array set in a .bicepparam file', () => {
  const files = { 'infra/main.bicep': VAULTS_MAIN, 'infra/vault.bicep': VAULT_MODULE, 'infra/prod.bicepparam': VAULTS_PARAMS };
  const parsed = run(files, 'infra/main.bicep');
  const vaultKey = (i: number): string => `infra/vault.bicep#vault@infra/main.bicep#kv[${i}]?infra/prod.bicepparam`;

  test('one module instance per array item, each with its own vault', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.resources.map((r) => r.key)).toEqual([
      'infra/main.bicep#kv[0]?infra/prod.bicepparam',
      vaultKey(0),
      'infra/main.bicep#kv[1]?infra/prod.bicepparam',
      vaultKey(1),
    ]);
    expect([0, 1].map((i) => byKey(parsed, vaultKey(i)).name)).toMatchObject([
      { kind: 'string', value: 'kv-legacy' },
      { kind: 'string', value: 'kv-modern' },
    ]);
    expect(byKey(parsed, 'infra/main.bicep#kv[1]?infra/prod.bicepparam').name).toMatchObject({ kind: 'string', value: 'kv-1' });
  });

  test('each instance gets its item: rbac false in the first vault, true in the second, set in the .bicepparam', () => {
    const [legacy, modern] = [0, 1].map((i) => getPath(byKey(parsed, vaultKey(i)).body, 'properties.enableRbacAuthorization')!);
    expect(legacy).toMatchObject({ kind: 'boolean', value: false });
    expect(modern).toMatchObject({ kind: 'boolean', value: true });
    // Seen in the module, where the property is written; set in the parameter file.
    expect(legacy.loc.file).toBe('infra/vault.bicep');
    expect(span(legacy.loc)).toEqual([10, 30, 10, 34]);
    expect(legacy.origin?.via).toBe('param vaults');
    expect(legacy.origin?.location.file).toBe('infra/prod.bicepparam');
    expect(span(legacy.origin?.location)).toEqual([4, 30, 4, 35]);
    expect(modern.origin?.location.file).toBe('infra/prod.bicepparam');
    expect(span(modern.origin?.location)).toEqual([5, 30, 5, 34]);
  });

  test('via points at the module declaration, and the vaults are marked as looped', () => {
    for (const i of [0, 1]) {
      const v = byKey(parsed, vaultKey(i));
      expect(v.loop).toBe(true);
      expect(v.via?.map((l) => [l.file, ...span(l)])).toEqual([['infra/main.bicep', 3, 1, 9, 3]]);
    }
  });

  test('without a parameter file the collection is unknown: one instance, the item unknown in the module', () => {
    const p = run({ 'infra/main.bicep': VAULTS_MAIN, 'infra/vault.bicep': VAULT_MODULE }, 'infra/main.bicep');
    expect(p.resources.map((r) => r.key)).toEqual(['infra/main.bicep#kv', 'infra/vault.bicep#vault@infra/main.bicep#kv']);
    const v = byKey(p, 'infra/vault.bicep#vault@infra/main.bicep#kv');
    expect(v.loop).toBe(true);
    const rbac = getPath(v.body, 'properties.enableRbacAuthorization')!;
    expect(rbac.kind).toBe('unknown');
    expect(rbac.loc.file).toBe('infra/vault.bicep');
    expect(rbac).toMatchObject({ kind: 'unknown', reason: 'v.rbac' });
  });

  test('a collection of more than 32 items is not expanded: one instance with the loop index unknown', () => {
    const main = "module big './vault.bicep' = [for i in range(0, 33): {\n  name: 'kv${i}'\n  params: { vaultName: 'kv${i}', rbac: i == 0 }\n}]\n";
    const p = run({ 'infra/main.bicep': main, 'infra/vault.bicep': VAULT_MODULE }, 'infra/main.bicep');
    expect(p.resources.map((r) => r.key)).toEqual(['infra/main.bicep#big', 'infra/vault.bicep#vault@infra/main.bicep#big']);
    const vault = byKey(p, 'infra/vault.bicep#vault@infra/main.bicep#big');
    expect(vault.name).toMatchObject({ kind: 'unknown' });
    expect(getPath(vault.body, 'properties.enableRbacAuthorization')).toMatchObject({ kind: 'unknown' });
  });

  test('a module loop over an empty array deploys nothing, like a resource loop', () => {
    const params = "using './main.bicep'\nparam vaults = []\n";
    const p = run({ 'infra/main.bicep': VAULTS_MAIN, 'infra/vault.bicep': VAULT_MODULE, 'infra/prod.bicepparam': params }, 'infra/main.bicep');
    expect(p.resources).toEqual([]);
  });
});

describe('nested module loops stay bounded', () => {
  test('past 256 module instances a module loop is checked once with the item unknown, with a warning', () => {
    const files = {
      'main.bicep': "module a './a.bicep' = [for i in range(0, 32): {\n  name: 'a${i}'\n}]\n",
      'a.bicep': "module b './b.bicep' = [for j in range(0, 32): {\n  name: 'b${j}'\n}]\n",
      'b.bicep': "module c './c.bicep' = [for k in range(0, 32): {\n  name: 'c${k}'\n}]\n",
      'c.bicep': "resource r 'X.Y/z@1' = { name: 'r' }\n",
    };
    const p = run(files, 'main.bicep');
    // Expanded in full this would be 32 x 32 x 32 = 32,768 leaf resources.
    expect(p.resources.filter((r) => r.type === 'X.Y/z')).toHaveLength(249);
    expect(p.resources).toHaveLength(593);
    expect(p.diagnostics.map((d) => [d.message, d.location.file, ...span(d.location)])).toEqual([
      ["module loop 'c' would bring the template past 256 module instances; it is checked once with the loop item unknown", 'b.bicep', 1, 8, 1, 9],
      ["module loop 'b' would bring the template past 256 module instances; it is checked once with the loop item unknown", 'a.bicep', 1, 8, 1, 9],
    ]);
    // The first instances are expanded; a later one is a single instance with the loop unexpanded.
    expect(p.resources.map((r) => r.key)).toContain('c.bicep#r@b.bicep#c[3]@a.bicep#b[2]@main.bicep#a[0]');
    expect(p.resources.map((r) => r.key)).toContain('b.bicep#c@a.bicep#b@main.bicep#a[31]');
  });
});
