import type {
  ArrayExpr, BinaryOp, Decorator, ErrorExpr, Expr, ForExpr, Ident, ObjectExpr, ObjectItem, ResourceDecl, SpreadItem,
  TemplateLit,
} from './ast.js';
import { MAX_DEPTH, ParserBase } from './parser-base.js';
import { T, type Token } from './tokens.js';

/** Binding power of each binary operator token (higher binds tighter), per Bicep's operator precedence. */
const BINARY_PRECEDENCE: Partial<Record<T, number>> = {
  [T.DoubleQuestion]: 1,
  [T.Or]: 2,
  [T.And]: 3,
  [T.Eq]: 4, [T.Neq]: 4, [T.EqI]: 4, [T.NeqI]: 4,
  [T.Lt]: 5, [T.Le]: 5, [T.Gt]: 5, [T.Ge]: 5,
  [T.Plus]: 6, [T.Minus]: 6,
  [T.Star]: 7, [T.Slash]: 7, [T.Percent]: 7,
};

/** Expression layer of the parser: operators, literals, objects, arrays, loops, lambdas, calls. */
export abstract class ExprParser extends ParserBase {
  /** Implemented by the statement layer: a `resource` declaration nested in an object. */
  protected abstract parseResourceDecl(decorators: Decorator[], start: number): ResourceDecl;
  /** Implemented by the statement layer: `@name(args)` lines before a declaration or property. */
  protected abstract parseDecorators(): Decorator[];

  protected errorExpr(start: number, end = start): ErrorExpr {
    return { kind: 'error', start, end };
  }

  /** expression := ternary; bounded by MAX_DEPTH. */
  parseExpression(): Expr {
    if (this.depth >= MAX_DEPTH) {
      const start = this.tok.s;
      this.reportDepth(start);
      this.skipRestOfLine();
      return this.errorExpr(start, this.lastEnd);
    }
    this.depth++;
    try {
      return this.parseTernary();
    } finally {
      this.depth--;
    }
  }

  /** An operator on the next line continues the expression only if it cannot start a new one. */
  private continues(t: Token): boolean {
    return !t.nl || !this.nlSignificant || (t.k !== T.Plus && t.k !== T.Minus);
  }

  private parseTernary(): Expr {
    const condition = this.parseBinary(1);
    if (this.tk() !== T.Question) return condition;
    this.next();
    const whenTrue = this.parseExpression();
    if (!this.expect(T.Colon, "':' of the conditional expression")) {
      return { kind: 'ternary', condition, whenTrue, whenFalse: this.errorExpr(this.lastEnd), start: condition.start, end: this.lastEnd };
    }
    const whenFalse = this.parseExpression();
    return { kind: 'ternary', condition, whenTrue, whenFalse, start: condition.start, end: whenFalse.end };
  }

  /** Precedence climbing: left-associative binary operators of at least `minPrec`. */
  private parseBinary(minPrec: number): Expr {
    let left = this.parseUnary();
    for (;;) {
      const t = this.tok;
      const prec = BINARY_PRECEDENCE[t.k];
      if (prec === undefined || prec < minPrec || !this.continues(t)) return left;
      this.next();
      const right = prec < 7 ? this.parseBinary(prec + 1) : this.parseUnary();
      left = { kind: 'binary', op: t.v as BinaryOp, left, right, start: left.start, end: right.end };
    }
  }

  /** Prefix operators are collected in a loop so that `!!!!…` of any length does not recurse. */
  private parseUnary(): Expr {
    const ops: Token[] = [];
    while (this.tk() === T.Bang || this.tk() === T.Minus || this.tk() === T.Plus) ops.push(this.next());
    let e = this.parsePostfix();
    for (let i = ops.length - 1; i >= 0; i--) {
      const op = ops[i];
      if (op.k === T.Minus && e.kind === 'number' && e.start === op.e) {
        e = { kind: 'number', value: -e.value, start: op.s, end: e.end };
      } else {
        e = { kind: 'unary', op: op.v as '!' | '-' | '+', operand: e, start: op.s, end: e.end };
      }
    }
    return e;
  }

  private parsePostfix(): Expr {
    let e = this.parsePrimary();
    for (;;) {
      const t = this.tok;
      if (t.k === T.Dot) {
        this.next();
        let safe = false;
        if (this.tk() === T.Question) {
          this.next();
          safe = true;
        }
        const name = this.tok;
        if (name.k !== T.Ident) {
          this.errorExpected('a property name after \'.\'');
          return e;
        }
        this.next();
        if (this.tk() === T.LParen && !this.tok.nl && !safe) {
          const args = this.parseArgs();
          e = { kind: 'call', target: e, name: name.v, nameStart: name.s, args, start: e.start, end: this.lastEnd };
        } else {
          e = { kind: 'member', object: e, name: name.v, nameStart: name.s, safe, start: e.start, end: name.e };
        }
      } else if (t.k === T.LBrack && !t.nl) {
        const open = this.next();
        let safe = false;
        if (this.tk() === T.Question) {
          this.next();
          safe = true;
        }
        const saved = this.nlSignificant;
        this.nlSignificant = false;
        const index = this.parseExpression();
        this.nlSignificant = saved;
        if (this.tk() === T.RBrack) this.next();
        else this.error(this.tok.s, this.tok.e, `expected ']' to close the index opened at ${this.where(open.s)}`);
        e = { kind: 'index', object: e, index, safe, start: e.start, end: this.lastEnd };
      } else if (t.k === T.DoubleColon) {
        this.next();
        const name = this.expect(T.Ident, "a nested resource name after '::'");
        if (!name) return e;
        e = { kind: 'child', object: e, name: name.v, start: e.start, end: name.e };
      } else if (t.k === T.Bang && !t.nl) {
        this.next();
        e = { kind: 'nonNull', expr: e, start: e.start, end: t.e };
      } else {
        return e;
      }
    }
  }

  /** `(a, b, ...)` after a function name; line breaks inside are free. */
  protected parseArgs(): Expr[] {
    const open = this.next();
    const saved = this.nlSignificant;
    this.nlSignificant = false;
    const args: Expr[] = [];
    while (this.tk() !== T.RParen) {
      if (this.tk() === T.EOF || (this.tok.nl && this.atStatementBoundary())) {
        this.error(this.lastEnd, this.lastEnd, `expected ')' to close the argument list opened at ${this.where(open.s)}`);
        this.nlSignificant = saved;
        return args;
      }
      const before = this.pos;
      args.push(this.parseExpression());
      if (this.tk() === T.Comma) this.next();
      else if (this.tk() !== T.RParen) {
        this.errorExpected("',' or ')' in the argument list");
        if (this.pos === before || this.tk() === T.RBrace || this.tk() === T.RBrack) {
          this.nlSignificant = saved;
          return args;
        }
      }
    }
    this.next();
    this.nlSignificant = saved;
    return args;
  }

  private parsePrimary(): Expr {
    const t = this.tok;
    switch (t.k) {
      case T.Number: {
        this.next();
        if (t.v.includes('.')) this.error(t.s, t.e, 'Bicep numbers are whole numbers; a decimal point is not allowed');
        return { kind: 'number', value: Number(t.v), start: t.s, end: t.e };
      }
      case T.String:
        this.next();
        return { kind: 'string', value: t.v, multiline: false, start: t.s, end: t.e };
      case T.MultiString:
        this.next();
        return { kind: 'string', value: t.v, multiline: true, start: t.s, end: t.e };
      case T.StrLeft:
        return this.parseTemplate();
      case T.Ident:
        return this.parseIdentStart();
      case T.LParen:
        return this.parseParenOrLambda();
      case T.LBrack: {
        const n = this.peek();
        if (n.k === T.Ident && n.v === 'for') {
          const after = this.peek(2);
          if (after.k === T.Ident || after.k === T.LParen) return this.parseFor();
        }
        return this.parseArray();
      }
      case T.LBrace:
        return this.parseObject();
      default: {
        this.errorExpected('an expression');
        // Leave closers, line starts and the end for the enclosing construct; skip anything else.
        const closer = t.k === T.RBrace || t.k === T.RBrack || t.k === T.RParen || t.k === T.EOF;
        if (!closer && !(t.nl && this.nlSignificant) && t.k !== T.Comma) this.next();
        return this.errorExpr(t.s, t.s);
      }
    }
  }

  private parseIdentStart(): Expr {
    const t = this.next();
    switch (t.v) {
      case 'true':
      case 'false':
        return { kind: 'bool', value: t.v === 'true', start: t.s, end: t.e };
      case 'null':
        return { kind: 'null', start: t.s, end: t.e };
      case 'if':
        if (this.tk() === T.LParen) return this.parseIf(t);
        break;
    }
    if (this.tk() === T.Arrow) {
      this.next();
      const body = this.parseExpression();
      return { kind: 'lambda', params: [{ kind: 'ident', name: t.v, start: t.s, end: t.e }], body, start: t.s, end: body.end };
    }
    if (this.tk() === T.LParen && !this.tok.nl) {
      const args = this.parseArgs();
      return { kind: 'call', target: undefined, name: t.v, nameStart: t.s, args, start: t.s, end: this.lastEnd };
    }
    return { kind: 'ident', name: t.v, start: t.s, end: t.e };
  }

  /** `if (condition) body` — the body of a conditional resource, module or loop item. */
  private parseIf(kw: Token): Expr {
    const open = this.next();
    const saved = this.nlSignificant;
    this.nlSignificant = false;
    const condition = this.parseExpression();
    this.nlSignificant = saved;
    if (this.tk() === T.RParen) this.next();
    else this.error(this.tok.s, this.tok.e, `expected ')' to close the condition opened at ${this.where(open.s)}`);
    const body = this.parseExpression();
    return { kind: 'if', condition, body, start: kw.s, end: body.end };
  }

  /** Whether the tokens from `(` form a lambda parameter list followed by `=>`. */
  private isLambdaAhead(): boolean {
    let i = 1;
    if (this.peek(i).k === T.RParen) return this.peek(i + 1).k === T.Arrow;
    for (;;) {
      if (this.peek(i).k !== T.Ident) return false;
      i++;
      const t = this.peek(i);
      if (t.k === T.RParen) return this.peek(i + 1).k === T.Arrow;
      if (t.k !== T.Comma) return false;
      i++;
    }
  }

  private parseParenOrLambda(): Expr {
    const open = this.tok;
    if (this.isLambdaAhead()) {
      this.next();
      const params: Ident[] = [];
      while (this.tk() === T.Ident) {
        const p = this.next();
        params.push({ kind: 'ident', name: p.v, start: p.s, end: p.e });
        if (this.tk() === T.Comma) this.next();
      }
      this.next(); // )
      this.next(); // =>
      const body = this.parseExpression();
      return { kind: 'lambda', params, body, start: open.s, end: body.end };
    }
    this.next();
    const saved = this.nlSignificant;
    this.nlSignificant = false;
    const expr = this.parseExpression();
    this.nlSignificant = saved;
    if (this.tk() === T.RParen) this.next();
    else this.error(this.tok.s, this.tok.e, `expected ')' to close the parenthesis opened at ${this.where(open.s)}`);
    return { kind: 'paren', expr, start: open.s, end: this.lastEnd };
  }

  private parseTemplate(): TemplateLit {
    const first = this.next();
    const parts = [first.v];
    const exprs: Expr[] = [];
    const saved = this.nlSignificant;
    this.nlSignificant = false;
    for (;;) {
      exprs.push(this.parseExpression());
      const t = this.tok;
      if (t.k === T.StrMid) {
        this.next();
        parts.push(t.v);
        continue;
      }
      if (t.k === T.StrRight) {
        this.next();
        parts.push(t.v);
        break;
      }
      this.error(t.s, t.e, `expected '}' to close the interpolation opened at ${this.where(first.e - 2)}`);
      // Resynchronise on the rest of the string, if it is still on this line.
      while (this.tk() !== T.EOF && this.tk() !== T.StrMid && this.tk() !== T.StrRight && !this.tok.nl) this.next();
      if (this.tk() === T.StrMid || this.tk() === T.StrRight) continue;
      parts.push('');
      break;
    }
    this.nlSignificant = saved;
    return { kind: 'template', parts, exprs, start: first.s, end: this.lastEnd };
  }

  private parseFor(): ForExpr {
    const open = this.next(); // [
    this.next(); // for
    const saved = this.nlSignificant;
    this.nlSignificant = false;
    let item: Ident | undefined;
    let index: Ident | undefined;
    const ident = (): Ident | undefined => {
      const t = this.expect(T.Ident, 'a loop variable name');
      return t && { kind: 'ident', name: t.v, start: t.s, end: t.e };
    };
    if (this.tk() === T.LParen) {
      this.next();
      item = ident();
      if (this.tk() === T.Comma) {
        this.next();
        index = ident();
      }
      this.expect(T.RParen, "')' after the loop variables");
    } else {
      item = ident();
    }
    let iterable: Expr;
    if (this.isWord('in')) {
      this.next();
      iterable = this.parseExpression();
    } else {
      this.errorExpected("'in' after the loop variable");
      iterable = this.errorExpr(this.tok.s);
    }
    let body: Expr;
    if (this.tk() === T.Colon) {
      this.next();
      this.nlSignificant = true;
      body = this.parseExpression();
    } else {
      this.errorExpected("':' before the loop body");
      body = this.errorExpr(this.tok.s);
    }
    this.nlSignificant = saved;
    if (this.tk() === T.RBrack) this.next();
    else {
      this.error(this.lastEnd, this.lastEnd, `expected ']' to close the loop opened at ${this.where(open.s)}`);
      if (!this.atStatementBoundary()) this.skipRestOfLine();
      if (this.tk() === T.RBrack) this.next();
    }
    return { kind: 'for', item, index, iterable, body, start: open.s, end: this.lastEnd };
  }

  /** Handles what follows an item of an object or array: a comma, a line break, or the closing bracket. */
  private afterItem(close: T, what: string): void {
    if (this.tk() === T.Comma) {
      this.next();
      return;
    }
    if (this.tk() === close || this.tk() === T.EOF || this.tok.nl) return;
    this.errorExpected(`a new line or ',' after the ${what}`);
    this.skipRestOfLine();
  }

  private parseArray(): ArrayExpr {
    const open = this.next();
    const saved = this.nlSignificant;
    this.nlSignificant = true;
    const items: (Expr | SpreadItem)[] = [];
    for (;;) {
      const t = this.tok;
      if (t.k === T.RBrack) {
        this.next();
        break;
      }
      if (t.k === T.EOF || this.atStatementBoundary() || t.k === T.RBrace || t.k === T.RParen) {
        this.error(this.lastEnd, this.lastEnd, `expected ']' to close the array opened at ${this.where(open.s)}`);
        break;
      }
      const before = this.pos;
      if (t.k === T.Ellipsis) {
        this.next();
        const expr = this.parseExpression();
        items.push({ kind: 'spread', expr, start: t.s, end: expr.end });
      } else {
        items.push(this.parseExpression());
      }
      this.afterItem(T.RBrack, 'array item');
      if (this.pos === before) this.next();
    }
    this.nlSignificant = saved;
    return { kind: 'array', items, start: open.s, end: this.lastEnd };
  }

  protected parseObject(): ObjectExpr {
    const open = this.next();
    const saved = this.nlSignificant;
    this.nlSignificant = true;
    const items: ObjectItem[] = [];
    for (;;) {
      const t = this.tok;
      if (t.k === T.RBrace) {
        this.next();
        break;
      }
      if (t.k === T.EOF || this.atStatementBoundary() || t.k === T.RBrack || t.k === T.RParen) {
        this.error(this.lastEnd, this.lastEnd, `expected '}' to close the object opened at ${this.where(open.s)}`);
        break;
      }
      const before = this.pos;
      const item = this.parseObjectItem();
      if (item) {
        items.push(item);
        this.afterItem(T.RBrace, 'property');
      } else {
        this.skipRestOfLine();
      }
      if (this.pos === before) this.next();
    }
    this.nlSignificant = saved;
    return { kind: 'object', items, start: open.s, end: this.lastEnd };
  }

  private parseObjectItem(): ObjectItem | undefined {
    const decorators = this.tk() === T.At ? this.parseDecorators() : [];
    const t = this.tok;
    if (t.k === T.Ellipsis) {
      this.next();
      const expr = this.parseExpression();
      return { kind: 'spread', expr, start: t.s, end: expr.end };
    }
    if (t.k === T.Ident && t.v === 'resource' && this.peek().k === T.Ident && !this.peek().nl) {
      return this.parseResourceDecl(decorators, decorators.length ? decorators[0].start : t.s);
    }
    let key: string | undefined;
    let keyExpr: Expr;
    if (t.k === T.Ident) {
      this.next();
      key = t.v;
      keyExpr = { kind: 'ident', name: t.v, start: t.s, end: t.e };
    } else if (t.k === T.String || t.k === T.MultiString) {
      this.next();
      key = t.v;
      keyExpr = { kind: 'string', value: t.v, multiline: t.k === T.MultiString, start: t.s, end: t.e };
    } else if (t.k === T.StrLeft) {
      keyExpr = this.parseTemplate();
    } else {
      this.errorExpected('a property name');
      return undefined;
    }
    if (this.tk() !== T.Colon) {
      this.errorExpected(`':' after the property name${key !== undefined ? ` '${key}'` : ''}`);
      return undefined;
    }
    this.next();
    let value: Expr;
    if (this.tok.nl || this.tk() === T.RBrace || this.tk() === T.Comma) {
      this.errorExpected(`a value for the property${key !== undefined ? ` '${key}'` : ''}`);
      value = this.errorExpr(this.lastEnd);
    } else {
      value = this.parseExpression();
    }
    return { kind: 'prop', key, keyExpr, value, decorators, start: decorators.length ? decorators[0].start : t.s, end: value.end };
  }
}
