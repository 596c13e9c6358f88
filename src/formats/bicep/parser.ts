import type { Diagnostic } from '../../model/diagnostic.js';
import { LineIndex } from '../../model/location.js';
import type { SourceComment } from '../../model/resource.js';
import type {
  Decorator, Expr, ExtensionDecl, FuncDecl, Ident, ImportDecl, ModuleDecl, Program, ResourceDecl, Statement, TestDecl, TypeExpr,
  UsingDecl,
} from './ast.js';
import { lex } from './lexer.js';
import { TypeParser } from './parser-types.js';
import { T } from './tokens.js';

/** Statement layer: declarations, decorators, and top-level error recovery. */
class BicepParser extends TypeParser {
  parseProgram(): Program {
    const statements: Statement[] = [];
    while (this.tk() !== T.EOF) {
      const before = this.pos;
      const stmt = this.parseStatement();
      statements.push(stmt);
      if (stmt.kind !== 'errorStatement' && this.tk() !== T.EOF && !this.tok.nl) {
        if (this.lastErrorAt !== this.tok.s) {
          if (stmt.kind === 'param' && !stmt.value && this.tk() === T.LBrace) {
            // `param name type { default: ..., secure: true }` is Bicep's pre-0.4 syntax; say so rather than only "unexpected".
            this.error(this.tok.s, this.tok.e, 'parameter modifiers in braces are old Bicep syntax that current Bicep no longer accepts; use decorators such as @secure() and `= default` instead');
          } else {
            this.error(this.tok.s, this.tok.e, `unexpected ${this.describe()} after the declaration; each declaration ends at the end of its line`);
          }
        }
        this.skipToNextDeclaration();
      }
      if (this.pos === before) this.skipToNextDeclaration();
    }
    return { kind: 'program', statements, start: 0, end: this.text.length };
  }

  private describe(): string {
    return this.tk() === T.Ident ? `'${this.tok.v}'` : `'${this.tok.v || this.text.slice(this.tok.s, this.tok.e)}'`;
  }

  protected parseDecorators(): Decorator[] {
    const out: Decorator[] = [];
    while (this.tk() === T.At) {
      const at = this.next();
      const name = this.expect(T.Ident, "a decorator name after '@'");
      if (!name) {
        this.skipRestOfLine();
        continue;
      }
      let full = name.v;
      while (this.tk() === T.Dot && this.peek().k === T.Ident) {
        this.next();
        full += '.' + this.next().v;
      }
      const args: Expr[] = this.tk() === T.LParen && !this.tok.nl ? this.parseArgs() : [];
      out.push({ name: full, args, start: at.s, end: this.lastEnd });
      // Declarations need their decorators on lines of their own; inside types and objects we are lenient.
      if (this.depth === 0 && this.tk() !== T.EOF && !this.tok.nl) {
        this.errorExpected('a new line after the decorator');
        this.skipRestOfLine();
      }
    }
    return out;
  }

  private name(what: string): Ident | undefined {
    const t = this.expect(T.Ident, `the ${what} name`);
    return t && { kind: 'ident', name: t.v, start: t.s, end: t.e };
  }

  /**
   * `= value` where the value must start on the same line, except that a resource or module body
   * (`if (...) {`, `{` or `[for ...]`) may start on the next one, as the Bicep compiler accepts.
   */
  private assigned(what: string, bodyMayWrap = false): Expr {
    if (!this.expect(T.Assign, `'=' after the ${what}`)) return this.errorExpr(this.lastEnd);
    const wrapsToBody = bodyMayWrap && (this.tk() === T.LBrace || this.tk() === T.LBrack || this.isWord('if'));
    if ((this.tok.nl && !wrapsToBody) || this.tk() === T.EOF) {
      this.errorExpected(`a value after '=' in the ${what}`);
      return this.errorExpr(this.lastEnd);
    }
    return this.parseExpression();
  }

  private parseStatement(): Statement {
    const start = this.tok.s;
    const decorators = this.tk() === T.At ? this.parseDecorators() : [];
    const kw = this.tok;
    const base = { decorators, keywordStart: kw.s, start };
    if (kw.k !== T.Ident || !this.isDeclarationAt(this.pos)) {
      if (kw.k === T.EOF) {
        if (decorators.length) this.error(kw.s, kw.s, 'expected a declaration after the decorators but found end of file');
        return { kind: 'errorStatement', start, end: kw.s };
      }
      this.error(kw.s, kw.e, `expected a declaration (param, var, resource, module, output, type, func, import, ...) but found ${this.describe()}`);
      this.skipToNextDeclaration();
      return { kind: 'errorStatement', start, end: this.lastEnd };
    }
    this.next();
    switch (kw.v) {
      case 'targetScope': {
        const value = this.assigned('targetScope');
        return { kind: 'targetScope', value, ...base, end: this.lastEnd };
      }
      case 'metadata':
      case 'assert': {
        const id = this.name(kw.v)!;
        const value = this.assigned(`${kw.v} '${id.name}'`);
        return { kind: kw.v, name: id.name, nameStart: id.start, nameEnd: id.end, value, ...base, end: this.lastEnd };
      }
      case 'param': {
        const id = this.name('parameter')!;
        let type: TypeExpr | undefined;
        if (this.tk() !== T.Assign && !this.tok.nl && this.tk() !== T.EOF) type = this.parseType();
        let value: Expr | undefined;
        if (this.tk() === T.Assign) value = this.assigned(`parameter '${id.name}'`);
        else if (type === undefined) this.errorExpected(`a type or '=' after the parameter name '${id.name}'`);
        return { kind: 'param', name: id.name, nameStart: id.start, nameEnd: id.end, type, value, ...base, end: this.lastEnd };
      }
      case 'var': {
        const id = this.name('variable')!;
        const type = this.tk() !== T.Assign && !this.tok.nl ? this.parseType() : undefined;
        const value = this.assigned(`variable '${id.name}'`);
        return { kind: 'var', name: id.name, nameStart: id.start, nameEnd: id.end, type, value, ...base, end: this.lastEnd };
      }
      case 'output': {
        const id = this.name('output')!;
        const type = this.parseType();
        const value = this.assigned(`output '${id.name}'`);
        return { kind: 'output', name: id.name, nameStart: id.start, nameEnd: id.end, type, value, ...base, end: this.lastEnd };
      }
      case 'type': {
        const id = this.name('type')!;
        if (!this.expect(T.Assign, `'=' after the type name '${id.name}'`)) this.skipRestOfLine();
        const type = this.parseType();
        return { kind: 'type', name: id.name, nameStart: id.start, nameEnd: id.end, type, ...base, end: this.lastEnd };
      }
      case 'resource':
        return this.finishResource(decorators, start, kw.s);
      case 'module':
        return this.parseModule(decorators, start, kw.s);
      case 'test':
        return this.parseTest(decorators, start, kw.s);
      case 'func':
        return this.parseFunc(decorators, start, kw.s);
      case 'import':
        return this.parseImport(decorators, start, kw.s);
      case 'extension':
      case 'provider':
        return this.parseExtension(kw.v, decorators, start, kw.s);
      case 'using':
        return this.parseUsing(decorators, start, kw.s);
      case 'extends': {
        const p = this.next();
        return { kind: 'extends', path: p.v, ...base, end: this.lastEnd };
      }
    }
    return { kind: 'errorStatement', start, end: this.lastEnd };
  }

  protected parseResourceDecl(decorators: Decorator[], start: number): ResourceDecl {
    const kw = this.next();
    return this.finishResource(decorators, start, kw.s);
  }

  /** `resource name 'type@version' existing? = body`, after the keyword. */
  private finishResource(decorators: Decorator[], start: number, keywordStart: number): ResourceDecl {
    const id = this.name('resource')!;
    const typeTok = this.tok;
    let resourceType = '';
    if (typeTok.k === T.String) {
      this.next();
      resourceType = typeTok.v;
    } else {
      this.errorExpected("the resource type as a string, like 'Microsoft.KeyVault/vaults@2023-07-01'");
      if (typeTok.k === T.StrLeft) this.parseExpression();
    }
    let existing = false;
    if (this.isWord('existing')) {
      this.next();
      existing = true;
    }
    const body = this.assigned(`resource '${id.name}'`, true);
    return {
      kind: 'resource', name: id.name, nameStart: id.start, nameEnd: id.end, resourceType, typeStart: typeTok.s, typeEnd: typeTok.e,
      existing, body, decorators, keywordStart, start, end: this.lastEnd,
    };
  }

  private parseModule(decorators: Decorator[], start: number, keywordStart: number): ModuleDecl {
    return { kind: 'module', ...this.pathDeclaration('module', "the module path as a string, like './storage.bicep'"), decorators, keywordStart, start, end: this.lastEnd };
  }

  /** `test name 'file.bicep' = { params: {...} }`, after the keyword: read for syntax only. */
  private parseTest(decorators: Decorator[], start: number, keywordStart: number): TestDecl {
    return { kind: 'test', ...this.pathDeclaration('test', "the file under test as a string, like './main.bicep'"), decorators, keywordStart, start, end: this.lastEnd };
  }

  /** The shared shape of `module` and `test`: a name, a quoted file path, `=` and a body. */
  private pathDeclaration(keyword: 'module' | 'test', pathHint: string) {
    const id = this.name(keyword)!;
    const p = this.tok;
    let path = '';
    if (p.k === T.String) {
      this.next();
      path = p.v;
    } else {
      this.errorExpected(pathHint);
    }
    const body = this.assigned(`${keyword} '${id.name}'`, true);
    return { name: id.name, nameStart: id.start, nameEnd: id.end, path, pathStart: p.s, pathEnd: p.e, body };
  }

  /** `func name(a type, b type) returnType => body`. */
  private parseFunc(decorators: Decorator[], start: number, keywordStart: number): FuncDecl {
    const id = this.name('function')!;
    const params: FuncDecl['params'] = [];
    const open = this.expect(T.LParen, `'(' after the function name '${id.name}'`);
    if (open) {
      const saved = this.nlSignificant;
      this.nlSignificant = false;
      while (this.tk() === T.Ident) {
        const p = this.next();
        const type = this.parseType();
        params.push({ name: { kind: 'ident', name: p.v, start: p.s, end: p.e }, type });
        if (this.tk() === T.Comma) this.next();
        else break;
      }
      this.nlSignificant = saved;
      if (this.tk() === T.RParen) this.next();
      else this.error(this.tok.s, this.tok.e, `expected ')' to close the parameter list opened at ${this.where(open.s)}`);
    }
    const returnType = this.parseType();
    let body: Expr;
    if (this.expect(T.Arrow, "'=>' before the function body")) body = this.parseExpression();
    else body = this.errorExpr(this.lastEnd);
    return {
      kind: 'func', name: id.name, nameStart: id.start, nameEnd: id.end, params, returnType, body, decorators, keywordStart, start,
      end: this.lastEnd,
    };
  }

  /** `with {...}` and `as alias` tails of import, extension and using. */
  private parseWithAs(): { config: Expr | undefined; alias: string | undefined } {
    let config: Expr | undefined;
    let alias: string | undefined;
    if (this.isWord('with') && !this.tok.nl) {
      this.next();
      config = this.parseExpression();
    }
    if (this.isWord('as') && !this.tok.nl) {
      this.next();
      alias = this.expect(T.Ident, "an alias after 'as'")?.v;
    }
    // The oldest form put the configuration object after the alias.
    if (config === undefined && this.tk() === T.LBrace && !this.tok.nl) config = this.parseObject();
    return { config, alias };
  }

  private parseImport(decorators: Decorator[], start: number, keywordStart: number): ImportDecl {
    const d: ImportDecl = {
      kind: 'import', items: [], wildcard: undefined, from: undefined, spec: undefined, config: undefined, alias: undefined,
      decorators, keywordStart, start, end: start,
    };
    const from = (): void => {
      if (this.isWord('from')) {
        this.next();
        const p = this.expect(T.String, "the file or registry reference after 'from'");
        d.from = p?.v;
      } else this.errorExpected("'from' after the imported names");
    };
    if (this.tk() === T.LBrace) {
      const open = this.next();
      const saved = this.nlSignificant;
      this.nlSignificant = false;
      while (this.tk() === T.Ident || this.tk() === T.String) {
        const n = this.next();
        let alias = n.v;
        if (this.isWord('as')) {
          this.next();
          alias = this.expect(T.Ident, "an alias after 'as'")?.v ?? n.v;
        }
        d.items.push({ name: n.v, alias, start: n.s, end: this.lastEnd });
        if (this.tk() === T.Comma) this.next();
      }
      this.nlSignificant = saved;
      if (this.tk() === T.RBrace) this.next();
      else this.error(this.tok.s, this.tok.e, `expected '}' to close the import list opened at ${this.where(open.s)}`);
      from();
    } else if (this.tk() === T.Star) {
      this.next();
      if (this.isWord('as')) {
        this.next();
        d.wildcard = this.expect(T.Ident, "a namespace name after 'import * as'")?.v;
      } else this.errorExpected("'as' after 'import *'");
      from();
    } else {
      // Older provider form: `import 'az@1.0.0' with {...} as alias` or `import kubernetes as k8s`.
      d.spec = this.next().v;
      const tail = this.parseWithAs();
      d.config = tail.config;
      d.alias = tail.alias;
    }
    d.end = this.lastEnd;
    return d;
  }

  private parseExtension(keyword: 'extension' | 'provider', decorators: Decorator[], start: number, keywordStart: number): ExtensionDecl {
    const spec = this.next().v;
    const { config, alias } = this.parseWithAs();
    return { kind: 'extension', keyword, spec, config, alias, decorators, keywordStart, start, end: this.lastEnd };
  }

  private parseUsing(decorators: Decorator[], start: number, keywordStart: number): UsingDecl {
    const p = this.next();
    const none = p.k === T.Ident && p.v === 'none';
    if (p.k === T.Ident && !none) this.error(p.s, p.e, `expected a path string or 'none' after 'using' but found '${p.v}'`);
    const { config } = this.parseWithAs();
    return {
      kind: 'using', path: p.k === T.String ? p.v : undefined, pathStart: p.s, pathEnd: p.e, none, config, decorators, keywordStart,
      start, end: this.lastEnd,
    };
  }
}

/** The result of parsing one Bicep or .bicepparam text. */
export interface BicepParse {
  ast: Program;
  diagnostics: Diagnostic[];
  comments: SourceComment[];
  index: LineIndex;
}

/** Parses Bicep (or .bicepparam) source into a syntax tree, syntax diagnostics and comments; never throws. */
export function parseBicep(text: string, file: string, index: LineIndex = new LineIndex(text)): BicepParse {
  const { tokens, comments, problems } = lex(text);
  const parser = new BicepParser(tokens, text, file, index);
  for (const p of problems) parser.error(p.start, p.end, p.message);
  const ast = parser.parseProgram();
  const diagnostics = parser.diagnostics.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
  return {
    ast,
    diagnostics,
    comments: comments.map((c) => ({ text: c.text, loc: index.location(file, c.start, c.end) })),
    index,
  };
}
