import { bySymbol, parseIn, plainAt, pos, valueAt } from './helpers.js';

const files: Record<string, string> = {
  'env/prod/main.tf': `module "vault" {
  source      = "../../modules/vault"
  vault_name  = "kv-prod"
  enable_rbac = var.rbac
}
module "remote" {
  source    = "Azure/avm-res-keyvault-vault/azurerm"
  version   = "0.9.1"
  name      = "kv-remote"
  count     = 1
}
module "git" {
  source = "git::https://example.com/modules.git//kv?ref=v1"
}
module "missing" {
  source = "./nope"
}
module "outside" {
  source = "../../../../elsewhere"
}
`,
  'env/prod/variables.tf': 'variable "rbac" {\n  default = false\n}\n',
  'modules/vault/variables.tf': 'variable "vault_name" {}\nvariable "enable_rbac" {\n  default = true\n}\nvariable "purge" {\n  default = true\n}\n',
  'modules/vault/main.tf': `resource "azurerm_key_vault" "this" {
  name                      = var.vault_name
  enable_rbac_authorization = var.enable_rbac
  purge_protection_enabled  = var.purge
}
module "diag" {
  source = "./diag"
  target = azurerm_key_vault.this.id
}
`,
  'modules/vault/diag/main.tf': `variable "target" {}
resource "azurerm_monitor_diagnostic_setting" "this" {
  name               = "diag"
  target_resource_id = var.target
}
`,
};

describe('modules', () => {
  const parsed = parseIn(files, 'env/prod/main.tf');

  it('emits the resources of a local module with module keys and via', () => {
    const kv = bySymbol(parsed, 'azurerm_key_vault.this');
    expect(kv.key).toBe('modules/vault/main.tf#azurerm_key_vault.this@env/prod/main.tf#module.vault');
    expect(kv.file).toBe('modules/vault/main.tf');
    expect(kv.via?.map((l) => [l.file, l.line, l.column, l.endLine])).toEqual([['env/prod/main.tf', 1, 1, 5]]);
  });

  it('passes module arguments into variables with the origin at the caller argument', () => {
    const kv = bySymbol(parsed, 'azurerm_key_vault.this');
    expect(kv.name).toMatchObject({ kind: 'string', value: 'kv-prod' });
    expect([kv.name.origin?.via, kv.name.origin?.location.file, pos(kv.name.origin!.location)]).toEqual(['var.vault_name', 'env/prod/main.tf', '3:17']);
    const rbac = valueAt(kv, 'properties.enableRbacAuthorization');
    expect(rbac).toMatchObject({ kind: 'boolean', value: false });
    expect([rbac.loc.file, pos(rbac.loc)]).toEqual(['modules/vault/main.tf', '3:31']);
    expect([rbac.origin?.location.file, pos(rbac.origin!.location)]).toEqual(['env/prod/main.tf', '4:17']);
    // Not passed: the module's own default applies.
    expect(valueAt(kv, 'properties.enablePurgeProtection').origin?.location.file).toBe('modules/vault/variables.tf');
  });

  it('follows nested local modules, chaining caller keys and via', () => {
    const d = bySymbol(parsed, 'azurerm_monitor_diagnostic_setting.this');
    expect(d.key).toBe(
      'modules/vault/diag/main.tf#azurerm_monitor_diagnostic_setting.this@modules/vault/main.tf#module.diag@env/prod/main.tf#module.vault',
    );
    expect(d.via?.map((l) => `${l.file}:${l.line}`)).toEqual(['env/prod/main.tf:1', 'modules/vault/main.tf:6']);
    expect(d.scope).toEqual({ symbol: 'azurerm_key_vault.this', file: 'modules/vault/main.tf' });
  });

  it('records registry and git modules as external without a diagnostic', () => {
    const ext = parsed.resources.filter((r) => r.type === 'Terraform/modules');
    expect(ext.map((r) => [r.symbol, plainAt(r, 'properties.source'), r.existing])).toEqual([
      ['module.remote', 'Azure/avm-res-keyvault-vault/azurerm', true],
      ['module.git', 'git::https://example.com/modules.git//kv?ref=v1', true],
    ]);
    expect(plainAt(ext[0], 'properties.version')).toBe('0.9.1');
    // What the module is handed stays readable for rules; Terraform's own meta-arguments do not.
    expect(plainAt(ext[0], 'properties.name')).toBe('kv-remote');
    expect(plainAt(ext[0], 'properties.count')).toBeUndefined();
  });

  it('warns about a local module folder without .tf files and ignores paths outside the repository', () => {
    expect(parsed.diagnostics.map((d) => [d.code, d.severity, d.message, d.location.line])).toEqual([
      ['TF-MODULE-NOT-FOUND', 'warning', 'Module "missing": no .tf files found in env/prod/nope (source "./nope"); its resources are not checked', 16],
    ]);
  });

  it('keeps a .tfvars entry (plain or JSON) as the origin through module calls', () => {
    for (const [vars, text, at] of [
      ['terraform.tfvars', 'rbac = false\n', '1:8'],
      ['terraform.tfvars.json', '{ "rbac": false }\n', '1:11'],
    ]) {
      const f = {
        'main.tf': 'variable "rbac" {\n  default = true\n}\nmodule "m" {\n  source = "./m"\n  rbac   = var.rbac\n}\n',
        [vars]: text,
        'm/main.tf': 'variable "rbac" {}\nresource "azurerm_key_vault" "kv" {\n  enable_rbac_authorization = var.rbac\n}\n',
      };
      const rbac = valueAt(bySymbol(parseIn(f, 'main.tf'), 'azurerm_key_vault.kv'), 'properties.enableRbacAuthorization');
      expect(rbac).toMatchObject({ kind: 'boolean', value: false });
      expect([rbac.loc.file, pos(rbac.loc)]).toEqual(['m/main.tf', '3:31']);
      expect([rbac.origin?.via, rbac.origin?.location.file, pos(rbac.origin!.location)]).toEqual(['var.rbac', vars, at]);
    }
  });

  it('marks resources of a counted module as conditional', () => {
    const f = {
      'main.tf': 'module "m" {\n  source = "./m"\n  count = var.on ? 1 : 0\n}\nvariable "on" { default = true }\n',
      'm/main.tf': 'resource "azurerm_key_vault" "kv" {\n  name = "x"\n}\n',
    };
    const kv = bySymbol(parseIn(f, 'main.tf'), 'azurerm_key_vault.kv');
    expect([kv.conditional, kv.loop]).toEqual([true, undefined]);
  });

  it('stops at a module that calls itself', () => {
    const f = { 'main.tf': 'module "me" {\n  source = "./"\n}\nresource "azurerm_key_vault" "kv" {\n  name = "x"\n}\n' };
    expect(parseIn(f, 'main.tf').resources.map((r) => r.symbol)).toEqual(['azurerm_key_vault.kv']);
  });
});
