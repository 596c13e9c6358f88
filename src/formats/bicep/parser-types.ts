import type { Decorator, TypeExpr, TypeObject, TypeProperty, TypeTuple } from './ast.js';
import { MAX_DEPTH } from './parser-base.js';
import { ExprParser } from './parser-expr.js';
import { T } from './tokens.js';

/** Type-expression layer: unions, arrays `x[]`, nullable `x?`, object and tuple types, literal and resource types. */
export abstract class TypeParser extends ExprParser {
  /** type := '|'? member ('|' member)*; bounded by MAX_DEPTH. */
  parseType(): TypeExpr {
    if (this.depth >= MAX_DEPTH) {
      const start = this.tok.s;
      this.reportDepth(start);
      this.skipRestOfLine();
      return this.errorExpr(start, this.lastEnd);
    }
    this.depth++;
    try {
      const start = this.tok.s;
      if (this.tk() === T.Pipe) this.next();
      const first = this.parseTypePostfix();
      if (this.tk() !== T.Pipe) return first;
      const members = [first];
      while (this.tk() === T.Pipe) {
        this.next();
        members.push(this.parseTypePostfix());
      }
      return { kind: 'typeUnion', members, start, end: this.lastEnd };
    } finally {
      this.depth--;
    }
  }

  private parseTypePostfix(): TypeExpr {
    let t = this.parseTypePrimary();
    for (;;) {
      const tok = this.tok;
      if (tok.nl && this.nlSignificant) return t;
      if (tok.k === T.LBrack && this.peek().k === T.RBrack) {
        this.next();
        this.next();
        t = { kind: 'typeArray', item: t, start: t.start, end: this.lastEnd };
      } else if (tok.k === T.LBrack) {
        // Type access by index: `myTuple[0]`, `myArray[*]`.
        this.next();
        const idx = this.tok;
        this.next();
        this.expect(T.RBrack, "']' after the type index");
        t = { kind: 'typeAccess', base: t, property: idx.v, start: t.start, end: this.lastEnd };
      } else if (tok.k === T.Question) {
        // `string?`, `('a' | 'b')?` and also `int [] [] ?`: Bicep allows spaces before the marker.
        this.next();
        t = { kind: 'typeNullable', inner: t, start: t.start, end: tok.e };
      } else if (tok.k === T.Bang) {
        // Non-null assertion on a type, `nullableAlias!`: the type without null. No separate node is needed
        // because nothing downstream distinguishes it; unwrap a nullable so the span still covers the '!'.
        this.next();
        const inner = t.kind === 'typeNullable' ? t.inner : t;
        t = { ...inner, start: t.start, end: tok.e };
      } else if (tok.k === T.Dot && (t.kind !== 'typeName' || t.args.length > 0)) {
        this.next();
        const name = this.expect(T.Ident, 'a property name');
        if (!name) return t;
        t = { kind: 'typeAccess', base: t, property: name.v, start: t.start, end: name.e };
      } else {
        return t;
      }
    }
  }

  private parseTypePrimary(): TypeExpr {
    const t = this.tok;
    switch (t.k) {
      case T.Ident: {
        this.next();
        if (t.v === 'true' || t.v === 'false') {
          return { kind: 'typeLiteral', value: { kind: 'bool', value: t.v === 'true', start: t.s, end: t.e }, start: t.s, end: t.e };
        }
        if (t.v === 'null') return { kind: 'typeLiteral', value: { kind: 'null', start: t.s, end: t.e }, start: t.s, end: t.e };
        if (t.v === 'resource' && this.tk() === T.String) {
          const s = this.next();
          return { kind: 'typeResource', resourceType: s.v, start: t.s, end: s.e };
        }
        let name = t.v;
        // Dotted names are namespaces or imported types: `sys.string`, `types.storageConfig`, `x.prop`.
        while (this.tk() === T.Dot && this.peek().k === T.Ident) {
          this.next();
          name += '.' + this.next().v;
        }
        if (this.tk() === T.Dot && this.peek().k === T.Star) {
          // The value type of a dictionary type: `myDictionary.*`.
          const dot = this.next();
          const star = this.next();
          const base: TypeExpr = { kind: 'typeName', name, args: [], start: t.s, end: dot.s };
          return { kind: 'typeAccess', base, property: '*', start: t.s, end: star.e };
        }
        const args: TypeExpr[] = [];
        if (this.tk() === T.Lt && !this.tok.nl) {
          this.next();
          while (this.tk() !== T.Gt && this.tk() !== T.EOF) {
            const before = this.pos;
            args.push(this.parseType());
            if (this.tk() === T.Comma) this.next();
            else if (this.pos === before || this.tk() !== T.Gt) break;
          }
          this.expect(T.Gt, "'>' to close the type arguments");
        }
        return { kind: 'typeName', name, args, start: t.s, end: this.lastEnd };
      }
      case T.String:
      case T.MultiString:
        this.next();
        return { kind: 'typeLiteral', value: { kind: 'string', value: t.v, multiline: t.k === T.MultiString, start: t.s, end: t.e }, start: t.s, end: t.e };
      case T.Number:
        this.next();
        return { kind: 'typeLiteral', value: { kind: 'number', value: Number(t.v), start: t.s, end: t.e }, start: t.s, end: t.e };
      case T.Bang: {
        // A negated boolean literal type: `!true`.
        this.next();
        const operand = this.parseTypePrimary();
        if (operand.kind === 'typeLiteral' && operand.value.kind === 'bool') {
          const value = { kind: 'bool' as const, value: !operand.value.value, start: t.s, end: operand.end };
          return { kind: 'typeLiteral', value, start: t.s, end: operand.end };
        }
        this.error(t.s, operand.end, "'!' in a type applies only to true or false");
        return this.errorExpr(t.s, operand.end);
      }
      case T.Minus: {
        this.next();
        const n = this.expect(T.Number, 'a number after \'-\'');
        const value = n ? -Number(n.v) : 0;
        return { kind: 'typeLiteral', value: { kind: 'number', value, start: t.s, end: this.lastEnd }, start: t.s, end: this.lastEnd };
      }
      case T.LBrace:
        return this.parseObjectType();
      case T.LBrack:
        return this.parseTupleType();
      case T.LParen: {
        this.next();
        const saved = this.nlSignificant;
        this.nlSignificant = false;
        const inner = this.parseType();
        this.nlSignificant = saved;
        this.expect(T.RParen, "')' to close the parenthesised type");
        return inner;
      }
      default:
        this.errorExpected('a type');
        if (t.k !== T.EOF && !t.nl && t.k !== T.RBrace && t.k !== T.RBrack && t.k !== T.RParen && t.k !== T.Assign) this.next();
        return this.errorExpr(t.s);
    }
  }

  private parseObjectType(): TypeObject {
    const open = this.next();
    const saved = this.nlSignificant;
    this.nlSignificant = true;
    const props: TypeProperty[] = [];
    for (;;) {
      const t = this.tok;
      if (t.k === T.RBrace) {
        this.next();
        break;
      }
      if (t.k === T.EOF || this.atStatementBoundary() || t.k === T.RBrack || t.k === T.RParen) {
        this.error(this.lastEnd, this.lastEnd, `expected '}' to close the object type opened at ${this.where(open.s)}`);
        break;
      }
      const before = this.pos;
      const decorators: Decorator[] = this.tk() === T.At ? this.parseDecorators() : [];
      const k = this.tok;
      if (k.k === T.Ident || k.k === T.String || k.k === T.Star) {
        this.next();
        let optional = false;
        if (this.tk() === T.Question) {
          this.next();
          optional = true;
        }
        if (this.expect(T.Colon, `':' after the property name '${k.v}'`)) {
          const type = this.parseType();
          props.push({ key: k.v, keyStart: k.s, optional, type, decorators, start: decorators[0]?.start ?? k.s, end: type.end });
          if (this.tk() === T.Comma) this.next();
          else if (this.tk() !== T.RBrace && !this.tok.nl && this.tk() !== T.EOF) {
            this.errorExpected("a new line or ',' after the property type");
            this.skipRestOfLine();
          }
        } else this.skipRestOfLine();
      } else {
        this.errorExpected('a property name in the object type');
        this.skipRestOfLine();
      }
      if (this.pos === before) this.next();
    }
    this.nlSignificant = saved;
    return { kind: 'typeObject', props, start: open.s, end: this.lastEnd };
  }

  private parseTupleType(): TypeTuple {
    const open = this.next();
    const saved = this.nlSignificant;
    this.nlSignificant = true;
    const items: TypeTuple['items'] = [];
    for (;;) {
      const t = this.tok;
      if (t.k === T.RBrack) {
        this.next();
        break;
      }
      if (t.k === T.EOF || this.atStatementBoundary() || t.k === T.RBrace || t.k === T.RParen) {
        this.error(this.lastEnd, this.lastEnd, `expected ']' to close the tuple type opened at ${this.where(open.s)}`);
        break;
      }
      const before = this.pos;
      const decorators = this.tk() === T.At ? this.parseDecorators() : [];
      items.push({ type: this.parseType(), decorators });
      if (this.tk() === T.Comma) this.next();
      else if (this.tk() !== T.RBrack && !this.tok.nl && this.tk() !== T.EOF) {
        this.errorExpected("a new line or ',' after the tuple item");
        this.skipRestOfLine();
      }
      if (this.pos === before) this.next();
    }
    this.nlSignificant = saved;
    return { kind: 'typeTuple', items, start: open.s, end: this.lastEnd };
  }
}
