import { parseHcl } from '../../src/formats/terraform/index.js';
import { parseOne, bySymbol } from './helpers.js';

describe('HCL syntax errors: diagnostics and recovery', () => {
  it('reports a missing value with its location and keeps the next block', () => {
    const text = ['resource "azurerm_key_vault" "broken" {', '  name = ', '}', 'resource "azurerm_key_vault" "ok" {', '  name = "kv-ok"', '}', ''].join('\n');
    const parsed = parseOne(text);
    expect(parsed.diagnostics).toHaveLength(1);
    const d = parsed.diagnostics[0];
    expect(d.code).toBe('HCL-SYNTAX');
    expect(d.severity).toBe('error');
    expect(d.message).toBe('Expected an expression, found a newline');
    expect([d.location.file, d.location.line, d.location.column]).toEqual(['main.tf', 2, 10]);
    expect(parsed.resources.map((r) => r.symbol)).toEqual(['azurerm_key_vault.ok']);
    expect(bySymbol(parsed, 'azurerm_key_vault.ok').name).toMatchObject({ kind: 'string', value: 'kv-ok' });
  });

  it('reports an unclosed block at its opening brace', () => {
    const { diagnostics } = parseHcl('locals {\n  a = 1\n', 'x.tf');
    expect(diagnostics.map((d) => [d.message, d.location.line, d.location.column])).toEqual([
      ["The 'locals' block opened here is never closed: expected '}'", 1, 8],
    ]);
  });

  it('reports an unterminated string and recovers at the next top-level block', () => {
    const { ast, diagnostics } = parseHcl('a = "open\nb = 2\nc {\n}\n', 'x.tf');
    expect(diagnostics[0]).toMatchObject({ code: 'HCL-SYNTAX', message: 'Unterminated string: a quoted string cannot span lines (use a heredoc)' });
    expect(diagnostics[0].location.line).toBe(1);
    expect(ast.items.map((i) => (i.kind === 'block' ? i.type : i.name))).toEqual(['a', 'b', 'c']);
  });

  it('reports an unclosed heredoc', () => {
    const { diagnostics } = parseHcl('x = <<EOT\nno end here\n', 'x.tf');
    expect(diagnostics.some((d) => d.message === 'Heredoc <<EOT is never closed: expected a line containing only EOT' && d.location.line === 1)).toBe(true);
  });

  it('names a stray character', () => {
    const { diagnostics } = parseHcl('a = 1 @\nb = 2\n', 'x.tf');
    expect(diagnostics.map((d) => [d.message, d.location.line, d.location.column])).toEqual([["Expected a newline after the value of 'a', found the character '@'", 1, 7]]);
  });

  it('reports a missing = or { after a name', () => {
    const { diagnostics } = parseHcl('resource "a" "b" = 1\n', 'x.tf');
    expect(diagnostics[0].message).toBe("Expected '{' to open the 'resource' block, found '='");
  });

  it('reports a template directive that is not closed', () => {
    const { diagnostics } = parseHcl('x = "%{ if true }yes"\n', 'x.tf');
    expect(diagnostics[0].message).toBe('Expected %{ else or endif } before the end of the template');
  });
});
