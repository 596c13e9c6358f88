import type { Diagnostic } from '../../model/diagnostic.js';
import type { LineIndex } from '../../model/location.js';
import { describeToken, T, type Token } from './tokens.js';

/** Deepest nesting of expressions and types the parser follows; deeper input gets a BICEP-DEPTH diagnostic. */
export const MAX_DEPTH = 200;
/** At most this many syntax diagnostics per file; garbage input would otherwise flood the report. */
const MAX_DIAGNOSTICS = 100;

/** Words that begin a declaration, and what must follow them for the line to be read as one. */
const DECLARATION_WORDS = new Set([
  'param', 'var', 'resource', 'module', 'output', 'type', 'func', 'metadata', 'assert',
  'targetScope', 'import', 'extension', 'provider', 'using', 'extends', 'test',
]);

/** Token cursor, diagnostics, nesting depth and error-recovery helpers shared by the parser layers. */
export abstract class ParserBase {
  protected pos = 0;
  protected tok: Token;
  protected depth = 0;
  /** Whether a line break ends the current construct (true at top level and in objects/arrays, false in parentheses). */
  protected nlSignificant = true;
  private depthReported = false;
  /** Offset of the last reported error, so that one bad token is reported once. */
  protected lastErrorAt = -1;
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    protected readonly tokens: Token[],
    protected readonly text: string,
    protected readonly file: string,
    protected readonly index: LineIndex,
  ) {
    this.tok = tokens[0];
  }

  /** Kind of the current token (a call, so that TypeScript does not narrow it across `next()`). */
  protected tk(): T {
    return this.tok.k;
  }

  /** The token `offset` places ahead of the current one (EOF past the end). */
  protected peek(offset = 1): Token {
    const i = this.pos + offset;
    return this.tokens[i < this.tokens.length ? i : this.tokens.length - 1];
  }

  /** Moves past the current token and returns it. */
  protected next(): Token {
    const t = this.tok;
    if (this.pos < this.tokens.length - 1) this.pos++;
    this.tok = this.tokens[this.pos];
    return t;
  }

  /** The end offset of the last consumed token. */
  protected get lastEnd(): number {
    return this.pos > 0 ? this.tokens[this.pos - 1].e : 0;
  }

  protected isWord(word: string): boolean {
    return this.tk() === T.Ident && this.tok.v === word;
  }

  /** "line:column" of an offset, for messages. */
  protected where(offset: number): string {
    const p = this.index.position(offset);
    return `${p.line}:${p.column}`;
  }

  /** Records a diagnostic over [start, end). */
  error(start: number, end: number, message: string, code = 'BICEP-SYNTAX'): void {
    this.lastErrorAt = start;
    if (this.diagnostics.length > MAX_DIAGNOSTICS) return;
    if (this.diagnostics.length === MAX_DIAGNOSTICS) {
      message = 'too many syntax errors; the rest of the file is not reported';
    }
    this.diagnostics.push({ code, severity: 'error', message, location: this.index.location(this.file, start, Math.max(start, end)) });
  }

  /** Records "expected X but found Y" at the current token. */
  protected errorExpected(what: string): void {
    const t = this.tok;
    const found = t.nl && t.k !== T.EOF && this.nlSignificant ? 'a new line' : describeToken(t);
    const at = found === 'a new line' ? this.lastEnd : t.s;
    this.error(at, found === 'a new line' ? at : t.e, `expected ${what} but found ${found}`);
  }

  /** Consumes a token of kind `k`, or reports that `what` was expected and consumes nothing. */
  protected expect(k: T, what: string): Token | undefined {
    if (this.tk() === k) return this.next();
    this.errorExpected(what);
    return undefined;
  }

  /** Reports the nesting limit once per file. */
  protected reportDepth(start: number): void {
    if (this.depthReported) return;
    this.depthReported = true;
    this.error(start, start + 1, `nesting is deeper than ${MAX_DEPTH} levels; the deeper part is skipped`, 'BICEP-DEPTH');
  }

  /** Whether the token at `i` begins a declaration (a declaration word followed by what that declaration needs). */
  protected isDeclarationAt(i: number): boolean {
    const t = this.tokens[i];
    if (t === undefined) return false;
    const n = this.tokens[i + 1] ?? t;
    if (t.k === T.At) return n.k === T.Ident && !n.nl;
    if (t.k !== T.Ident || !DECLARATION_WORDS.has(t.v) || n.nl) return false;
    switch (t.v) {
      case 'targetScope':
        return n.k === T.Assign;
      case 'import':
        return n.k === T.LBrace || n.k === T.Star || n.k === T.String || n.k === T.Ident;
      case 'extension':
      case 'provider':
      case 'using':
        return n.k === T.String || n.k === T.Ident;
      case 'extends':
        return n.k === T.String;
      default:
        return n.k === T.Ident;
    }
  }

  /** Whether the token is the first thing on its line (column 1). */
  protected atColumnOne(t: Token): boolean {
    if (t.s === 0) return true;
    const c = this.text.charCodeAt(t.s - 1);
    return c === 10 || c === 13 || (t.s === 1 && c === 0xfeff);
  }

  /**
   * Whether the current token, first on its line, clearly starts a new top-level declaration, so that an
   * unclosed object or array should stop here. Nested `resource` declarations and decorators are allowed
   * inside objects, so they only count when written at column 1.
   */
  protected atStatementBoundary(): boolean {
    const t = this.tok;
    if (!t.nl || !this.isDeclarationAt(this.pos)) return false;
    if (t.k === T.At || t.v === 'resource') return this.atColumnOne(t);
    return true;
  }

  /**
   * Skips tokens up to the end of the current line, stepping over bracketed groups whole, and stops before a
   * closing bracket of the enclosing construct. Iterative, so any nesting depth is safe.
   */
  protected skipRestOfLine(): void {
    let balance = 0;
    let first = true;
    while (this.tk() !== T.EOF) {
      const t = this.tok;
      if (!first && t.nl && (balance === 0 || this.atStatementBoundary())) return;
      first = false;
      if (t.k === T.LBrace || t.k === T.LBrack || t.k === T.LParen || t.k === T.StrLeft) balance++;
      else if (t.k === T.RBrace || t.k === T.RBrack || t.k === T.RParen || t.k === T.StrRight) {
        if (balance === 0) return;
        balance--;
      }
      this.next();
    }
  }

  /** Skips to the next token that starts a declaration on a new line (top-level recovery). */
  protected skipToNextDeclaration(): void {
    this.next();
    while (this.tk() !== T.EOF) {
      if (this.tok.nl && this.isDeclarationAt(this.pos)) return;
      this.next();
    }
  }
}
