import { readFileSync } from 'node:fs';
import { getPath, getProperty, getPropertyAt } from '../../src/model/value.js';
import { at, parseIn, show } from './helpers.js';

const SCHEMA = '"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"';
const PARAMS_SCHEMA = '"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#"';

/** A template whose resources start on line 4, one per line. */
function withResources(resources: string[], extra = ''): string {
  return `{\n  ${SCHEMA},\n  ${extra}"contentVersion": "1.0.0.0",\n  "resources": [\n${resources.map((r) => `    ${r}`).join(',\n')}\n  ]\n}`;
}

describe('resources', () => {
  test('type, apiVersion, symbol, evaluated name, body, location and key', () => {
    const text = withResources([
      `{ "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "[concat('st', 'one')]", "location": "westeurope", "properties": { "minimumTlsVersion": "TLS1_2" } }`,
    ]);
    const { resources, diagnostics } = parseIn({ 'main.json': text }, 'main.json');
    expect(diagnostics).toEqual([]);
    expect(resources).toHaveLength(1);
    const r = resources[0];
    expect(r).toMatchObject({ key: 'main.json#resources[0]', type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', symbol: "[concat('st', 'one')]", format: 'arm', file: 'main.json' });
    expect(show(r.name)).toBe('stone');
    expect(at(r.loc)).toBe('5:5-5:188');
    expect(show(getPath(r.body, 'properties.minimumTlsVersion'))).toBe('TLS1_2');
    expect(at(getPath(r.body, 'properties.minimumTlsVersion')?.loc)).toBe('5:176-5:184');
    expect(at(getProperty(r.body, 'location')?.keyLoc)).toBe('5:113-5:123');
  });

  test('child resources: full type, parent/child name and parent reference', () => {
    const text = withResources([
      `{ "type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-04-01", "name": "nsg1", "resources": [ { "type": "securityRules", "name": "ssh", "properties": { "destinationPortRange": "22" } } ] }`,
    ]);
    const { resources } = parseIn({ 'main.json': text }, 'main.json');
    expect(resources.map((r) => [r.key, r.type, show(r.name), r.parent])).toEqual([
      ['main.json#resources[0]', 'Microsoft.Network/networkSecurityGroups', 'nsg1', undefined],
      ['main.json#resources[0].resources[0]', 'Microsoft.Network/networkSecurityGroups/securityRules', 'nsg1/ssh', { type: 'Microsoft.Network/networkSecurityGroups', name: 'nsg1', file: 'main.json' }],
    ]);
    expect(at(resources[1].loc)).toBe('5:117-5:207');
  });

  test('a child declared on its own names its parent from its type and name', () => {
    const text = withResources([`{ "type": "Microsoft.Network/networkSecurityGroups/securityRules", "name": "[concat('nsg1', '/rdp')]", "properties": {} }`]);
    const { resources } = parseIn({ 'main.json': text }, 'main.json');
    expect(resources[0].parent).toEqual({ type: 'Microsoft.Network/networkSecurityGroups', name: 'nsg1' });
  });

  test('copy loops, conditions and literal true conditions', () => {
    const text = withResources(
      [
        `{ "type": "Microsoft.Network/publicIPAddresses", "name": "[concat('ip', copyIndex())]", "copy": { "name": "ips", "count": 3 } }`,
        `{ "type": "Microsoft.Web/sites", "name": "app", "condition": "[parameters('deployApp')]" }`,
        `{ "type": "Microsoft.Web/sites", "name": "app2", "condition": true }`,
        `{ "type": "Microsoft.Web/sites", "name": "app3", "condition": "[equals('a', 'a')]" }`,
      ],
      `"parameters": { "deployApp": { "type": "bool" } },\n  `,
    );
    const { resources } = parseIn({ 'main.json': text }, 'main.json');
    expect(resources.map((r) => [show(r.name), r.loop, r.conditional])).toEqual([
      ['<unknown: copyIndex()>', true, undefined],
      ['app', undefined, true],
      ['app2', undefined, undefined],
      ['app3', undefined, undefined],
    ]);
  });

  test('extension resources: scope by format() path and by resourceId()', () => {
    const text = withResources(
      [
        `{ "type": "Microsoft.Insights/diagnosticSettings", "name": "d1", "scope": "[format('Microsoft.KeyVault/vaults/{0}', parameters('vaultName'))]" }`,
        `{ "type": "Microsoft.Authorization/locks", "name": "l1", "scope": "[resourceId('Microsoft.Storage/storageAccounts', 'st1')]" }`,
        `{ "type": "Microsoft.Insights/diagnosticSettings", "name": "d2", "scope": "[format('Microsoft.KeyVault/vaults/{0}', uniqueString(resourceGroup().id))]" }`,
      ],
      `"parameters": { "vaultName": { "type": "string", "defaultValue": "kv-prod" } },\n  `,
    );
    const { resources } = parseIn({ 'main.json': text }, 'main.json');
    expect(resources.map((r) => r.scope)).toEqual([
      { type: 'Microsoft.KeyVault/vaults', name: 'kv-prod' },
      { type: 'Microsoft.Storage/storageAccounts', name: 'st1' },
      { type: 'Microsoft.KeyVault/vaults' },
    ]);
  });

  test('values from parameters carry the origin of their default value', () => {
    const text = [
      '{',
      `  ${SCHEMA},`,
      '  "parameters": {',
      '    "enableRbac": { "type": "bool", "defaultValue": false }',
      '  },',
      '  "resources": [',
      `    { "type": "Microsoft.KeyVault/vaults", "name": "kv", "properties": { "enableRbacAuthorization": "[parameters('enableRbac')]" } }`,
      '  ]',
      '}',
    ].join('\n');
    const { resources } = parseIn({ 'main.json': text }, 'main.json');
    const v = getPath(resources[0].body, 'properties.enableRbacAuthorization');
    expect(v).toMatchObject({ kind: 'boolean', value: false });
    expect(at(v?.loc)).toBe('7:101-7:129');
    expect(v?.origin?.via).toBe("parameters('enableRbac')");
    expect(at(v?.origin?.location)).toBe('4:53-4:58');
  });

  test('a parameter default may itself be an expression; variables with copy are unknown', () => {
    const text = withResources(
      [`{ "type": "Microsoft.Web/sites", "name": "[parameters('siteName')]", "properties": { "list": "[variables('disks')]" } }`],
      `"parameters": { "prefix": { "type": "string", "defaultValue": "app" }, "siteName": { "type": "string", "defaultValue": "[concat(parameters('prefix'), '-web')]" } },\n  "variables": { "copy": [ { "name": "disks", "count": 2, "input": {} } ] },\n  `,
    );
    const { resources } = parseIn({ 'main.json': text }, 'main.json');
    expect(show(resources[0].name)).toBe('app-web');
    expect(show(getPath(resources[0].body, 'properties.list'))).toBe("<unknown: variable 'disks' is built by a copy loop>");
  });

  test('an unreadable expression gives a diagnostic at the string', () => {
    const text = withResources([`{ "type": "Microsoft.Web/sites", "name": "[concat('a']" }`]);
    const { diagnostics, resources } = parseIn({ 'main.json': text }, 'main.json');
    expect(diagnostics.map((d) => [d.code, d.message, at(d.location)])).toEqual([
      ['ARM-EXPRESSION', "Cannot read the template expression: Expected ')' to close the call to concat, found the end of the expression (at character 11 of '[concat('a']').", '5:46-5:60'],
    ]);
    expect(resources[0].name.kind).toBe('unknown');
  });

  test('resources without a type are skipped with a warning', () => {
    const text = withResources([`{ "name": "x" }`, `"not an object"`]);
    const { diagnostics, resources } = parseIn({ 'main.json': text }, 'main.json');
    expect(resources).toEqual([]);
    expect(diagnostics.map((d) => [d.message, at(d.location)])).toEqual([
      ["The resource at resources[0] has no readable 'type' and is skipped.", '5:5-5:20'],
      ['The resource at resources[1] is not an object and is skipped.', '6:5-6:20'],
    ]);
  });

  test('the lazily evaluated body survives spreading and serialising', () => {
    const text = withResources([`{ "type": "Microsoft.Web/sites", "name": "a", "properties": { "httpsOnly": true } }`]);
    const r = parseIn({ 'main.json': text }, 'main.json').resources[0];
    const copy = { ...r };
    expect(show(getPath(copy.body, 'properties.httpsOnly'))).toBe(true);
    const json = JSON.parse(JSON.stringify(r)) as { body: { kind: string } };
    expect(json.body.kind).toBe('object');
  });

  test('comments in a template are returned', () => {
    const text = `{\n  ${SCHEMA},\n  // azsec-ignore AZ-KV-001 reviewed\n  "resources": []\n}`;
    const r = parseIn({ 'main.json': text }, 'main.json');
    expect(r.comments.map((c) => [c.text, at(c.loc)])).toEqual([['// azsec-ignore AZ-KV-001 reviewed', '3:3-3:37']]);
    expect(r.diagnostics).toEqual([]);
  });

  test('a template that is not an object says so; broken JSON still yields resources', () => {
    expect(parseIn({ 'a.json': `[${SCHEMA.replace(':', ',')}]` }, 'a.json').diagnostics.map((d) => d.code)).toEqual(['ARM-TEMPLATE']);
    const broken = withResources([`{ "type": "Microsoft.Web/sites" "name": "a" }`]);
    const r = parseIn({ 'b.json': broken }, 'b.json');
    expect(r.diagnostics.map((d) => [d.code, at(d.location)])).toEqual([['JSON-SYNTAX', '5:37-5:43']]);
    expect(r.resources.map((x) => show(x.name))).toEqual(['a']);
  });
});

describe('languageVersion 2.0 and nested deployments', () => {
  test('symbolic resources, existing, reference(symbol)', () => {
    const text = `{\n  ${SCHEMA},\n  "languageVersion": "2.0",\n  "resources": {\n    "kv": { "type": "Microsoft.KeyVault/vaults", "existing": true, "name": "kv1" },\n    "app": { "type": "Microsoft.Web/sites", "name": "web", "properties": { "kvUri": "[reference('kv').vaultUri]" } }\n  }\n}`;
    const { resources } = parseIn({ 'main.json': text }, 'main.json');
    expect(resources.map((r) => [r.key, r.symbol, r.existing])).toEqual([
      ['main.json#kv', 'kv', true],
      ['main.json#app', 'app', undefined],
    ]);
    expect(getPath(resources[1].body, 'properties.kvUri')).toMatchObject({ kind: 'unknown', ref: { symbol: 'kv', property: 'properties.vaultUri', file: 'main.json' } });
  });

  test('a child of a symbolic resource is keyed under its parent symbol', () => {
    const text = `{\n  ${SCHEMA},\n  "languageVersion": "2.0",\n  "resources": {\n    "kv": { "type": "Microsoft.KeyVault/vaults", "name": "kv1", "resources": [ { "type": "secrets", "name": "s1" } ] }\n  }\n}`;
    const { resources } = parseIn({ 'main.json': text }, 'main.json');
    expect(resources.map((r) => [r.key, r.type, show(r.name), r.parent])).toEqual([
      ['main.json#kv', 'Microsoft.KeyVault/vaults', 'kv1', undefined],
      ['main.json#kv.resources[0]', 'Microsoft.KeyVault/vaults/secrets', 'kv1/s1', { type: 'Microsoft.KeyVault/vaults', name: 'kv1', symbol: 'kv', file: 'main.json' }],
    ]);
  });

  test('nested deployment with outer scope sees the parent parameters', () => {
    const text = withResources(
      [
        `{ "type": "Microsoft.Resources/deployments", "name": "inner", "properties": { "mode": "Incremental", "template": { ${SCHEMA}, "resources": [ { "type": "Microsoft.Storage/storageAccounts", "name": "[parameters('st')]" } ] } } }`,
      ],
      `"parameters": { "st": { "type": "string", "defaultValue": "outerst" } },\n  `,
    );
    const { resources } = parseIn({ 'main.json': text }, 'main.json');
    expect(resources.map((r) => [r.key, r.type, show(r.name), r.file, r.via?.map(at)])).toEqual([
      ['main.json#resources[0]', 'Microsoft.Resources/deployments', 'inner', 'main.json', undefined],
      ['main.json#resources[0].properties.template.resources[0]', 'Microsoft.Storage/storageAccounts', 'outerst', 'main.json', ['6:5-6:314']],
    ]);
  });

  test('nested deployment with inner scope uses its own parameters, passed from the parent', () => {
    const text = withResources(
      [
        `{ "type": "Microsoft.Resources/deployments", "name": "inner", "properties": { "expressionEvaluationOptions": { "scope": "inner" }, "parameters": { "st": { "value": "[concat(parameters('st'), '2')]" } }, "template": { ${SCHEMA}, "parameters": { "st": { "type": "string" } }, "resources": [ { "type": "Microsoft.Storage/storageAccounts", "name": "[parameters('st')]" } ] } } }`,
      ],
      `"parameters": { "st": { "type": "string", "defaultValue": "outer" } },\n  `,
    );
    const { resources } = parseIn({ 'main.json': text }, 'main.json');
    expect(show(resources[1].name)).toBe('outer2');
  });

  test('linked templates by relativePath are read; remote URIs are not fetched', () => {
    const main = withResources([
      `{ "type": "Microsoft.Resources/deployments", "name": "linked", "properties": { "templateLink": { "relativePath": "modules/kv.json" }, "parameters": { "kvName": { "value": "kv-linked" } } } }`,
      `{ "type": "Microsoft.Resources/deployments", "name": "remote", "properties": { "templateLink": { "uri": "https://example.com/t.json" } } }`,
    ]);
    const kv = `{ ${SCHEMA}, "parameters": { "kvName": { "type": "string" } }, "resources": [ { "type": "Microsoft.KeyVault/vaults", "name": "[parameters('kvName')]" } ] }`;
    const { resources } = parseIn({ 'infra/main.json': main, 'infra/modules/kv.json': kv }, 'infra/main.json');
    expect(resources.map((r) => [r.key, r.file, show(r.name)])).toEqual([
      ['infra/main.json#resources[0]', 'infra/main.json', 'linked'],
      ['infra/main.json#resources[0]>infra/modules/kv.json#resources[0]', 'infra/modules/kv.json', 'kv-linked'],
      ['infra/main.json#resources[1]', 'infra/main.json', 'remote'],
    ]);
    expect(at(resources[1].via?.[0])).toBe('5:5-5:195');
  });
});

describe('parameter files', () => {
  const template = withResources(
    [`{ "type": "Microsoft.KeyVault/vaults", "name": "kv", "properties": { "enableRbacAuthorization": "[parameters('enableRbac')]" } }`],
    `"parameters": { "enableRbac": { "type": "bool", "defaultValue": false } },\n  `,
  );
  const paramFile = (value: boolean): string => `{\n  ${PARAMS_SCHEMA},\n  "parameters": {\n    "enableRbac": { "value": ${value} }\n  }\n}`;

  test('X.parameters.json is used, and values say where they were set', () => {
    const files = { 'a/kv.json': template, 'a/kv.parameters.json': paramFile(true) };
    const { resources } = parseIn(files, 'a/kv.json');
    expect(resources.map((r) => r.key)).toEqual(['a/kv.json#resources[0]']);
    const v = getPath(resources[0].body, 'properties.enableRbacAuthorization');
    expect(show(v)).toBe(true);
    expect(v?.origin?.via).toBe("parameters('enableRbac')");
    expect(v?.origin?.location.file).toBe('a/kv.parameters.json');
    expect(at(v?.origin?.location)).toBe('4:30-4:34');
  });

  test('several parameter files: one evaluation each, keys suffixed', () => {
    const files = { 'a/kv.json': template, 'a/kv.parameters.dev.json': paramFile(false), 'a/kv.parameters.prod.json': paramFile(true) };
    const { resources } = parseIn(files, 'a/kv.json');
    expect(resources.map((r) => [r.key, show(getPath(r.body, 'properties.enableRbacAuthorization'))])).toEqual([
      ['a/kv.json#resources[0]?a/kv.parameters.dev.json', false],
      ['a/kv.json#resources[0]?a/kv.parameters.prod.json', true],
    ]);
  });

  test('a parameter file tied by content, not by name', () => {
    const files = { 'a/kv.json': template, 'a/params-prod.json': paramFile(true), 'a/other.json': '{}' };
    const { resources } = parseIn(files, 'a/kv.json');
    expect(show(getPath(resources[0].body, 'properties.enableRbacAuthorization'))).toBe(true);
  });

  test('a parameter file named after another template is not used', () => {
    const files = { 'a/kv.json': template, 'a/net.json': template, 'a/net.parameters.json': paramFile(true) };
    const { resources } = parseIn(files, 'a/kv.json');
    expect(show(getPath(resources[0].body, 'properties.enableRbacAuthorization'))).toBe(false);
  });

  test('Key Vault references in a parameter file are unknown', () => {
    const p = `{ ${PARAMS_SCHEMA}, "parameters": { "enableRbac": { "reference": { "keyVault": { "id": "x" }, "secretName": "s" } } } }`;
    const { resources } = parseIn({ 'kv.json': template, 'kv.parameters.json': p }, 'kv.json');
    expect(getPath(resources[0].body, 'properties.enableRbacAuthorization')).toMatchObject({ kind: 'unknown', reason: "parameter 'enableRbac' is a Key Vault secret reference" });
  });
});

describe('property copy loops', () => {
  test('properties.copy becomes the named array, with copyIndex() parts unknown', () => {
    const text = withResources(
      [
        `{ "type": "Microsoft.Network/networkSecurityGroups", "name": "nsg", "properties": { "copy": [ { "name": "securityRules", "count": "[length(parameters('ports'))]", "input": { "name": "[concat('allow-', parameters('ports')[copyIndex('securityRules')])]", "properties": { "access": "Allow", "sourceAddressPrefix": "*" } } } ] } }`,
        `{ "type": "Microsoft.Network/networkSecurityGroups", "name": "nsg2", "properties": { "copy": [ { "name": "securityRules", "count": "[parameters('n')]", "input": {} } ] } }`,
      ],
      `"parameters": { "ports": { "type": "array", "defaultValue": [ "22", "3389" ] }, "n": { "type": "int" } },\n  `,
    );
    const { resources } = parseIn({ 'main.json': text }, 'main.json');
    expect(show(getPath(resources[0].body, 'properties'))).toEqual({
      securityRules: [
        { name: "<unknown: copyIndex('securityRules')>", properties: { access: 'Allow', sourceAddressPrefix: '*' } },
        { name: "<unknown: copyIndex('securityRules')>", properties: { access: 'Allow', sourceAddressPrefix: '*' } },
      ],
    });
    expect(at(getPropertyAt(resources[0].body, 'properties.securityRules')?.keyLoc)).toBe('6:109-6:124');
    expect(show(getPath(resources[1].body, 'properties.securityRules'))).toBe("<unknown: 'securityRules' is built by a copy loop of unknown length>");
  });
});

describe('robustness of the whole front end', () => {
  const fixtures = ['keyvault/azuredeploy.json', 'network/nsg.json', 'platform/main.json'].map((f) => readFileSync(`__tests__/arm/fixtures/${f}`, 'utf8'));

  /** Parses, then reads what rules read: every body in full, names and locations. */
  function exercise(text: string): void {
    const r = parseIn({ 'x.json': text }, 'x.json');
    for (const res of r.resources) {
      JSON.stringify(res);
      void res.loc.line;
    }
    for (const d of r.diagnostics) void d.location.column;
  }

  test('truncated fixtures never throw', () => {
    for (const text of fixtures) for (let i = 0; i < text.length; i += 7) expect(() => exercise(text.slice(0, i))).not.toThrow();
  });

  test('byte flips in fixtures never throw', () => {
    const chars = ['{', '}', '[', ']', '"', ',', ':', "'", '(', ')', '\n', '\u0000', '/'];
    for (const text of fixtures) {
      for (let i = 0; i < text.length; i += 11) {
        const flipped = text.slice(0, i) + chars[i % chars.length] + text.slice(i + 1);
        expect(() => exercise(flipped)).not.toThrow();
      }
    }
  });

  test('a long chain of variables defined through one another is cut off, not a stack overflow', () => {
    const vars: Record<string, string> = { v0: 'end' };
    for (let i = 1; i < 5000; i++) vars[`v${i}`] = `[variables('v${i - 1}')]`;
    const text = JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      variables: vars,
      resources: [{ type: 'Microsoft.Web/sites', name: "[variables('v4999')]" }],
    });
    const r = parseIn({ 'chain.json': text }, 'chain.json');
    expect(show(r.resources[0].name)).toBe('<unknown: references are chained too deeply>');
  });

  test('a CRLF template with a BOM has the same resources and lines', () => {
    const text = '\uFEFF' + fixtures[1].replace(/\n/g, '\r\n');
    const r = parseIn({ 'n.json': text }, 'n.json');
    expect(r.diagnostics).toEqual([]);
    expect(r.resources.map((x) => at(x.loc))).toEqual(['13:5-53:6', '36:9-51:10', '54:5-70:6']);
  });
});
