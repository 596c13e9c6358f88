/** Terraform JSON syntax (.tf.json, .tfvars.json): the same resources, mapping and locations as native HCL. */
import { loadRules } from '../../src/engine/load-rules.js';
import { ruleFiles } from '../../src/engine/rule-files.js';
import { terraformFrontEnd } from '../../src/formats/terraform/index.js';
import { scan } from '../../src/pipeline.js';
import { bySymbol, parseIn, parseOne, plainAt, pos, valueAt, workspace } from './helpers.js';

const VAULT = `{
  "variable": { "public": { "default": true } },
  "locals": { "suffix": "orders" },
  "resource": {
    "azurerm_key_vault": {
      "kv": {
        "//": "written by a generator",
        "name": "kv-\${local.suffix}",
        "tenant_id": "tenant-1",
        "public_network_access_enabled": "\${var.public}",
        "soft_delete_retention_days": 7,
        "access_policy": [
          { "tenant_id": "tenant-1", "object_id": "object-1", "secret_permissions": ["Get", "Set"] }
        ],
        "network_acls": { "default_action": "Allow", "ip_rules": ["52.1.2.3"] },
        "lifecycle": { "ignore_changes": ["tags"] }
      }
    },
    "azurerm_key_vault_access_policy": {
      "reader": {
        "key_vault_id": "\${azurerm_key_vault.kv.id}",
        "tenant_id": "tenant-1",
        "object_id": "object-2",
        "secret_permissions": ["Get"]
      }
    }
  }
}
`;

describe('Terraform JSON syntax', () => {
  it('is accepted by the front end, with its variable files', () => {
    expect(['main.tf.json', 'prod.tfvars.json', 'template.json', 'main.tf'].map((p) => terraformFrontEnd.accepts(p, '{}'))).toEqual([true, true, false, true]);
  });

  const parsed = parseOne(VAULT, 'main.tf.json');
  const kv = bySymbol(parsed, 'azurerm_key_vault.kv');

  it('maps resources as native HCL does, with locations in the JSON text', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect([kv.type, kv.key, kv.sourceType, kv.file]).toEqual(['Microsoft.KeyVault/vaults', 'main.tf.json#azurerm_key_vault.kv', 'azurerm_key_vault', 'main.tf.json']);
    expect([pos(kv.loc), kv.loc.endLine]).toEqual(['6:7', 17]);
    expect(kv.name).toMatchObject({ kind: 'string', value: 'kv-orders' });
    expect(plainAt(kv, 'properties.tenantId')).toBe('tenant-1');
    expect(pos(valueAt(kv, 'properties.tenantId').loc)).toBe('9:22');
    expect(plainAt(kv, 'properties.softDeleteRetentionInDays')).toBe(7);
    expect(kv.sourceNames?.['properties.softDeleteRetentionInDays']).toBe('soft_delete_retention_days');
  });

  it('reads "${...}" strings as expressions, keeping their type', () => {
    const v = valueAt(kv, 'properties.publicNetworkAccess');
    expect(v).toMatchObject({ kind: 'string', value: 'Enabled' });
    expect(pos(v.loc)).toBe('10:45');
    expect(v.origin?.via).toBe('var.public');
  });

  it('reads nested blocks written as objects and arrays of objects', () => {
    expect(plainAt(kv, 'properties.accessPolicies')).toEqual([{ tenantId: 'tenant-1', objectId: 'object-1', permissions: { secrets: ['get', 'set'] } }]);
    expect(pos(valueAt(kv, 'properties.accessPolicies.0').loc)).toBe('13:11');
    expect(plainAt(kv, 'properties.networkAcls')).toEqual({ defaultAction: 'Allow', ipRules: [{ value: '52.1.2.3' }] });
    expect(pos(valueAt(kv, 'properties.networkAcls.defaultAction').loc)).toBe('15:45');
  });

  it('skips "//" comments and meta-blocks', () => {
    expect(plainAt(kv, 'properties.//')).toBeUndefined();
    expect(plainAt(kv, '//')).toBeUndefined();
    expect(plainAt(kv, 'properties.lifecycle')).toBeUndefined();
  });

  it('resolves references between resources', () => {
    const policy = bySymbol(parsed, 'azurerm_key_vault_access_policy.reader');
    expect(policy.parent).toEqual({ symbol: 'azurerm_key_vault.kv', file: 'main.tf.json' });
    expect(pos(valueAt(policy, 'properties.accessPolicies').loc)).toBe('20:7');
  });

  it('gives rule findings JSON lines', () => {
    const rules = loadRules(ruleFiles()).filter((r) => r.meta.id === 'AZSEC-KV-002');
    const files = { 'main.tf.json': VAULT };
    const result = scan({ files: [{ path: 'main.tf.json', text: VAULT }], context: workspace(files), frontEnds: [terraformFrontEnd], rules });
    expect(result.findings.map((f) => [f.ruleId, f.location.line, f.location.column])).toEqual([
      // Inline policies land on the first policy, as for native blocks; the policy resource on its own line.
      ['AZSEC-KV-002', 13, 11],
      ['AZSEC-KV-002', 20, 7],
    ]);
  });

  it('expands dynamic blocks and honours count', () => {
    const r = parseOne(
      `{
  "variable": { "ids": { "default": ["a", "b"] } },
  "resource": { "azurerm_key_vault": { "kv": {
    "count": "\${length(var.ids) > 0 ? 1 : 0}",
    "dynamic": { "access_policy": { "for_each": "\${var.ids}", "content": { "object_id": "\${access_policy.value}" } } }
  } } }
}
`,
      'main.tf.json',
    );
    expect(r.diagnostics).toEqual([]);
    const kv2 = bySymbol(r, 'azurerm_key_vault.kv');
    expect(kv2.conditional).toBe(true);
    expect(plainAt(kv2, 'properties.accessPolicies')).toEqual([{ objectId: 'a' }, { objectId: 'b' }]);
  });

  it('reads several blocks given as an array, and mixes with .tf files of the folder', () => {
    const files = {
      'infra/network.tf.json': '{ "resource": { "azurerm_subnet": { "app": [ { "name": "snet-app", "virtual_network_name": "${var.vnet}" } ] } } }\n',
      'infra/variables.tf': 'variable "vnet" {\n  default = "vnet-hub"\n}\n',
      'infra/terraform.tfvars.json': '{ "vnet": "vnet-spoke" }\n',
    };
    const r = parseIn(files, 'infra/network.tf.json');
    expect(r.diagnostics).toEqual([]);
    const subnet = bySymbol(r, 'azurerm_subnet.app');
    expect(subnet.type).toBe('Microsoft.Network/virtualNetworks/subnets');
    expect(subnet.parent).toEqual({ name: 'vnet-spoke', type: 'Microsoft.Network/virtualNetworks' });
    expect(subnet.name).toMatchObject({ kind: 'string', value: 'vnet-spoke/snet-app' });
    expect(pos(valueAt(subnet, 'name').loc)).toBe('1:56');
  });
});

describe('Terraform JSON syntax errors', () => {
  it('reports invalid JSON with its position and keeps what it could read', () => {
    const r = parseOne('{ "resource": { "azurerm_key_vault": { "kv": { "name": "kv-a" } } },\n  "oops" }\n', 'main.tf.json');
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.message, pos(d.location)])).toEqual([['HCL-SYNTAX', 'error', 'Invalid JSON: colon expected', '2:10']]);
    expect(plainAt(bySymbol(r, 'azurerm_key_vault.kv'), 'name')).toBe('kv-a');
  });

  it('reports a bad interpolation inside a string', () => {
    const r = parseOne('{ "resource": { "azurerm_key_vault": { "kv": { "name": "${var.}" } } } }\n', 'main.tf.json');
    expect(r.diagnostics).toHaveLength(1);
    expect([r.diagnostics[0].code, pos(r.diagnostics[0].location)]).toEqual(['HCL-SYNTAX', '1:63']);
    expect(plainAt(bySymbol(r, 'azurerm_key_vault.kv'), 'name')).toBe('${var.}');
  });

  it('reports a top level that is not an object', () => {
    const r = parseOne('[1, 2]\n', 'main.tf.json');
    expect(r.diagnostics.map((d) => d.message)).toEqual(['A Terraform JSON file must hold one object at the top level']);
    expect(r.resources).toEqual([]);
  });

  it('stops at 100,000-deep nesting with a diagnostic, without overflowing the stack', () => {
    const deep = '{ "locals": { "x": ' + '['.repeat(100_000) + ']'.repeat(100_000) + ' } }';
    const r = parseOne(deep, 'main.tf.json');
    expect(r.diagnostics.map((d) => [d.message, pos(d.location)])).toEqual([['This JSON is nested more than 128 levels deep; the file is not read', '1:146']]);
  });
});
