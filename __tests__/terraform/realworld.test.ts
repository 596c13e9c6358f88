import { bySymbol, parseIn, parseOne, plainAt, pos, valueAt } from './helpers.js';

// Patterns found when running the front end over published Azure Terraform modules; each fixture is a
// small construct of our own that exercises the same grammar or evaluation rule.

describe('optional() defaults from variable type constraints', () => {
  const variables = [
    'variable "firewall" {',
    '  type = object({',
    '    mode    = optional(string, "Deny")',
    '    allowed = optional(list(string), [])',
    '    note    = optional(string)',
    '    extra = optional(object({',
    '      level = optional(number, 2)',
    '    }), {})',
    '  })',
    '  default = {}',
    '}',
    '',
  ].join('\n');
  const main = [
    'resource "azurerm_key_vault" "kv" {',
    '  name = "kv1"',
    '  dynamic "network_acls" {',
    '    for_each = var.firewall != null ? { only = var.firewall } : {}',
    '    content {',
    '      default_action = network_acls.value.mode',
    '      ip_rules       = network_acls.value.allowed',
    '      bypass         = coalesce(network_acls.value.note, "AzureServices")',
    '    }',
    '  }',
    '  soft_delete_retention_days = var.firewall.extra.level',
    '}',
    '',
  ].join('\n');

  it('fills absent optional attributes, nested ones too, at the default written in the type', () => {
    const parsed = parseIn({ 'main.tf': main, 'variables.tf': variables }, 'main.tf');
    expect(parsed.diagnostics).toEqual([]);
    const kv = bySymbol(parsed, 'azurerm_key_vault.kv');
    expect(plainAt(kv, 'properties.networkAcls.defaultAction')).toBe('Deny');
    expect(plainAt(kv, 'properties.networkAcls.ipRules')).toEqual([]);
    expect(plainAt(kv, 'properties.networkAcls.bypass')).toBe('AzureServices');
    expect(plainAt(kv, 'properties.softDeleteRetentionInDays')).toBe(2);
    // Each value was written as an optional() default in variables.tf: a finding can point there.
    const mode = valueAt(kv, 'properties.networkAcls.defaultAction');
    expect([mode.origin?.location.file, pos(mode.origin!.location)]).toEqual(['variables.tf', '3:32']);
    const level = valueAt(kv, 'properties.softDeleteRetentionInDays');
    expect(level.origin?.via).toBe('var.firewall');
    expect([level.origin?.location.file, pos(level.origin!.location)]).toEqual(['variables.tf', '7:32']);
  });

  it('keeps a value that was given, and fills only what is missing', () => {
    const files = { 'main.tf': main, 'variables.tf': variables, 'terraform.tfvars': 'firewall = { mode = "Allow" }\n' };
    const kv = bySymbol(parseIn(files, 'main.tf'), 'azurerm_key_vault.kv');
    expect(plainAt(kv, 'properties.networkAcls.defaultAction')).toBe('Allow');
    expect(plainAt(kv, 'properties.networkAcls.ipRules')).toEqual([]);
  });

  it('applies defaults to every element of a map of objects', () => {
    const parsed = parseOne(
      [
        'variable "vaults" {',
        '  type = map(object({ purge = optional(bool, true) }))',
        '  default = { one = {}, two = { purge = false } }',
        '}',
        'resource "azurerm_key_vault" "kv" {',
        '  for_each                 = var.vaults',
        '  name                     = each.key',
        '  purge_protection_enabled = var.vaults["one"].purge',
        '}',
        'resource "azurerm_key_vault" "other" {',
        '  name                     = "b"',
        '  purge_protection_enabled = var.vaults.two.purge',
        '}',
        '',
      ].join('\n'),
    );
    expect(parsed.diagnostics).toEqual([]);
    expect(plainAt(bySymbol(parsed, 'azurerm_key_vault.kv'), 'properties.enablePurgeProtection')).toBe(true);
    expect(plainAt(bySymbol(parsed, 'azurerm_key_vault.other'), 'properties.enablePurgeProtection')).toBe(false);
  });

  it('leaves a null value null (an optional object that was not given)', () => {
    const parsed = parseOne(
      [
        'variable "lock" {',
        '  type    = object({ kind = optional(string, "ReadOnly") })',
        '  default = null',
        '}',
        'resource "azurerm_key_vault" "kv" {',
        '  name = var.lock == null ? "nolock" : "locked"',
        '}',
        '',
      ].join('\n'),
    );
    expect(bySymbol(parsed, 'azurerm_key_vault.kv').name).toMatchObject({ kind: 'string', value: 'nolock' });
  });
});

describe('try() skips arguments that are Terraform errors', () => {
  const prelude = ['variable "ingress" {', '  type    = any', '  default = null', '}', 'variable "custom" {', '  default = {}', '}', ''].join('\n');

  it.each([
    ['reading an attribute of a null variable', 'try(var.ingress.gateway, "fallback")', 'fallback'],
    ['indexing a null variable', 'try(var.ingress["gateway"], "fallback")', 'fallback'],
    ['a key absent from a known map', 'try(var.custom["rg"]["westeurope"].name, "fallback")', 'fallback'],
    ['an attribute absent from a known object', 'try(var.custom.rg, "fallback")', 'fallback'],
    ['an index past the end of a known list', 'try(["a"][3], "fallback")', 'fallback'],
    ['nothing wrong with the first argument', 'try({ rg = "first" }.rg, "fallback")', 'first'],
  ])('%s', (_what, expr, expected) => {
    const parsed = parseOne(`${prelude}resource "azurerm_key_vault" "kv" {\n  name = ${expr}\n}\n`);
    expect(parsed.diagnostics).toEqual([]);
    expect(bySymbol(parsed, 'azurerm_key_vault.kv').name).toMatchObject({ kind: 'string', value: expected });
  });

  it('an azapi type chosen by try() on a null variable resolves to the ARM type', () => {
    const parsed = parseOne(
      [
        prelude,
        'resource "azapi_resource" "cluster" {',
        '  type = try(var.ingress.preview, null) != null ? "Microsoft.ContainerService/managedClusters@2099-01-01-preview" : "Microsoft.ContainerService/managedClusters@2024-05-01"',
        '  name = "aks1"',
        '  body = { properties = { disableLocalAccounts = false } }',
        '}',
        '',
      ].join('\n'),
    );
    const r = bySymbol(parsed, 'azapi_resource.cluster');
    expect([r.type, r.apiVersion]).toEqual(['Microsoft.ContainerService/managedClusters', '2024-05-01']);
    expect(plainAt(r, 'properties.disableLocalAccounts')).toBe(false);
  });

  it('does not fall back when the object may hold the key under a name that is not known', () => {
    const parsed = parseOne(
      [
        'variable "k" {}',
        'locals {',
        '  named = { (var.k) = "from-map" }',
        '}',
        'resource "azurerm_key_vault" "kv" {',
        '  name = try(local.named.vault, "fallback")',
        '}',
        '',
      ].join('\n'),
    );
    expect(bySymbol(parsed, 'azurerm_key_vault.kv').name.kind).toBe('unknown');
  });
});

describe('Terraform 0.11 spellings still found in published examples', () => {
  it('a count written as a one-interpolation string is read as a condition, not a loop', () => {
    const parsed = parseOne(
      [
        'variable "with_vault" {',
        '  default = "true"',
        '}',
        'resource "azurerm_key_vault" "kv" {',
        '  count = "${var.with_vault ? 1 : 0}"',
        '  name  = "vault-${count.index}"',
        '}',
        '',
      ].join('\n'),
    );
    expect(parsed.diagnostics).toEqual([]);
    const kv = bySymbol(parsed, 'azurerm_key_vault.kv');
    expect([kv.conditional, kv.loop]).toEqual([true, undefined]);
  });

  it('quoted references in depends_on and splat-with-element interpolations parse without diagnostics', () => {
    const parsed = parseOne(
      [
        'resource "azurerm_network_interface" "nic" {',
        '  count = 2',
        '  name  = "nic${count.index}"',
        '  ip_configuration {',
        '    name      = "cfg"',
        '    subnet_id = "${element(azurerm_subnet.s.*.id, count.index)}"',
        '  }',
        '  depends_on = ["azurerm_subnet.s"]',
        '}',
        '',
      ].join('\n'),
    );
    expect(parsed.diagnostics).toEqual([]);
    expect(bySymbol(parsed, 'azurerm_network_interface.nic').loop).toBe(true);
  });
});
