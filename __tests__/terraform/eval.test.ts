import { toPlain } from '../../src/model/value.js';
import { bySymbol, parseIn, parseOne, plainAt, pos, valueAt } from './helpers.js';

/** Evaluate `expr` as the name of a key vault in a one-file workspace (plus extra files). */
function evalName(expr: string, extra: Record<string, string> = {}, prelude = '') {
  const files = { 'main.tf': `${prelude}\nresource "azurerm_key_vault" "kv" {\n  name = ${expr}\n}\n`, ...extra };
  const parsed = parseIn(files, 'main.tf');
  expect(parsed.diagnostics).toEqual([]);
  return bySymbol(parsed, 'azurerm_key_vault.kv').name;
}

function plain(expr: string, prelude = ''): unknown {
  return toPlain(evalName(expr, {}, prelude));
}

describe('evaluation: literals, operators, templates, functions', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 % 4 - 1', 1],
    ['-3 + 1', -2],
    ['5 > 3 && 2 >= 2', true],
    ['!true || 1 == 1', true],
    ['"a" != "b"', true],
    ['[1, 2] == [1, 2]', true],
    ['true ? "yes" : "no"', 'yes'],
    ['"x-${1 + 1}-${true}"', 'x-2-true'],
    ['"%{ if 1 > 0 }on%{ else }off%{ endif }"', 'on'],
    ['"%{ for k, v in { b = 2, a = 1 } }${k}=${v};%{ endfor }"', 'a=1;b=2;'],
    ['[for s in ["a", "b", ""] : upper(s) if s != ""]', ['A', 'B']],
    ['{for s in ["a", "b"] : s => length(s)}', { a: 1, b: 1 }],
    ['{for p in ["x", "y", "x"] : p => p...}', { x: ['x', 'x'], y: ['y'] }],
    ['[{ id = 1 }, { id = 2 }][*].id', [1, 2]],
    ['"a ${~ "b" ~} c %{~ if true ~} d %{~ endif ~} e"', 'abcde'],
  ])('%s', (expr, expected) => {
    expect(plain(expr)).toEqual(expected);
  });

  it.each([
    ['lower("ABC")', 'abc'],
    ['upper("abc")', 'ABC'],
    ['format("%s-%03d-%.1f %q %%", "a", 7, 1.25, "q")', 'a-7-1.3 "q" %'],
    ['join("-", ["a", "b"], ["c"])', 'a-b-c'],
    ['concat([1], [2, 3])', [1, 2, 3]],
    ['merge({ a = 1, b = 1 }, { b = 2 })', { a: 1, b: 2 }],
    ['lookup({ a = "x" }, "a", "d")', 'x'],
    ['lookup({ a = "x" }, "z", "d")', 'd'],
    ['length([1, 2, 3])', 3],
    ['length("héllo")', 5],
    ['tostring(5)', '5'],
    ['tonumber("42")', 42],
    ['tobool("true")', true],
    ['contains(["a", "b"], "b")', true],
    ['coalesce("", null, "first")', 'first'],
    ['jsonencode({ a = [1, true] })', '{"a":[1,true]}'],
    ['jsondecode("{\\"k\\": 1}")', { k: 1 }],
  ])('%s', (expr, expected) => {
    expect(plain(expr)).toEqual(expected);
  });

  it('leaves the format of a number with %d whole', () => {
    expect(plain('format("%d", 3.9)')).toBe('3');
  });
});

describe('evaluation: unknown values carry a reason', () => {
  it.each([
    ['azurerm_resource_group.rg.name', 'azurerm_resource_group.rg.name is known only after apply'],
    ['data.azurerm_client_config.current.tenant_id', 'data source data.azurerm_client_config.current.tenant_id is read at plan time'],
    ['count.index', 'count.index (one value per instance)'],
    ['each.value', 'each.value (for_each is not expanded)'],
    ['var.missing', 'variable "missing" is not declared'],
    ['local.nope', 'local value "nope" is not declared'],
    ['module.net.subnet_id', 'output "subnet_id" of module "net"'],
    ['"kv-${azurerm_resource_group.rg.location}"', 'azurerm_resource_group.rg.location is known only after apply'],
    ['timestamp()', 'function timestamp() is not evaluated statically'],
    ['upper(data.x.y.z)', 'data source data.x.y.z is read at plan time'],
  ])('%s', (expr, reason) => {
    const v = evalName(expr);
    expect(v).toMatchObject({ kind: 'unknown', reason });
  });

  it('records the referenced resource on unknown attribute values', () => {
    const v = evalName('azurerm_key_vault.other.id');
    // The ARM type comes from the mapping table, so a rule knows what is referenced even when it is declared elsewhere.
    expect(v.kind === 'unknown' && v.ref).toEqual({ symbol: 'azurerm_key_vault.other', type: 'Microsoft.KeyVault/vaults', property: 'id', file: 'main.tf' });
    const indexed = evalName('azurerm_key_vault.many[0].name');
    expect(indexed.kind === 'unknown' && indexed.ref).toEqual({ symbol: 'azurerm_key_vault.many', type: 'Microsoft.KeyVault/vaults', property: 'name', file: 'main.tf' });
  });

  it('decides && and || and conditionals when the unknown side does not matter', () => {
    expect(plain('false && data.a.b.c')).toBe(false);
    expect(plain('data.a.b.c || true')).toBe(true);
    expect(plain('data.a.b.c ? "same" : "same"')).toBe('same');
    expect(evalName('data.a.b.c ? "a" : "b"')).toMatchObject({
      kind: 'unknown',
      reason: 'depends on a condition that is not known statically (data source data.a.b.c is read at plan time)',
    });
  });

  it('detects locals that refer to themselves', () => {
    expect(evalName('local.a', {}, 'locals {\n  a = local.b\n  b = local.a\n}')).toMatchObject({ kind: 'unknown', reason: 'local.a refers to itself' });
  });
});

describe('evaluation: variables, tfvars, locals and origins', () => {
  const vars = 'variable "enable_rbac" {\n  type    = bool\n  default = true\n}\nvariable "env" {\n  default = "dev"\n}\nvariable "required" {}\n';

  it('uses a variable default and records where it is written', () => {
    const files = {
      'main.tf': 'resource "azurerm_key_vault" "kv" {\n  name = "kv"\n  enable_rbac_authorization = var.enable_rbac\n}\n',
      'variables.tf': vars,
    };
    const r = bySymbol(parseIn(files, 'main.tf'), 'azurerm_key_vault.kv');
    const v = valueAt(r, 'properties.enableRbacAuthorization');
    expect(v).toMatchObject({ kind: 'boolean', value: true });
    expect(pos(v.loc)).toBe('3:31');
    expect(v.origin?.via).toBe('var.enable_rbac');
    expect([v.origin?.location.file, pos(v.origin!.location)]).toEqual(['variables.tf', '3:13']);
  });

  it('applies terraform.tfvars, then *.auto.tfvars in name order', () => {
    const files = {
      'main.tf': 'resource "azurerm_key_vault" "kv" {\n  name = var.env\n  enable_rbac_authorization = var.enable_rbac\n}\n',
      'variables.tf': vars,
      'terraform.tfvars': 'enable_rbac = false\nenv = "test"\n',
      'b.auto.tfvars': 'env = "prod"\n',
      'a.auto.tfvars': 'env = "stage"\n',
    };
    const r = bySymbol(parseIn(files, 'main.tf'), 'azurerm_key_vault.kv');
    const rbac = valueAt(r, 'properties.enableRbacAuthorization');
    expect(rbac).toMatchObject({ kind: 'boolean', value: false });
    expect([rbac.origin?.via, rbac.origin?.location.file, pos(rbac.origin!.location)]).toEqual(['var.enable_rbac', 'terraform.tfvars', '1:15']);
    expect(r.name).toMatchObject({ kind: 'string', value: 'prod' });
    expect(r.name.origin?.location.file).toBe('b.auto.tfvars');
  });

  it('uses other .tfvars files only for variables with no default and no automatic value', () => {
    const files = {
      'main.tf': 'resource "azurerm_key_vault" "kv" {\n  name = "${var.required}-${var.env}"\n}\n',
      'variables.tf': vars,
      'prod.tfvars': 'required = "from-prod"\nenv = "prod"\n',
      'dev.tfvars': 'required = "from-dev"\n',
    };
    const r = bySymbol(parseIn(files, 'main.tf'), 'azurerm_key_vault.kv');
    // dev.tfvars comes first by name; env keeps its default.
    expect(r.name).toMatchObject({ kind: 'string', value: 'from-dev-dev' });
  });

  it('leaves a variable with no default and no value unknown, with the reason', () => {
    const files = { 'main.tf': 'resource "azurerm_key_vault" "kv" {\n  name = var.required\n}\n', 'variables.tf': vars };
    expect(bySymbol(parseIn(files, 'main.tf'), 'azurerm_key_vault.kv').name).toMatchObject({
      kind: 'unknown',
      reason: 'variable "required" has no default and no value in a .tfvars file',
    });
  });

  it('evaluates locals from sibling files and keeps the variable origin through them', () => {
    const files = {
      'main.tf': 'resource "azurerm_key_vault" "kv" {\n  name = local.kv_name\n  public_network_access_enabled = local.public\n  purge_protection_enabled = local.settings.purge\n}\n',
      'locals.tf': 'locals {\n  kv_name = "kv-${var.env}"\n  public = var.env != "prod"\n  settings = { purge = true }\n}\n',
      'variables.tf': vars,
    };
    const r = bySymbol(parseIn(files, 'main.tf'), 'azurerm_key_vault.kv');
    expect(r.name).toMatchObject({ kind: 'string', value: 'kv-dev' });
    expect(r.name.origin?.via).toBe('var.env');
    const pub = valueAt(r, 'properties.publicNetworkAccess');
    expect(pub).toMatchObject({ kind: 'string', value: 'Enabled' });
    expect(pos(pub.loc)).toBe('3:35');
    const purge = valueAt(r, 'properties.enablePurgeProtection');
    expect(purge.origin?.via).toBe('local.settings');
    expect([purge.origin?.location.file, pos(purge.origin!.location)]).toEqual(['locals.tf', '4:24']);
  });

  it('only emits resources of the file being parsed', () => {
    const files = {
      'main.tf': 'resource "azurerm_key_vault" "a" {\n  name = "a"\n}\n',
      'other.tf': 'resource "azurerm_key_vault" "b" {\n  name = "b"\n}\n',
    };
    expect(parseIn(files, 'main.tf').resources.map((r) => r.symbol)).toEqual(['azurerm_key_vault.a']);
  });

  it('points references to resources declared in sibling files at that file', () => {
    const files = {
      'main.tf': 'resource "azurerm_key_vault_secret" "s" {\n  name = "s"\n  key_vault_id = azurerm_key_vault.kv.id\n}\n',
      'kv.tf': 'resource "azurerm_key_vault" "kv" {\n  name = "kv"\n}\n',
    };
    expect(bySymbol(parseIn(files, 'main.tf'), 'azurerm_key_vault_secret.s').parent).toEqual({ symbol: 'azurerm_key_vault.kv', file: 'kv.tf' });
  });

  it('reads .tfvars files as syntax only', () => {
    const parsed = parseOne('a = 1\nb = \n', 'terraform.tfvars');
    expect(parsed.resources).toEqual([]);
    expect(parsed.diagnostics.map((d) => [d.code, d.location.line])).toEqual([['HCL-SYNTAX', 2]]);
  });

  it('evaluates lists and maps with their element locations', () => {
    const r = bySymbol(parseOne('resource "azurerm_storage_account" "sa" {\n  name = "sa"\n  tags = { env = "prod" }\n}\n'), 'azurerm_storage_account.sa');
    expect(plainAt(r, 'tags')).toEqual({ env: 'prod' });
    expect(pos(valueAt(r, 'tags.env').loc)).toBe('3:18');
  });
});

describe('evaluation: equality with unknown parts', () => {
  it('does not treat lists holding different unknowns as equal', () => {
    const parsed = parseOne('resource "azurerm_key_vault" "kv" {\n  name = var.c ? [data.a.b.c] : [data.x.y.z]\n}\nvariable "c" {}\n');
    expect(bySymbol(parsed, 'azurerm_key_vault.kv').name.kind).toBe('unknown');
  });
});
