import { Deployment } from '../../src/model/deployment.js';
import { getPath } from '../../src/model/value.js';
import type { ParsedFile, Resource } from '../../src/model/resource.js';
import { byKey, run } from './helpers.js';

const FILE = 'infra/main.bicep';
const DIAG = 'Microsoft.Insights/diagnosticSettings';
const SECRET = 'Microsoft.KeyVault/vaults/secrets';

function parse(text: string): ParsedFile {
  return run({ [FILE]: text }, FILE);
}

/** Keys of the resources of `types` that the graph links to `target` through `via`. */
function linked(parsed: ParsedFile, target: string, types: string[], via: string): { matches: string[]; uncertain: boolean } {
  const d = new Deployment(parsed.resources);
  const r = d.related(byKey(parsed, `${FILE}#${target}`), types, via);
  return { matches: r.matches.map((m: Resource) => m.key.slice(FILE.length + 1)), uncertain: r.uncertain };
}

const VAULTS = `param workspaceId string
param teams array

// Two vaults, one per tier: expanded one Resource per item.
resource vaults 'Microsoft.KeyVault/vaults@2023-07-01' = [for tier in ['web', 'app']: {
  name: 'kv-\${tier}'
  location: 'westeurope'
  properties: { tenantId: subscription().tenantId, sku: { family: 'A', name: 'standard' } }
  resource initial 'secrets' = { name: 'initial', properties: { value: 'x' } }
}]

// One vault per team: the collection is not known, so it stays one Resource.
resource teamVaults 'Microsoft.KeyVault/vaults@2023-07-01' = [for team in teams: {
  name: 'kv-\${team}'
  location: 'westeurope'
}]
`;

describe('scope: an item of an expanded resource collection', () => {
  const parsed = parse(`${VAULTS}
resource vaultLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for (tier, i) in ['web', 'app']: {
  name: 'logs-\${tier}'
  scope: vaults[i]
  properties: { workspaceId: workspaceId }
}]
`);

  test('each setting is one Resource whose scope names the collection symbol', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(byKey(parsed, `${FILE}#vaultLogs[0]`).scope).toEqual({ symbol: 'vaults', file: FILE });
    expect(byKey(parsed, `${FILE}#vaultLogs[1]`).scope).toEqual({ symbol: 'vaults', file: FILE });
  });

  test('the graph links setting i to vault i, and to no other vault', () => {
    expect(linked(parsed, 'vaults[0]', [DIAG], 'scope')).toEqual({ matches: ['vaultLogs[0]'], uncertain: false });
    expect(linked(parsed, 'vaults[1]', [DIAG], 'scope')).toEqual({ matches: ['vaultLogs[1]'], uncertain: false });
    expect(linked(parsed, 'teamVaults', [DIAG], 'scope')).toEqual({ matches: [], uncertain: false });
  });
});

describe('scope: a fixed item of an expanded collection', () => {
  const parsed = parse(`${VAULTS}
resource appLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-app'
  scope: vaults[1]
}

resource firstLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for (tier, i) in ['web', 'app']: {
  name: 'first-\${tier}'
  scope: vaults[0]
}]
`);

  test('outside a loop, vaults[1] is recorded by the type and name of that item', () => {
    expect(byKey(parsed, `${FILE}#appLogs`).scope).toEqual({ type: 'Microsoft.KeyVault/vaults', name: 'kv-app' });
  });

  test('in a loop, vaults[0] names item 0 for every iteration, not the iteration\'s own item', () => {
    expect(byKey(parsed, `${FILE}#firstLogs[0]`).scope).toEqual({ symbol: 'vaults', file: FILE });
    expect(byKey(parsed, `${FILE}#firstLogs[1]`).scope).toEqual({ type: 'Microsoft.KeyVault/vaults', name: 'kv-web' });
  });

  test('the graph links each setting to the one vault it names', () => {
    expect(linked(parsed, 'vaults[0]', [DIAG], 'scope')).toEqual({ matches: ['firstLogs[0]', 'firstLogs[1]'], uncertain: false });
    expect(linked(parsed, 'vaults[1]', [DIAG], 'scope')).toEqual({ matches: ['appLogs'], uncertain: false });
  });
});

describe('scope: an indexed collection where one side is not expanded', () => {
  const parsed = parse(`${VAULTS}
// Expanded settings over a collection that is not expanded: every setting names the one Resource.
resource teamLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for (x, i) in ['a', 'b']: {
  name: 'team-\${x}'
  scope: teamVaults[i]
}]

// Settings over an unknown collection pointing into the expanded vaults: linked to the whole collection.
resource anyLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for (team, i) in teams: {
  name: 'any-\${team}'
  scope: vaults[i]
}]
`);

  test('the scope is the collection symbol on both sides', () => {
    expect(byKey(parsed, `${FILE}#teamLogs[0]`).scope).toEqual({ symbol: 'teamVaults', file: FILE });
    expect(byKey(parsed, `${FILE}#teamLogs[1]`).scope).toEqual({ symbol: 'teamVaults', file: FILE });
    expect(byKey(parsed, `${FILE}#anyLogs`).scope).toEqual({ symbol: 'vaults', file: FILE });
    expect(byKey(parsed, `${FILE}#anyLogs`).loop).toBe(true);
  });

  test('the graph links a collection-wide setting to every item', () => {
    expect(linked(parsed, 'teamVaults', [DIAG], 'scope')).toEqual({ matches: ['teamLogs[0]', 'teamLogs[1]'], uncertain: false });
    expect(linked(parsed, 'vaults[0]', [DIAG], 'scope')).toEqual({ matches: ['anyLogs'], uncertain: false });
    expect(linked(parsed, 'vaults[1]', [DIAG], 'scope')).toEqual({ matches: ['anyLogs'], uncertain: false });
  });
});

describe('scope: a deployment scope function', () => {
  const parsed = parse(`targetScope = 'subscription'

resource atGroup 'Microsoft.Authorization/roleAssignments@2022-04-01' = { name: 'a', scope: resourceGroup() }
resource atSub 'Microsoft.Authorization/roleAssignments@2022-04-01' = { name: 'b', scope: subscription() }
resource atTenant 'Microsoft.Authorization/roleAssignments@2022-04-01' = { name: 'c', scope: tenant() }
resource atGroupMg 'Microsoft.Authorization/roleAssignments@2022-04-01' = { name: 'd', scope: managementGroup('mg-platform') }
resource atNamespaced 'Microsoft.Authorization/roleAssignments@2022-04-01' = { name: 'e', scope: az.subscription() }

module network './network.bicep' = {
  name: 'network'
  scope: resourceGroup('rg-network')
}
`);

  test('records no resource reference: the scope is not a resource of the deployment', () => {
    for (const key of ['atGroup', 'atSub', 'atTenant', 'atGroupMg', 'atNamespaced', 'network']) {
      expect(byKey(parsed, `${FILE}#${key}`).scope).toBeUndefined();
    }
  });

  test('the body keeps the scope as the deployment-time value it is', () => {
    expect(getPath(byKey(parsed, `${FILE}#atSub`).body, 'scope')).toMatchObject({ kind: 'unknown', reason: 'subscription()' });
    expect(getPath(byKey(parsed, `${FILE}#atGroupMg`).body, 'scope')).toMatchObject({ kind: 'unknown', reason: "managementGroup('mg-platform')" });
  });
});

describe('scope: what cannot be resolved is recorded as an unknown target', () => {
  const parsed = parse(`param useFirst bool
param workspaceId string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = { name: 'kv-main', location: 'westeurope' }
resource other 'Microsoft.KeyVault/vaults@2023-07-01' = { name: 'kv-other', location: 'westeurope' }
resource shared 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-shared'
  resource key 'keys' existing = { name: 'signing' }
}

module finder './finder.bicep' = { name: 'finder' }

resource fromModule 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'from-module'
  scope: finder.outputs.vault
}
resource either 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'either'
  scope: useFirst ? vault : other
}
resource picked 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'picked'
  scope: (true ? other : vault)
}
resource onShared 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = { name: 'on-shared', scope: shared }
resource onKey 'Microsoft.Authorization/roleAssignments@2022-04-01' = { name: 'on-key', scope: shared::key }
`);

  test('a module output or a ternary with an unknown condition gives an empty reference', () => {
    expect(byKey(parsed, `${FILE}#fromModule`).scope).toEqual({});
    expect(byKey(parsed, `${FILE}#either`).scope).toEqual({});
  });

  test('a ternary with a known condition and existing resources resolve to their symbols', () => {
    expect(byKey(parsed, `${FILE}#picked`).scope).toEqual({ symbol: 'other', file: FILE });
    expect(byKey(parsed, `${FILE}#onShared`).scope).toEqual({ symbol: 'shared', file: FILE });
    expect(byKey(parsed, `${FILE}#onKey`).scope).toEqual({ symbol: 'shared::key', file: FILE });
  });

  test('the Deployment resolves an empty reference to nothing and treats it as "could be any resource"', () => {
    const d = new Deployment(parsed.resources);
    const setting = byKey(parsed, `${FILE}#fromModule`);
    expect(d.resolve({}, setting)).toEqual([]);
    // The unknown settings make the answer uncertain; the known one (`picked`) still matches `other`.
    expect(linked(parsed, 'vault', [DIAG], 'scope')).toEqual({ matches: [], uncertain: true });
    expect(linked(parsed, 'other', [DIAG], 'scope')).toEqual({ matches: ['picked'], uncertain: true });
  });
});

describe('parent: an item of a resource collection', () => {
  const parsed = parse(`${VAULTS}
resource perTier 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for (tier, i) in ['web', 'app']: {
  name: 'conn-\${tier}'
  parent: vaults[i]
  properties: { value: 'x' }
}]

resource onlyApp 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  name: 'app-only'
  parent: vaults[1]
}

resource perTeam 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for (team, i) in teams: {
  name: 'team-secret'
  parent: teamVaults[i]
}]

resource initialCopy 'Microsoft.Authorization/roleAssignments@2022-04-01' = { name: 'ra', scope: vaults[0]::initial }
`);

  test('records the collection symbol, or the item\'s type and name for a fixed other item', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(byKey(parsed, `${FILE}#perTier[0]`).parent).toEqual({ symbol: 'vaults', file: FILE });
    expect(byKey(parsed, `${FILE}#perTier[1]`).parent).toEqual({ symbol: 'vaults', file: FILE });
    expect(byKey(parsed, `${FILE}#onlyApp`).parent).toEqual({ type: 'Microsoft.KeyVault/vaults', name: 'kv-app' });
    expect(byKey(parsed, `${FILE}#perTeam`).parent).toEqual({ symbol: 'teamVaults', file: FILE });
  });

  test('child names are composed with the name of the parent item when it is known', () => {
    expect(byKey(parsed, `${FILE}#perTier[0]`).name).toMatchObject({ kind: 'string', value: 'kv-web/conn-web' });
    expect(byKey(parsed, `${FILE}#perTier[1]`).name).toMatchObject({ kind: 'string', value: 'kv-app/conn-app' });
    expect(byKey(parsed, `${FILE}#onlyApp`).name).toMatchObject({ kind: 'string', value: 'kv-app/app-only' });
    expect(byKey(parsed, `${FILE}#perTeam`).name).toMatchObject({ kind: 'unknown', ref: { symbol: 'teamVaults', property: 'name' } });
  });

  test('the graph links each child to its own parent item (the nested child, one for all items, to each)', () => {
    expect(linked(parsed, 'vaults[0]', [SECRET], 'parent')).toEqual({ matches: ['vaults::initial', 'perTier[0]'], uncertain: false });
    expect(linked(parsed, 'vaults[1]', [SECRET], 'parent').matches).toEqual(['vaults::initial', 'perTier[1]', 'onlyApp']);
  });

  test('a nested child reached through an indexed parent names the one nested Resource', () => {
    expect(byKey(parsed, `${FILE}#initialCopy`).scope).toEqual({ symbol: 'vaults::initial', file: FILE });
  });
});

describe('robustness', () => {
  test('a scope in 500 parentheses ends as an unknown target without throwing', () => {
    const deep = `${'('.repeat(500)}vault${')'.repeat(500)}`;
    const parsed = parse(`param c bool
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = { name: 'kv', location: 'westeurope' }
resource s 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = { name: 'd', scope: ${deep} }
`);
    const s = parsed.resources.find((r) => r.symbol === 's');
    expect(s?.scope).toEqual({});
  });

  test('collections that name each other as parent do not loop forever', () => {
    const parsed = parse(`resource a 'Microsoft.Sql/servers/databases@2023-05-01-preview' = [for x in ['1', '2']: {
  name: 'a\${x}'
  parent: b[0]
}]
resource b 'Microsoft.Sql/servers/databases@2023-05-01-preview' = [for x in ['1', '2']: {
  name: 'b\${x}'
  parent: a[1]
}]
resource self 'Microsoft.Sql/servers@2023-05-01-preview' = [for x in ['1', '2']: {
  name: 's\${x}'
  parent: self[1]
}]
`);
    expect(parsed.resources.map((r) => r.key.slice(FILE.length + 1))).toEqual(['a[0]', 'a[1]', 'b[0]', 'b[1]', 'self[0]', 'self[1]']);
    expect(byKey(parsed, `${FILE}#self[0]`).parent).toEqual({ symbol: 'self', file: FILE });
  });
});
