/**
 * Parser for ARM template expressions: function calls, `.property` and `[index]` access, '…' strings with
 * '' escaping, integers, and true/false/null. Recursive descent with a depth bound; never throws.
 */
import type { Expr, ParseResult } from './ast.js';

type Token =
  | { t: 'ident'; v: string; start: number; end: number }
  | { t: 'string'; v: string; start: number; end: number }
  | { t: 'number'; v: number; start: number; end: number }
  | { t: 'punct'; v: '(' | ')' | ',' | '.' | '[' | ']'; start: number; end: number }
  | { t: 'eof'; start: number; end: number };

/** Deepest nesting of calls and indexes accepted in one expression. */
const MAX_EXPR_DEPTH = 100;

class ExprSyntaxError {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
    } else if (c === 39 /* ' */) {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new ExprSyntaxError("Unterminated string: expected a closing '", start);
        const j = src.indexOf("'", i);
        if (j < 0) throw new ExprSyntaxError("Unterminated string: expected a closing '", start);
        value += src.slice(i, j);
        if (src.charCodeAt(j + 1) === 39) {
          value += "'";
          i = j + 2;
        } else {
          i = j + 1;
          break;
        }
      }
      out.push({ t: 'string', v: value, start, end: i });
    } else if ((c >= 48 && c <= 57) || (c === 45 && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^-?\d+(\.\d+)?/.exec(src.slice(i, i + 64))!;
      out.push({ t: 'number', v: Number(m[0]), start: i, end: i + m[0].length });
      i += m[0].length;
    } else if (isIdentStart(c)) {
      const start = i;
      while (i < src.length && isIdentPart(src.charCodeAt(i))) i++;
      out.push({ t: 'ident', v: src.slice(start, i), start, end: i });
    } else if ('(),.[]'.includes(src[i])) {
      out.push({ t: 'punct', v: src[i] as '(' | ')' | ',' | '.' | '[' | ']', start: i, end: i + 1 });
      i++;
    } else {
      throw new ExprSyntaxError(`Unexpected character '${src[i]}'`, i);
    }
  }
  out.push({ t: 'eof', start: src.length, end: src.length });
  return out;
}

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  parseAll(): Expr {
    const e = this.expression();
    const t = this.peek();
    if (t.t !== 'eof') throw new ExprSyntaxError(`Unexpected ${describe(t)} after the end of the expression`, t.start);
    return e;
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }
  private next(): Token {
    const t = this.tokens[this.pos];
    if (t.t !== 'eof') this.pos++;
    return t;
  }
  private isPunct(v: string): boolean {
    const t = this.peek();
    return t.t === 'punct' && t.v === v;
  }
  private expect(v: string, what: string): Token {
    const t = this.next();
    if (t.t !== 'punct' || t.v !== v) throw new ExprSyntaxError(`Expected ${what}, found ${describe(t)}`, t.start);
    return t;
  }

  private expression(): Expr {
    if (++this.depth > MAX_EXPR_DEPTH) throw new ExprSyntaxError('Expression is nested too deeply', this.peek().start);
    let e = this.primary();
    for (;;) {
      if (this.isPunct('.')) {
        this.next();
        const name = this.next();
        if (name.t !== 'ident') throw new ExprSyntaxError(`Expected a property name after '.', found ${describe(name)}`, name.start);
        e = { kind: 'property', target: e, name: name.v, start: e.start, end: name.end };
      } else if (this.isPunct('[')) {
        this.next();
        const index = this.expression();
        const close = this.expect(']', "']' to close the index");
        e = { kind: 'index', target: e, index, start: e.start, end: close.end };
      } else break;
    }
    this.depth--;
    return e;
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.t) {
      case 'string':
        return { kind: 'string', value: t.v, start: t.start, end: t.end };
      case 'number':
        return { kind: 'number', value: t.v, start: t.start, end: t.end };
      case 'ident': {
        let name = t.v;
        // User-defined functions are called as `namespace.member(...)`.
        const a = this.tokens[this.pos];
        const b = this.tokens[this.pos + 1];
        const c = this.tokens[this.pos + 2];
        if (a.t === 'punct' && a.v === '.' && b?.t === 'ident' && c?.t === 'punct' && c.v === '(') {
          name = `${t.v}.${b.v}`;
          this.pos += 2;
        }
        if (!this.isPunct('(')) {
          const lower = t.v.toLowerCase();
          if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true', start: t.start, end: t.end };
          if (lower === 'null') return { kind: 'literal', value: null, start: t.start, end: t.end };
          throw new ExprSyntaxError(`Expected '(' after the function name '${t.v}'`, t.end);
        }
        this.next();
        const args: Expr[] = [];
        if (!this.isPunct(')')) {
          for (;;) {
            args.push(this.expression());
            if (this.isPunct(',')) this.next();
            else break;
          }
        }
        const close = this.expect(')', `')' to close the call to ${name}`);
        return { kind: 'call', name, args, start: t.start, end: close.end };
      }
      default:
        throw new ExprSyntaxError(`Expected a function call, string or number, found ${describe(t)}`, t.start);
    }
  }
}

function describe(t: Token): string {
  switch (t.t) {
    case 'eof':
      return 'the end of the expression';
    case 'string':
      return `the string '${t.v}'`;
    case 'number':
      return `the number ${t.v}`;
    default:
      return `'${t.v}'`;
  }
}

/** Parses the inside of an ARM expression (without the surrounding brackets). */
export function parseExpression(src: string): ParseResult {
  try {
    return { ok: true, expr: new Parser(tokenize(src)).parseAll() };
  } catch (e) {
    if (e instanceof ExprSyntaxError) return { ok: false, message: e.message, offset: e.offset };
    return { ok: false, message: 'Expression could not be read', offset: 0 };
  }
}

/** How a JSON string is read by ARM: an expression (inner text), an escaped literal (`[[…`), or plain text. */
export function classifyString(s: string): { kind: 'expression'; inner: string } | { kind: 'literal'; value: string } {
  if (s.length >= 2 && s.charCodeAt(0) === 91 /* [ */) {
    if (s.charCodeAt(s.length - 1) === 93 /* ] */) {
      // `[[…]` is the escape for a literal string that starts with `[`.
      if (s.charCodeAt(1) === 91) return { kind: 'literal', value: s.slice(1) };
      return { kind: 'expression', inner: s.slice(1, -1) };
    }
  }
  return { kind: 'literal', value: s };
}
