import { parseHcl } from '../../src/formats/terraform/index.js';
import { bySymbol, parseOne, pos } from './helpers.js';

const SAMPLE = `# sample
variable "env" { default = "prod" }
locals {
  tags = { env = var.env, "owner" = "team-a" }
  names = [for s in ["a", "b"] : "\${s}-\${var.env}"]
}
resource "azurerm_storage_account" "sa" {
  name                          = "st\${var.env}"
  public_network_access_enabled = var.env == "prod" ? false : true
  network_rules {
    default_action = "Deny"
    ip_rules       = ["10.0.0.0/8"]
  }
  tags = merge(local.tags, { extra = "1" })
  policy = <<-EOT
    {"a": \${jsonencode(local.names)}}
    EOT
}
dynamic_test "x" {
  dynamic "rule" {
    for_each = local.names
    content { name = rule.value }
  }
}
`;

function deterministicRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('robustness: never throws, never hangs', () => {
  it('parses the sample cleanly', () => {
    const parsed = parseOne(SAMPLE);
    expect(parsed.diagnostics).toEqual([]);
    expect(bySymbol(parsed, 'azurerm_storage_account.sa').type).toBe('Microsoft.Storage/storageAccounts');
  });

  it('survives every truncation of the sample', () => {
    for (let n = 0; n <= SAMPLE.length; n++) {
      const parsed = parseOne(SAMPLE.slice(0, n));
      expect(parsed.diagnostics.filter((d) => d.code === 'HCL-INTERNAL')).toEqual([]);
    }
  });

  it('survives random byte flips', () => {
    const rnd = deterministicRandom(42);
    const alphabet = '{}[]()"$%~<>=#/*\\\n\r\t .,:?!-+abc0\u0000\u00e9';
    for (let round = 0; round < 500; round++) {
      const chars = [...SAMPLE];
      for (let k = 0; k < 3; k++) chars[Math.floor(rnd() * chars.length)] = alphabet[Math.floor(rnd() * alphabet.length)];
      const parsed = parseOne(chars.join(''));
      expect(parsed.diagnostics.filter((d) => d.code === 'HCL-INTERNAL')).toEqual([]);
    }
  });

  it('bounds 100,000-deep nesting with a diagnostic', () => {
    for (const [open, close] of [
      ['[', ']'],
      ['(', ')'],
      ['{', '}'],
      ['!', ''],
    ]) {
      const text = `x = ${open.repeat(100_000)}1${close.repeat(100_000)}\ny = 2\n`;
      const { ast, diagnostics } = parseHcl(text, 'deep.tf');
      expect(diagnostics[0].message).toMatch(/^Nesting is deeper than 128 levels/);
      expect(ast.items.some((i) => i.kind === 'attribute' && i.name === 'y')).toBe(true);
    }
    const blocks = 'a {\n'.repeat(100_000) + '}\n'.repeat(100_000);
    expect(parseHcl(blocks, 'deep.tf').diagnostics[0].message).toMatch(/^Nesting is deeper/);
    const templates = 'x = ' + '"${'.repeat(50_000) + '1' + '}"'.repeat(50_000) + '\n';
    expect(parseHcl(templates, 'deep.tf').diagnostics.length).toBeGreaterThan(0);
  });

  it('handles a 10 MB line', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const t0 = Date.now();
    const parsed = parseOne(`resource "azurerm_key_vault" "kv" {\n  name = "${big}"\n}\n`);
    expect(Date.now() - t0).toBeLessThan(10_000);
    const name = bySymbol(parsed, 'azurerm_key_vault.kv').name;
    expect(name.kind === 'string' && (name.value as string).length).toBe(big.length);
    expect(parseHcl(`x = ${'1+'.repeat(1000)}1 ${'#'.repeat(1_000_000)}\n`, 'x.tf').diagnostics).toEqual([]);
  });

  it('reports a NUL character and continues', () => {
    const parsed = parseOne('a = 1\n\u0000\nresource "azurerm_key_vault" "kv" {\n  name = "x"\n}\n');
    expect(parsed.diagnostics.map((d) => [d.message, d.location.line])).toEqual([['Expected an attribute or block name, found a NUL character', 2]]);
    expect(parsed.resources).toHaveLength(1);
  });

  it('ignores a byte-order mark (columns as editors show them)', () => {
    const parsed = parseOne('\uFEFFresource "azurerm_key_vault" "kv" {\n  name = "x"\n}\n');
    const r = bySymbol(parsed, 'azurerm_key_vault.kv');
    expect(pos(r.loc)).toBe('1:1');
    expect(pos(r.name.loc)).toBe('2:10');
  });

  it('reads CRLF line endings with the same positions', () => {
    const parsed = parseOne('resource "azurerm_key_vault" "kv" {\r\n  name = "x"\r\n  x = <<EOT\r\nhello\r\nEOT\r\n}\r\n');
    expect(parsed.diagnostics).toEqual([]);
    const r = bySymbol(parsed, 'azurerm_key_vault.kv');
    expect(pos(r.name.loc)).toBe('2:10');
    expect(r.loc.endLine).toBe(6);
  });

  it('handles empty and whitespace-only files', () => {
    expect(parseOne('').resources).toEqual([]);
    expect(parseOne('\n\n   \n').diagnostics).toEqual([]);
  });
});
