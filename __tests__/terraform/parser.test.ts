import { LineIndex } from '../../src/model/location.js';
import type { Attribute, Block, Expr } from '../../src/formats/terraform/ast.js';
import { parseHcl } from '../../src/formats/terraform/index.js';

function at(text: string, offset: number): string {
  const p = new LineIndex(text).position(offset);
  return `${p.line}:${p.column}`;
}

function firstBlock(text: string): Block {
  const { ast, diagnostics } = parseHcl(text, 'main.tf');
  expect(diagnostics).toEqual([]);
  return ast.items[0] as Block;
}

function attr(block: Block, name: string): Attribute {
  const a = block.body.items.find((i): i is Attribute => i.kind === 'attribute' && i.name === name);
  if (!a) throw new Error(`no attribute ${name}`);
  return a;
}

function exprOf(source: string): Expr {
  const text = `x = ${source}\n`;
  const { ast, diagnostics } = parseHcl(text, 'main.tf');
  expect(diagnostics).toEqual([]);
  return (ast.items[0] as Attribute).expr;
}

describe('HCL parser: structure and positions', () => {
  const text = [
    '# leading comment',
    'resource "azurerm_key_vault" "kv" {',
    '  name = "kv-main" // trailing',
    '  /* block',
    '     comment */',
    '  network_acls {',
    '    default_action = "Deny"',
    '  }',
    '}',
    '',
  ].join('\n');

  it('reads blocks, labels and attributes with 1-based positions', () => {
    const b = firstBlock(text);
    expect(b.type).toBe('resource');
    expect(b.labels.map((l) => l.value)).toEqual(['azurerm_key_vault', 'kv']);
    expect(at(text, b.start)).toBe('2:1');
    expect(at(text, b.end)).toBe('9:2');
    expect(at(text, b.labels[1].start)).toBe('2:30');
    const name = attr(b, 'name');
    expect(at(text, name.nameSpan.start)).toBe('3:3');
    expect(at(text, name.expr.start)).toBe('3:10');
    expect(at(text, name.expr.end)).toBe('3:19');
    const nested = b.body.items.find((i): i is Block => i.kind === 'block')!;
    expect(nested.type).toBe('network_acls');
    expect(at(text, attr(nested, 'default_action').expr.start)).toBe('7:22');
  });

  it('returns every comment style with its location', () => {
    const { comments } = parseHcl(text, 'main.tf');
    expect(comments.map((c) => [c.text, c.loc.line, c.loc.column])).toEqual([
      ['# leading comment', 1, 1],
      ['// trailing', 3, 20],
      ['/* block\n     comment */', 4, 3],
    ]);
    expect(comments[2].loc.endLine).toBe(5);
  });

  it('applies HCL operator precedence', () => {
    const e = exprOf('a || b && c == 1 + 2 * 3');
    expect(e.type).toBe('binary');
    if (e.type !== 'binary') return;
    expect(e.op).toBe('||');
    expect(e.right.type === 'binary' && e.right.op).toBe('&&');
    const eq = e.right.type === 'binary' ? e.right.right : e;
    expect(eq.type === 'binary' && eq.op).toBe('==');
    const sum = eq.type === 'binary' ? eq.right : eq;
    expect(sum.type === 'binary' && sum.op).toBe('+');
    expect(sum.type === 'binary' && sum.right.type === 'binary' && sum.right.op).toBe('*');
  });

  it('parses conditionals, unary operators and parentheses', () => {
    const e = exprOf('!var.x ? -1 : (2)');
    expect(e.type).toBe('conditional');
    if (e.type !== 'conditional') return;
    expect(e.cond.type).toBe('unary');
    expect(e.then.type).toBe('unary');
    expect(e.else.type).toBe('paren');
  });

  it('parses attribute access, index, legacy index and both splats', () => {
    expect(exprOf('a.b["k"].c').type).toBe('getattr');
    const legacy = exprOf('a.0.b');
    expect(legacy.type === 'getattr' && legacy.object.type).toBe('index');
    const full = exprOf('azurerm_subnet.s[*].id');
    expect(full.type).toBe('splat');
    if (full.type === 'splat') expect(full.each.type === 'getattr' && full.each.name).toBe('id');
    const attrSplat = exprOf('azurerm_subnet.s.*.id');
    expect(attrSplat.type).toBe('splat');
  });

  it('parses function calls, expansion and provider functions', () => {
    const call = exprOf('merge(local.a, {\n  b = 1\n}, local.rest...)');
    expect(call.type === 'call' && call.name).toBe('merge');
    expect(call.type === 'call' && call.args.length).toBe(3);
    expect(call.type === 'call' && call.expandFinal).toBe(true);
    const prov = exprOf('provider::azurerm::normalise_resource_id("/x")');
    expect(prov.type === 'call' && prov.name).toBe('provider::azurerm::normalise_resource_id');
  });

  it('parses list and object for expressions with filters and grouping', () => {
    const list = exprOf('[for i, s in var.subnets : upper(s) if s != ""]');
    expect(list.type === 'for' && [list.keyVar, list.valueVar, list.object, !!list.cond]).toEqual(['i', 's', false, true]);
    const obj = exprOf('{for k, v in var.m : v => k...}');
    expect(obj.type === 'for' && [obj.object, obj.group]).toEqual([true, true]);
  });

  it('parses objects with = and : and commas or newlines between items', () => {
    const o = exprOf('{\n  a = 1, "b" = 2\n  c: 3\n  (local.k) = 4\n}');
    expect(o.type === 'object' && o.items.length).toBe(4);
    if (o.type !== 'object') return;
    expect(o.items[0].key).toMatchObject({ type: 'literal', value: 'a' });
    expect(o.items[3].key.type).toBe('paren');
  });

  it('parses string templates with interpolation, directives, escapes and strip markers', () => {
    const t = exprOf('"a\\n$${lit} ${var.x} %{ if var.on }on%{ else }off%{ endif }${~ "z" ~} !"');
    expect(t.type).toBe('template');
    if (t.type !== 'template') return;
    expect(t.parts.map((p) => p.kind)).toEqual(['literal', 'interp', 'literal', 'if', 'interp', 'literal']);
    expect(t.parts[0]).toMatchObject({ value: 'a\n${lit} ' });
    // `${~` trims the space before, `~}` the space after.
    expect(t.parts[2]).toMatchObject({ value: ' ' });
    expect(t.parts[5]).toMatchObject({ value: '!' });
    const loop = exprOf('"%{ for k, v in var.m }${k}=${v};%{ endfor }"');
    expect(loop.type === 'template' && loop.parts[0].kind).toBe('for');
  });

  it('parses heredocs, stripping common indentation for <<-', () => {
    const text = 'x = <<EOF\n  keep ${var.a}\nEOF\ny = <<-EOT\n    one\n      two\n    EOT\nz = 1\n';
    const { ast, diagnostics } = parseHcl(text, 'main.tf');
    expect(diagnostics).toEqual([]);
    const [x, y, z] = ast.items as Attribute[];
    expect(x.expr.type === 'template' && x.expr.parts.map((p) => (p.kind === 'literal' ? p.value : '#'))).toEqual(['  keep ', '#', '\n']);
    expect(y.expr.type === 'template' && y.expr.parts.map((p) => (p.kind === 'literal' ? p.value : '#'))).toEqual(['one\n  two\n']);
    expect(z.name).toBe('z');
    expect(at(text, z.start)).toBe('8:1');
  });

  it('reads single-line blocks and empty blocks', () => {
    const { ast, diagnostics } = parseHcl('a { b = 1 }\nc "x" {}\n', 'main.tf');
    expect(diagnostics).toEqual([]);
    expect(ast.items.map((i) => (i.kind === 'block' ? i.type : i.name))).toEqual(['a', 'c']);
  });

  it('allows newlines inside brackets and parentheses', () => {
    const e = exprOf('[\n  1,\n  2,\n]');
    expect(e.type === 'tuple' && e.items.length).toBe(2);
    const c = exprOf('concat(\n  [1],\n  [2]\n)');
    expect(c.type === 'call' && c.args.length).toBe(2);
  });
});
