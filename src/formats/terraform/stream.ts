import type { Token } from './lexer.js';

/** Deepest nesting of blocks and expressions the parser follows before it reports and skips. */
export const MAX_DEPTH = 128;

/** A syntax error inside a top-level item; the parser catches it and resumes at the next top-level block. */
export class HclSyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

/**
 * Token cursor. Newlines are significant in bodies and object constructors but not inside parentheses,
 * brackets or template sequences; `withNewlines` tracks which applies at the current point.
 */
export class TokenStream {
  private i = 0;
  private readonly nlIgnored: boolean[] = [false];
  depth = 0;

  constructor(readonly tokens: Token[]) {}

  get index(): number {
    return this.i;
  }

  set index(v: number) {
    this.i = v;
  }

  private skipIgnoredNewlines(): void {
    if (this.nlIgnored[this.nlIgnored.length - 1]) {
      while (this.tokens[this.i].type === 'newline') this.i++;
    }
  }

  /** The next meaningful token, without consuming it. */
  peek(): Token {
    this.skipIgnoredNewlines();
    return this.tokens[this.i];
  }

  /** The token after the next one (newlines counted as tokens). */
  peekAt(ahead: number): Token {
    this.skipIgnoredNewlines();
    return this.tokens[Math.min(this.i + ahead, this.tokens.length - 1)];
  }

  /** Consume and return the next meaningful token (never past end of file). */
  next(): Token {
    this.skipIgnoredNewlines();
    const t = this.tokens[this.i];
    if (t.type !== 'eof') this.i++;
    return t;
  }

  /** The most recently consumed token. */
  prev(): Token {
    return this.tokens[Math.max(0, this.i - 1)];
  }

  isPunct(text: string): boolean {
    const t = this.peek();
    return t.type === 'punct' && t.text === text;
  }

  /** Consume the punctuation if it is next. */
  eat(text: string): boolean {
    if (!this.isPunct(text)) return false;
    this.next();
    return true;
  }

  /** Consume the punctuation or fail with a message naming what we found. */
  expect(text: string, context: string): Token {
    const t = this.peek();
    if (t.type === 'punct' && t.text === text) return this.next();
    throw new HclSyntaxError(`Expected '${text}' ${context}, found ${describeToken(t)}`, t.start, Math.max(t.end, t.start + 1));
  }

  /** Skip newlines (used where blank lines are allowed). */
  skipNewlines(): void {
    while (this.tokens[this.i].type === 'newline') this.i++;
  }

  /** Run `fn` with newlines ignored (true) or significant (false), restoring the previous rule after. */
  withNewlines<T>(ignored: boolean, fn: () => T): T {
    this.nlIgnored.push(ignored);
    try {
      return fn();
    } finally {
      this.nlIgnored.pop();
    }
  }

  /** Enter one nesting level; fails cleanly instead of overflowing the stack on absurd input. */
  enter(at: Token): void {
    if (++this.depth > MAX_DEPTH) {
      throw new HclSyntaxError(`Nesting is deeper than ${MAX_DEPTH} levels; the rest of this block is skipped`, at.start, at.end);
    }
  }

  leave(): void {
    this.depth--;
  }
}

/** "'foo'", "end of file", "a newline" — for error messages. */
export function describeToken(t: Token): string {
  switch (t.type) {
    case 'eof':
      return 'end of file';
    case 'newline':
      return 'a newline';
    case 'oquote':
      return 'a string';
    case 'oheredoc':
      return 'a heredoc';
    case 'strlit':
      return 'string text';
    case 'cquote':
      return "'\"'";
    case 'invalid':
      return t.text === '\u0000' ? 'a NUL character' : `the character '${t.text}'`;
    default:
      return `'${t.text.length > 40 ? t.text.slice(0, 40) + '…' : t.text}'`;
  }
}
