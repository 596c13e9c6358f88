import type { Expr, ObjectItem, TemplatePart } from './ast.js';
import type { Token } from './lexer.js';
import { HclSyntaxError, describeToken, type TokenStream } from './stream.js';

/** Binary operators by precedence, loosest first (HCL spec: || then && then equality, comparison, +, *). */
const LEVELS: readonly (readonly string[])[] = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', '/', '%']];

function fail(t: Token, message: string): never {
  throw new HclSyntaxError(message, t.start, Math.max(t.end, t.start + 1));
}

/** Parse one expression (conditional level) at the stream's position. */
export function parseExpression(s: TokenStream): Expr {
  const first = s.peek();
  s.enter(first);
  try {
    const cond = parseBinary(s, 0);
    if (!s.isPunct('?')) return cond;
    s.next();
    const then = parseExpression(s);
    s.expect(':', "between the two results of a conditional ('cond ? a : b')");
    const otherwise = parseExpression(s);
    return { type: 'conditional', cond, then, else: otherwise, start: cond.start, end: otherwise.end };
  } finally {
    s.leave();
  }
}

function parseBinary(s: TokenStream, level: number): Expr {
  if (level === LEVELS.length) return parseUnary(s);
  let left = parseBinary(s, level + 1);
  for (;;) {
    const t = s.peek();
    if (t.type !== 'punct' || !LEVELS[level].includes(t.text)) return left;
    s.next();
    const right = parseBinary(s, level + 1);
    left = { type: 'binary', op: t.text, left, right, start: left.start, end: right.end };
  }
}

function parseUnary(s: TokenStream): Expr {
  const t = s.peek();
  if (t.type === 'punct' && (t.text === '!' || t.text === '-')) {
    s.next();
    s.enter(t);
    try {
      const operand = parseUnary(s);
      return { type: 'unary', op: t.text, operand, start: t.start, end: operand.end };
    } finally {
      s.leave();
    }
  }
  return parsePostfix(s, parsePrimary(s));
}

function parsePrimary(s: TokenStream): Expr {
  const t = s.peek();
  switch (t.type) {
    case 'number':
      s.next();
      return { type: 'literal', value: Number(t.text), start: t.start, end: t.end };
    case 'ident':
      return parseIdentifierExpr(s);
    case 'oquote':
    case 'oheredoc':
      return parseTemplate(s);
    case 'punct':
      if (t.text === '[') return s.withNewlines(true, () => parseTupleOrFor(s));
      if (t.text === '{') return s.withNewlines(true, () => parseObjectOrFor(s));
      if (t.text === '(') {
        s.next();
        const inner = s.withNewlines(true, () => {
          const e = parseExpression(s);
          s.expect(')', 'to close the parenthesis');
          return e;
        });
        return { type: 'paren', inner, start: t.start, end: s.prev().end };
      }
      break;
  }
  return fail(t, `Expected an expression, found ${describeToken(t)}`);
}

function parseIdentifierExpr(s: TokenStream): Expr {
  const t = s.next();
  if (t.text === 'true' || t.text === 'false') return { type: 'literal', value: t.text === 'true', start: t.start, end: t.end };
  if (t.text === 'null') return { type: 'literal', value: null, start: t.start, end: t.end };
  let name = t.text;
  // provider::namespace::function(...)
  while (s.isPunct('::')) {
    s.next();
    const part = s.next();
    if (part.type !== 'ident') fail(part, `Expected a function name after '::', found ${describeToken(part)}`);
    name += '::' + part.text;
  }
  if (s.isPunct('(')) return parseCall(s, name, t);
  if (name.includes('::')) fail(s.peek(), `Expected '(' after the provider function name ${name}`);
  return { type: 'variable', name, start: t.start, end: t.end };
}

function parseCall(s: TokenStream, name: string, nameTok: Token): Expr {
  s.next();
  return s.withNewlines(true, () => {
    const args: Expr[] = [];
    let expandFinal = false;
    while (!s.isPunct(')')) {
      if (s.peek().type === 'eof') fail(s.peek(), `Expected ')' to close the call to ${name}(), found end of file`);
      args.push(parseExpression(s));
      if (s.eat('...')) {
        expandFinal = true;
        break;
      }
      if (!s.eat(',')) break;
    }
    s.expect(')', `to close the call to ${name}()`);
    return { type: 'call', name, args, expandFinal, start: nameTok.start, end: s.prev().end } as Expr;
  });
}

function parsePostfix(s: TokenStream, base: Expr): Expr {
  let e = base;
  for (;;) {
    if (s.isPunct('.')) {
      s.next();
      const t = s.peek();
      if (t.type === 'ident') {
        s.next();
        e = { type: 'getattr', object: e, name: t.text, nameSpan: { start: t.start, end: t.end }, start: e.start, end: t.end };
      } else if (t.type === 'number') {
        s.next();
        // `a.0.1` scans 0.1 as a number: two legacy index steps.
        let off = t.start;
        for (const digits of t.text.split('.')) {
          const key: Expr = { type: 'literal', value: Number(digits), start: off, end: off + digits.length };
          e = { type: 'index', object: e, key, start: e.start, end: key.end };
          off += digits.length + 1;
        }
      } else if (t.type === 'punct' && t.text === '*') {
        s.next();
        e = parseSplat(s, e, false, t.end);
      } else {
        fail(t, `Expected an attribute name after '.', found ${describeToken(t)}`);
      }
      continue;
    }
    if (s.isPunct('[')) {
      s.next();
      if (s.withNewlines(true, () => s.eat('*'))) {
        s.withNewlines(true, () => s.expect(']', "to close the splat '[*]'"));
        e = parseSplat(s, e, true, s.prev().end);
        continue;
      }
      const object = e;
      e = s.withNewlines(true, (): Expr => {
        const key = parseExpression(s);
        s.expect(']', 'to close the index');
        return { type: 'index', object, key, start: object.start, end: s.prev().end };
      });
      continue;
    }
    return e;
  }
}

/** `.*` takes following attribute steps; `[*]` takes attribute and index steps. */
function parseSplat(s: TokenStream, source: Expr, full: boolean, end: number): Expr {
  let each: Expr = { type: 'splatItem', start: end, end };
  for (;;) {
    if (s.isPunct('.') && s.peekAt(1).type === 'ident') {
      s.next();
      const t = s.next();
      each = { type: 'getattr', object: each, name: t.text, nameSpan: { start: t.start, end: t.end }, start: each.start, end: t.end };
      end = t.end;
    } else if (full && s.isPunct('[')) {
      s.next();
      const key = s.withNewlines(true, () => {
        const k = parseExpression(s);
        s.expect(']', 'to close the index');
        return k;
      });
      end = s.prev().end;
      each = { type: 'index', object: each, key, start: each.start, end };
    } else {
      return { type: 'splat', source, each, start: source.start, end };
    }
  }
}

function isForIntro(s: TokenStream): boolean {
  const t = s.peek();
  return t.type === 'ident' && t.text === 'for' && s.peekAt(1).type === 'ident';
}

function parseTupleOrFor(s: TokenStream): Expr {
  const open = s.next();
  if (isForIntro(s)) return parseFor(s, open, false);
  const items: Expr[] = [];
  while (!s.isPunct(']')) {
    if (s.peek().type === 'eof') fail(s.peek(), "Expected ']' to close the list, found end of file");
    items.push(parseExpression(s));
    if (!s.eat(',')) break;
  }
  s.expect(']', 'to close the list');
  return { type: 'tuple', items, start: open.start, end: s.prev().end };
}

function parseObjectOrFor(s: TokenStream): Expr {
  const open = s.next();
  if (isForIntro(s)) return parseFor(s, open, true);
  const items: ObjectItem[] = [];
  while (!s.isPunct('}')) {
    const t = s.peek();
    if (t.type === 'eof') fail(t, "Expected '}' to close the object, found end of file");
    let key = parseExpression(s);
    // A bare name as key is the name itself, not a variable.
    if (key.type === 'variable') key = { type: 'literal', value: key.name, start: key.start, end: key.end };
    const sep = s.peek();
    if (!(sep.type === 'punct' && (sep.text === '=' || sep.text === ':'))) {
      fail(sep, `Expected '=' or ':' after the object key, found ${describeToken(sep)}`);
    }
    s.next();
    const value = parseExpression(s);
    items.push({ key, value });
    s.eat(',');
  }
  s.expect('}', 'to close the object');
  return { type: 'object', items, start: open.start, end: s.prev().end };
}

function parseFor(s: TokenStream, open: Token, object: boolean): Expr {
  s.next(); // for
  const first = s.next();
  let keyVar: string | undefined;
  let valueVar = first.text;
  if (s.eat(',')) {
    const second = s.next();
    if (second.type !== 'ident') fail(second, `Expected a variable name in the for expression, found ${describeToken(second)}`);
    keyVar = first.text;
    valueVar = second.text;
  }
  const inTok = s.next();
  if (inTok.type !== 'ident' || inTok.text !== 'in') fail(inTok, `Expected 'in' in the for expression, found ${describeToken(inTok)}`);
  const collection = parseExpression(s);
  s.expect(':', 'after the collection of a for expression');
  let key: Expr | undefined;
  if (object) {
    key = parseExpression(s);
    s.expect('=>', 'between key and value of an object for expression');
  }
  const value = parseExpression(s);
  const group = object && s.eat('...');
  let cond: Expr | undefined;
  const ifTok = s.peek();
  if (ifTok.type === 'ident' && ifTok.text === 'if') {
    s.next();
    cond = parseExpression(s);
  }
  s.expect(object ? '}' : ']', 'to close the for expression');
  return { type: 'for', keyVar, valueVar, collection, key, value, cond, group, object, start: open.start, end: s.prev().end };
}

/** A quoted string or heredoc: literal runs, `${...}` interpolations and `%{...}` directives. */
function parseTemplate(s: TokenStream): Expr {
  const open = s.next();
  const heredoc = open.type === 'oheredoc';
  const closeType = heredoc ? 'cheredoc' : 'cquote';
  const { parts, end } = s.withNewlines(true, () => parseParts(s, closeType, []));
  return { type: 'template', parts, heredoc, start: open.start, end };
}

interface PartsResult {
  parts: TemplatePart[];
  /** The directive keyword that ended this run (else/endif/endfor), or '' at the closing quote. */
  stop: string;
  end: number;
}

function parseParts(s: TokenStream, closeType: 'cquote' | 'cheredoc', stops: string[]): PartsResult {
  const parts: TemplatePart[] = [];
  for (;;) {
    const t = s.tokens[s.index];
    if (t.type === closeType) {
      if (stops.length > 0) fail(t, `Expected %{ ${stops.join(' or ')} } before the end of the template`);
      s.index++;
      return { parts, stop: '', end: t.end };
    }
    if (t.type === 'strlit') {
      s.index++;
      parts.push({ kind: 'literal', value: t.text, start: t.start, end: t.end });
      continue;
    }
    if (t.type === 'interp') {
      s.index++;
      const expr = parseExpression(s);
      const close = s.next();
      if (close.type !== 'seqend') fail(close, `Expected '}' to close the interpolation, found ${describeToken(close)}`);
      parts.push({ kind: 'interp', expr, stripBefore: !!t.flag, stripAfter: !!close.flag, start: t.start, end: close.end });
      continue;
    }
    if (t.type === 'control') {
      s.index++;
      const kw = s.next();
      if (kw.type !== 'ident') fail(kw, `Expected if, for, else, endif or endfor after '%{', found ${describeToken(kw)}`);
      if (stops.includes(kw.text)) {
        closeSeq(s);
        return { parts, stop: kw.text, end: s.prev().end };
      }
      s.enter(kw);
      try {
        if (kw.text === 'if') parts.push(parseIfDirective(s, closeType, t));
        else if (kw.text === 'for') parts.push(parseForDirective(s, closeType, t));
        else fail(kw, `Unexpected %{ ${kw.text} } in template`);
      } finally {
        s.leave();
      }
      continue;
    }
    return fail(t, t.type === 'eof' ? 'Unterminated template at end of file' : `Unexpected ${describeToken(t)} in template`);
  }
}

function closeSeq(s: TokenStream): void {
  const close = s.next();
  if (close.type !== 'seqend') fail(close, `Expected '}' to close the template directive, found ${describeToken(close)}`);
}

function parseIfDirective(s: TokenStream, closeType: 'cquote' | 'cheredoc', open: Token): TemplatePart {
  const cond = parseExpression(s);
  closeSeq(s);
  const first = parseParts(s, closeType, ['else', 'endif']);
  let otherwise: TemplatePart[] | undefined;
  if (first.stop === 'else') otherwise = parseParts(s, closeType, ['endif']).parts;
  return { kind: 'if', cond, then: first.parts, else: otherwise, start: open.start, end: s.prev().end };
}

function parseForDirective(s: TokenStream, closeType: 'cquote' | 'cheredoc', open: Token): TemplatePart {
  const a = s.next();
  let keyVar: string | undefined;
  let valueVar = a.text;
  if (s.eat(',')) {
    keyVar = a.text;
    valueVar = s.next().text;
  }
  const inTok = s.next();
  if (inTok.text !== 'in') fail(inTok, `Expected 'in' in the template for directive, found ${describeToken(inTok)}`);
  const collection = parseExpression(s);
  closeSeq(s);
  const body = parseParts(s, closeType, ['endfor']);
  return { kind: 'for', keyVar, valueVar, collection, body: body.parts, start: open.start, end: s.prev().end };
}
