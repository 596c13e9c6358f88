import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Attribute, BlockLabel, Body, BodyItem, Expr, Span } from './ast.js';
import { parseExpression } from './expressions.js';
import { lex } from './lexer.js';
import type { HclSyntax, SyntaxProblem } from './parser.js';
import { HclSyntaxError, MAX_DEPTH, TokenStream, describeToken } from './stream.js';

/*
 * Terraform's JSON syntax (`.tf.json`, `.tfvars.json`) read into the same syntax tree as native HCL, so that
 * evaluation, modules and the ARM mapping need not know which syntax a file used. Without provider schemas
 * a JSON object cannot say whether it is a nested block or an object-valued attribute: everything inside a
 * resource is read as attributes (the mapper reads attribute syntax for nested blocks), except the
 * meta-blocks Terraform itself defines (dynamic, lifecycle, ...). Strings are HCL templates, as Terraform
 * reads them: `"${var.x}"` is the expression `var.x`.
 */

/** How many labels each block type takes, by the block it sits in ('' for the file's top level). */
const BLOCK_LABELS: Record<string, Record<string, number>> = {
  '': { resource: 2, data: 2, variable: 1, output: 1, module: 1, provider: 1, check: 1, locals: 0, terraform: 0, moved: 0, import: 0, removed: 0 },
  resource: { dynamic: 1, lifecycle: 0, provisioner: 1, connection: 0, timeouts: 0 },
  data: { dynamic: 1, lifecycle: 0, timeouts: 0 },
  dynamic: { content: 0 },
  variable: { validation: 0 },
  output: { precondition: 0 },
  terraform: { required_providers: 0, backend: 1, cloud: 0 },
};

/** Keys Terraform treats as comments in JSON bodies. */
const COMMENT_KEY = '//';

/** Parse a Terraform JSON file (`vars`: a .tfvars.json file, whose top-level keys are variable values). Never throws. */
export function parseTerraformJson(text: string, vars = false): HclSyntax {
  const problems: SyntaxProblem[] = [];
  const empty: HclSyntax = { body: { items: [], start: 0, end: text.length }, comments: [], problems };
  const tooDeep = deepestNesting(text);
  if (tooDeep !== undefined) {
    problems.push({ message: `This JSON is nested more than ${MAX_DEPTH} levels deep; the file is not read`, start: tooDeep, end: tooDeep + 1 });
    return empty;
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) problems.push({ message: `Invalid JSON: ${describeJsonError(printParseErrorCode(e.error))}`, start: e.offset, end: e.offset + Math.max(e.length, 1) });
  if (!root) return empty;
  if (root.type !== 'object') {
    problems.push({ message: 'A Terraform JSON file must hold one object at the top level', start: root.offset, end: root.offset + 1 });
    return empty;
  }
  const reader = new Reader(text, problems);
  const body = vars ? reader.attributesOnly(root) : reader.body(root, '');
  problems.sort((a, b) => a.start - b.start);
  return { body, comments: [], problems };
}

function describeJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Offset of the first bracket nested deeper than MAX_DEPTH, if any (strings skipped). */
function deepestNesting(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}

function spanOf(n: Node): Span {
  return { start: n.offset, end: n.offset + n.length };
}

/** A property's key without its quotes. */
function keySpan(key: Node): Span {
  return { start: key.offset + 1, end: Math.max(key.offset + 1, key.offset + key.length - 1) };
}

class Reader {
  constructor(
    private readonly text: string,
    private readonly problems: SyntaxProblem[],
  ) {}

  /** A block body: known meta-block keys become blocks, other keys attributes. */
  body(obj: Node, blockType: string): Body {
    const items: BodyItem[] = [];
    const labelsOf = BLOCK_LABELS[blockType] ?? {};
    for (const prop of obj.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (!key || !value || key.value === COMMENT_KEY) continue;
      const name = String(key.value);
      const labels = labelsOf[name];
      if (labels === undefined) items.push(this.attribute(key, value));
      else this.blocks(name, key, value, labels, [], items);
    }
    return { items, start: obj.offset, end: obj.offset + obj.length };
  }

  /** A body of attributes only (.tfvars.json). */
  attributesOnly(obj: Node): Body {
    const items: BodyItem[] = [];
    for (const prop of obj.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (key && value && key.value !== COMMENT_KEY) items.push(this.attribute(key, value));
    }
    return { items, start: obj.offset, end: obj.offset + obj.length };
  }

  /**
   * Blocks of `type` under `value`: each label is one level of object keys; an array at any level holds
   * several of whatever that level holds.
   */
  private blocks(type: string, typeKey: Node, value: Node, labelsLeft: number, labels: BlockLabel[], out: BodyItem[]): void {
    if (value.type === 'array') {
      for (const item of value.children ?? []) this.blocks(type, typeKey, item, labelsLeft, labels, out);
      return;
    }
    if (value.type !== 'object') {
      this.problems.push({ message: `The '${type}' block must be written as a JSON object`, start: value.offset, end: value.offset + Math.max(value.length, 1) });
      return;
    }
    if (labelsLeft === 0) {
      const last = labels[labels.length - 1];
      const start = last ? last.start : typeKey.offset;
      out.push({ kind: 'block', type, typeSpan: keySpan(typeKey), labels, body: this.body(value, type), start, end: value.offset + value.length });
      return;
    }
    for (const prop of value.children ?? []) {
      const [key, inner] = prop.children ?? [];
      if (!key || !inner || key.value === COMMENT_KEY) continue;
      this.blocks(type, typeKey, inner, labelsLeft - 1, [...labels, { value: String(key.value), ...spanOf(key) }], out);
    }
  }

  private attribute(key: Node, value: Node): Attribute {
    return { kind: 'attribute', name: String(key.value), nameSpan: keySpan(key), expr: this.expr(value), start: key.offset, end: value.offset + value.length };
  }

  /** A JSON value as an expression: strings are templates, the rest literal constructors. */
  private expr(n: Node): Expr {
    const span = spanOf(n);
    switch (n.type) {
      case 'string':
        return this.template(n);
      case 'number':
      case 'boolean':
      case 'null':
        return { type: 'literal', value: n.value as number | boolean | null, ...span };
      case 'array':
        return { type: 'tuple', items: (n.children ?? []).map((c) => this.expr(c)), ...span };
      case 'object':
        return {
          type: 'object',
          items: (n.children ?? []).flatMap((prop) => {
            const [key, value] = prop.children ?? [];
            if (!key || !value) return [];
            return [{ key: { type: 'literal' as const, value: String(key.value), ...spanOf(key) }, value: this.expr(value) }];
          }),
          ...span,
        };
      default:
        return { type: 'invalid', ...span };
    }
  }

  /**
   * A JSON string read as an HCL quoted template: the two share their quoting and escapes, so the raw
   * source text is lexed as HCL (offsets shifted to the file). Plain strings stay plain literals.
   */
  private template(n: Node): Expr {
    const span = spanOf(n);
    const decoded = typeof n.value === 'string' ? n.value : '';
    if (!decoded.includes('${') && !decoded.includes('%{')) return { type: 'literal', value: decoded, ...span };
    const raw = this.text.slice(span.start, span.end);
    const lexed = lex(raw);
    if (lexed.errors.length > 0) {
      const e = lexed.errors[0];
      this.problems.push({ message: e.message, start: e.start + span.start, end: e.end + span.start });
      return { type: 'literal', value: decoded, ...span };
    }
    const s = new TokenStream(lexed.tokens);
    try {
      let e = parseExpression(s);
      s.skipNewlines();
      const rest = s.peek();
      if (rest.type !== 'eof') throw new HclSyntaxError(`Unexpected ${describeToken(rest)} after the template`, rest.start, rest.end);
      // Terraform: a string that is one interpolation and nothing else is that expression, type and all.
      if (e.type === 'template' && e.parts.length === 1 && e.parts[0].kind === 'interp') e = e.parts[0].expr;
      shiftSpans(e, span.start);
      return e;
    } catch (err) {
      if (!(err instanceof HclSyntaxError)) throw err;
      this.problems.push({ message: err.message, start: err.start + span.start, end: err.end + span.start });
      return { type: 'literal', value: decoded, ...span };
    }
  }
}

/** Move every span of a freshly parsed expression by `by` characters. */
function shiftSpans(root: object, by: number): void {
  const seen = new Set<object>();
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown>;
    if (seen.has(node)) continue;
    seen.add(node);
    if (typeof node.start === 'number' && typeof node.end === 'number') {
      node.start = (node.start as number) + by;
      node.end = (node.end as number) + by;
    }
    for (const v of Object.values(node)) if (v !== null && typeof v === 'object') stack.push(v);
  }
}
