/**
 * Guide rule 1 follows values where teams put them: params and vars, .bicepparam files and modules (Bicep),
 * parameter files (ARM), variables, tfvars and local modules (Terraform). The finding sits on the property
 * and names where the value was set.
 */
import { collectFullScan } from '../../src/action/collect.js';
import { builtInRules } from '../../src/engine/load-rules.js';
import { loadPolicy } from '../../src/policy/load.js';
import { runReview } from '../../src/review.js';
import { Workspace } from '../../src/workspace/workspace.js';
import { makeWorkspace } from '../support/run-action.js';

const rules = builtInRules().filter((r) => r.meta.id === 'AZSEC-KV-001');

function kv001(files: Record<string, string>, scanned: string[]): { file: string; line: number; message: string }[] {
  const ws = new Workspace(makeWorkspace(files));
  const policy = loadPolicy(ws, new Set(['AZSEC-KV-001']));
  const r = runReview({ ws, rules, policy, collected: collectFullScan(ws, scanned) });
  return r.result.findings.map((f) => ({ file: f.location.file, line: f.location.line, message: f.message }));
}

test('Bicep: a .bicepparam value, through a var and a module param, lands on the module property', () => {
  const files = {
    'main.bicep': "param enableRbac bool = true\nvar settings = {\n  rbac: enableRbac\n}\n\nmodule vault './modules/kv.bicep' = {\n  name: 'vault'\n  params: {\n    vaultName: 'kv-from-module'\n    rbac: settings.rbac\n  }\n}\n",
    'main.bicepparam': "using './main.bicep'\n\nparam enableRbac = false\n",
    'modules/kv.bicep':
      "param vaultName string\nparam rbac bool\n\nresource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: vaultName\n  location: resourceGroup().location\n  properties: {\n    tenantId: tenant().tenantId\n    sku: { family: 'A', name: 'standard' }\n    enableRbacAuthorization: rbac\n  }\n}\n",
  };
  expect(kv001(files, ['main.bicep', 'modules/kv.bicep'])).toEqual([
    { file: 'modules/kv.bicep', line: 10, message: expect.stringMatching(/'kv-from-module' .* found false\. The value comes from param enableRbac \(main\.bicepparam:3\)\.$/) },
  ]);
  // Without the parameter file the default (true) holds, and the module alone has no value: no finding.
  const { 'main.bicepparam': _, ...noParams } = files;
  expect(kv001(noParams, ['main.bicep', 'modules/kv.bicep'])).toEqual([]);
});

test('ARM: a parameter file beside the template supplies the value', () => {
  const template = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "rbac": { "type": "bool", "defaultValue": true } },
  "resources": [
    {
      "type": "Microsoft.KeyVault/vaults",
      "apiVersion": "2023-07-01",
      "name": "kv-arm",
      "location": "westeurope",
      "properties": {
        "tenantId": "[subscription().tenantId]",
        "sku": { "family": "A", "name": "standard" },
        "enableRbacAuthorization": "[parameters('rbac')]"
      }
    }
  ]
}
`;
  const params = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "rbac": { "value": false }
  }
}
`;
  const found = kv001({ 'azuredeploy.json': template, 'azuredeploy.parameters.json': params }, ['azuredeploy.json']);
  expect(found).toEqual([{ file: 'azuredeploy.json', line: 14, message: expect.stringContaining("(azuredeploy.parameters.json:5)") }]);
});

test('Terraform: terraform.tfvars through a variable and a local module', () => {
  const files = {
    'main.tf': 'variable "rbac" {\n  type    = bool\n  default = true\n}\n\nmodule "vault" {\n  source = "./modules/kv"\n  name   = "kv-tf"\n  rbac   = var.rbac\n}\n',
    'terraform.tfvars': 'rbac = false\n',
    'modules/kv/main.tf':
      'variable "name" {}\nvariable "rbac" {}\n\nresource "azurerm_key_vault" "this" {\n  name                      = var.name\n  location                  = "westeurope"\n  resource_group_name       = "rg"\n  tenant_id                 = "00000000-0000-0000-0000-000000000000"\n  sku_name                  = "standard"\n  enable_rbac_authorization = var.rbac\n}\n',
  };
  expect(kv001(files, ['main.tf', 'modules/kv/main.tf'])).toEqual([
    { file: 'modules/kv/main.tf', line: 10, message: expect.stringMatching(/'kv-tf' must set enable_rbac_authorization to true .* found false\. The value comes from .*terraform\.tfvars:1\)\.$/) },
  ]);
});
