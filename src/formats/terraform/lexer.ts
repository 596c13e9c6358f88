/**
 * HCL native-syntax scanner. HCL is modal: inside a quoted string or heredoc we are in "template" mode
 * (literal text, `${` and `%{` sequences), inside those sequences we are back in expression mode until the
 * matching `}`. The scanner keeps a mode stack and produces a flat token array for the parser.
 */

export type TokenType =
  | 'ident'
  | 'number'
  | 'oquote' // opening "
  | 'cquote' // closing "
  | 'oheredoc' // <<EOF or <<-EOF (text: marker)
  | 'cheredoc' // the closing marker line
  | 'strlit' // literal template text (text: decoded)
  | 'interp' // ${ or ${~
  | 'control' // %{ or %{~
  | 'seqend' // } or ~} closing an interp/control
  | 'punct'
  | 'newline'
  | 'eof'
  | 'invalid';

export interface Token {
  type: TokenType;
  start: number;
  end: number;
  /** Source text, except strlit (decoded value) and oheredoc (the marker). */
  text: string;
  /** Template strip marker: `${~` / `~}`; for oheredoc, `<<-` (indented). */
  flag?: boolean;
}

export interface RawComment {
  text: string;
  start: number;
  end: number;
}

export interface LexError {
  message: string;
  start: number;
  end: number;
}

export interface LexResult {
  tokens: Token[];
  comments: RawComment[];
  errors: LexError[];
}

type Mode =
  | { kind: 'quoted' }
  | { kind: 'heredoc'; marker: string; indent: number; stripIndent: boolean; bodyEnd: number; closeEnd: number }
  | { kind: 'seq'; braces: number };

/** Deepest template/interpolation nesting the scanner follows; deeper input is reported, not followed. */
const MAX_MODES = 64;

const PUNCT2 = new Set(['==', '!=', '<=', '>=', '&&', '||', '=>', '::']);
const PUNCT1 = '{}[](),.=<>+-*/%!?:';

function isIdentStart(c: number, text: string, i: number): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) return true;
  return c > 127 && /\p{ID_Start}/u.test(text[i]);
}

function isIdentPart(c: number, text: string, i: number): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45) return true;
  return c > 127 && /\p{ID_Continue}/u.test(text[i]);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `${~` / `%{~` trim whitespace at the end of the literal before; `~}` at the start of the literal after. */
function applyStripMarkers(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.flag) continue;
    if ((t.type === 'interp' || t.type === 'control') && tokens[i - 1]?.type === 'strlit') tokens[i - 1].text = tokens[i - 1].text.trimEnd();
    if (t.type === 'seqend' && tokens[i + 1]?.type === 'strlit') tokens[i + 1].text = tokens[i + 1].text.trimStart();
  }
}

/** Scan HCL source into tokens, comments and lexical errors. Never throws. */
export function lex(text: string): LexResult {
  return new Lexer(text).run();
}

class Lexer {
  private pos = 0;
  private readonly tokens: Token[] = [];
  private readonly comments: RawComment[] = [];
  private readonly errors: LexError[] = [];
  private readonly modes: Mode[] = [];

  constructor(private readonly text: string) {}

  run(): LexResult {
    const n = this.text.length;
    while (this.pos < n) {
      const mode = this.modes[this.modes.length - 1];
      if (mode?.kind === 'quoted') this.scanQuoted();
      else if (mode?.kind === 'heredoc') this.scanHeredoc(mode);
      else this.scanExpr(mode);
    }
    if (this.modes.length > 0) {
      const m = this.modes[this.modes.length - 1];
      const what = m.kind === 'quoted' ? 'a quoted string' : m.kind === 'heredoc' ? `heredoc <<${m.marker}` : 'a template sequence';
      this.errors.push({ message: `Unterminated ${what} at end of file`, start: n, end: n });
    }
    this.tokens.push({ type: 'eof', start: n, end: n, text: '' });
    applyStripMarkers(this.tokens);
    return { tokens: this.tokens, comments: this.comments, errors: this.errors };
  }

  private push(type: TokenType, start: number, end: number, text: string, flag?: boolean): void {
    const t: Token = { type, start, end, text };
    if (flag) t.flag = true;
    this.tokens.push(t);
  }

  private pushMode(m: Mode, at: number): boolean {
    if (this.modes.length >= MAX_MODES) {
      this.errors.push({ message: `Templates are nested more than ${MAX_MODES} levels deep`, start: at, end: at + 1 });
      return false;
    }
    this.modes.push(m);
    return true;
  }

  /** Expression mode: top level or inside `${ ... }` / `%{ ... }`. */
  private scanExpr(mode: Mode | undefined): void {
    const t = this.text;
    const n = t.length;
    while (this.pos < n) {
      const start = this.pos;
      const c = t.charCodeAt(start);
      if (c === 32 || c === 9 || c === 0xfeff) {
        this.pos++;
        continue;
      }
      if (c === 10 || c === 13) {
        const end = c === 13 && t.charCodeAt(start + 1) === 10 ? start + 2 : start + 1;
        this.push('newline', start, end, '\n');
        this.pos = end;
        continue;
      }
      if (c === 35 || (c === 47 && t.charCodeAt(start + 1) === 47)) {
        let e = start;
        while (e < n && t.charCodeAt(e) !== 10 && t.charCodeAt(e) !== 13) e++;
        this.comments.push({ text: t.slice(start, e), start, end: e });
        this.pos = e;
        continue;
      }
      if (c === 47 && t.charCodeAt(start + 1) === 42) {
        const close = t.indexOf('*/', start + 2);
        const e = close < 0 ? n : close + 2;
        if (close < 0) this.errors.push({ message: 'Unterminated /* comment', start, end: start + 2 });
        this.comments.push({ text: t.slice(start, e), start, end: e });
        this.pos = e;
        continue;
      }
      if (isIdentStart(c, t, start)) {
        let e = start + 1;
        while (e < n && isIdentPart(t.charCodeAt(e), t, e)) e++;
        this.push('ident', start, e, t.slice(start, e));
        this.pos = e;
        continue;
      }
      if (isDigit(c)) {
        this.pos = this.scanNumber(start);
        continue;
      }
      if (c === 34) {
        this.push('oquote', start, start + 1, '"');
        this.pos = start + 1;
        if (this.pushMode({ kind: 'quoted' }, start)) return;
        continue;
      }
      if (c === 60 && t.charCodeAt(start + 1) === 60 && this.tryHeredoc(start)) return;
      if (mode?.kind === 'seq') {
        if (c === 126 && t.charCodeAt(start + 1) === 125 && mode.braces === 0) {
          this.push('seqend', start, start + 2, '~}', true);
          this.pos = start + 2;
          this.modes.pop();
          return;
        }
        if (c === 123) mode.braces++;
        if (c === 125) {
          if (mode.braces === 0) {
            this.push('seqend', start, start + 1, '}');
            this.pos = start + 1;
            this.modes.pop();
            return;
          }
          mode.braces--;
        }
      }
      const c2 = t.charCodeAt(start + 1);
      if (c === 46 && c2 === 46 && t.charCodeAt(start + 2) === 46) {
        this.push('punct', start, start + 3, '...');
        this.pos = start + 3;
      } else if (c2 === 61 || c2 === 38 || c2 === 124 || c2 === 62 || c2 === 58 ? PUNCT2.has(t.slice(start, start + 2)) : false) {
        this.push('punct', start, start + 2, t.slice(start, start + 2));
        this.pos = start + 2;
      } else if (PUNCT1.includes(t[start])) {
        this.push('punct', start, start + 1, t[start]);
        this.pos = start + 1;
      } else {
        // Surrogate pairs stay together so the message quotes a whole character.
        const len = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
        this.push('invalid', start, start + len, t.slice(start, start + len));
        this.pos = start + len;
      }
    }
  }

  private scanNumber(start: number): number {
    const t = this.text;
    let e = start;
    while (isDigit(t.charCodeAt(e))) e++;
    if (t.charCodeAt(e) === 46 && isDigit(t.charCodeAt(e + 1))) {
      e++;
      while (isDigit(t.charCodeAt(e))) e++;
    }
    const x = t.charCodeAt(e);
    if (x === 101 || x === 69) {
      let f = e + 1;
      if (t.charCodeAt(f) === 43 || t.charCodeAt(f) === 45) f++;
      if (isDigit(t.charCodeAt(f))) {
        while (isDigit(t.charCodeAt(f))) f++;
        e = f;
      }
    }
    this.push('number', start, e, t.slice(start, e));
    return e;
  }

  /** `<<EOF` / `<<-EOF` followed by a newline starts a heredoc; anything else is two `<` tokens. */
  private tryHeredoc(start: number): boolean {
    const t = this.text;
    let i = start + 2;
    const stripIndent = t.charCodeAt(i) === 45;
    if (stripIndent) i++;
    const idStart = i;
    if (!isIdentStart(t.charCodeAt(i), t, i)) return false;
    while (i < t.length && isIdentPart(t.charCodeAt(i), t, i)) i++;
    const marker = t.slice(idStart, i);
    let bodyStart = i;
    if (t.charCodeAt(bodyStart) === 13) bodyStart++;
    if (t.charCodeAt(bodyStart) !== 10) return false;
    bodyStart++;
    // Find the closing line: only the marker, optionally indented.
    let lineStart = bodyStart;
    let bodyEnd = t.length;
    let closeEnd = t.length;
    let indent = Infinity;
    while (lineStart < t.length) {
      let nl = t.indexOf('\n', lineStart);
      if (nl < 0) nl = t.length;
      const line = t.slice(lineStart, nl).replace(/\r$/, '');
      if (line.trim() === marker) {
        bodyEnd = lineStart;
        closeEnd = lineStart + line.length;
        break;
      }
      if (line.trim() !== '') indent = Math.min(indent, line.length - line.trimStart().length);
      lineStart = nl + 1;
    }
    if (bodyEnd === t.length) {
      this.errors.push({ message: `Heredoc <<${marker} is never closed: expected a line containing only ${marker}`, start, end: i });
    }
    this.push('oheredoc', start, bodyStart, marker, stripIndent);
    this.pos = bodyStart;
    const mode: Mode = { kind: 'heredoc', marker, indent: indent === Infinity ? 0 : indent, stripIndent, bodyEnd, closeEnd };
    if (!this.pushMode(mode, start)) {
      this.pos = closeEnd;
      this.push('cheredoc', bodyEnd, closeEnd, marker);
    }
    return true;
  }

  /** Template text inside a quoted string: escapes are decoded; a newline ends the string with an error. */
  private scanQuoted(): void {
    const t = this.text;
    const n = t.length;
    const lit = new Literal(this);
    while (this.pos < n) {
      const i = this.pos;
      const c = t.charCodeAt(i);
      if (c === 34) {
        lit.flush(i);
        this.push('cquote', i, i + 1, '"');
        this.pos = i + 1;
        this.modes.pop();
        return;
      }
      if (c === 10 || c === 13) {
        lit.flush(i);
        this.errors.push({ message: 'Unterminated string: a quoted string cannot span lines (use a heredoc)', start: i, end: i });
        this.push('cquote', i, i, '"');
        this.modes.pop();
        return;
      }
      if (this.startsSequence(i, lit)) return;
      if ((c === 36 || c === 37) && t.charCodeAt(i + 1) === c && t.charCodeAt(i + 2) === 123) {
        lit.add(t[i] + '{', i);
        this.pos = i + 3;
        continue;
      }
      if (c === 92) {
        const [decoded, len] = this.escape(i);
        lit.add(decoded, i);
        this.pos = i + len;
        continue;
      }
      // A run of plain characters in one slice keeps long strings linear.
      let e = i + 1;
      while (e < n) {
        const d = t.charCodeAt(e);
        if (d === 34 || d === 10 || d === 13 || d === 92 || d === 36 || d === 37) break;
        e++;
      }
      lit.add(t.slice(i, e), i);
      this.pos = e;
    }
    lit.flush(this.pos);
  }

  /** `${` / `%{` inside a template: emit what came before, then the sequence opener. */
  private startsSequence(i: number, lit: Literal): boolean {
    const t = this.text;
    const c = t.charCodeAt(i);
    if ((c !== 36 && c !== 37) || t.charCodeAt(i + 1) !== 123) return false;
    lit.flush(i);
    const strip = t.charCodeAt(i + 2) === 126;
    const end = i + (strip ? 3 : 2);
    this.push(c === 36 ? 'interp' : 'control', i, end, t.slice(i, end), strip);
    this.pos = end;
    this.pushMode({ kind: 'seq', braces: 0 }, i);
    return true;
  }

  private escape(i: number): [string, number] {
    const t = this.text;
    const e = t[i + 1];
    switch (e) {
      case 'n':
        return ['\n', 2];
      case 'r':
        return ['\r', 2];
      case 't':
        return ['\t', 2];
      case '"':
        return ['"', 2];
      case '\\':
        return ['\\', 2];
      case 'u':
      case 'U': {
        const len = e === 'u' ? 4 : 8;
        const hex = t.slice(i + 2, i + 2 + len);
        if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === len) {
          const cp = parseInt(hex, 16);
          if (cp <= 0x10ffff) return [String.fromCodePoint(cp), 2 + len];
        }
        break;
      }
    }
    this.errors.push({ message: `Invalid escape sequence \\${e ?? ''} in string`, start: i, end: Math.min(i + 2, t.length) });
    return [e ?? '', e === undefined ? 1 : 2];
  }

  /** Heredoc body: no backslash escapes; `<<-` strips the common indentation of its lines. */
  private scanHeredoc(mode: Extract<Mode, { kind: 'heredoc' }>): void {
    const t = this.text;
    const lit = new Literal(this);
    while (this.pos < mode.bodyEnd) {
      const i = this.pos;
      if (mode.stripIndent && (i === 0 || t.charCodeAt(i - 1) === 10)) {
        let k = 0;
        while (k < mode.indent && (t.charCodeAt(i + k) === 32 || t.charCodeAt(i + k) === 9)) k++;
        if (k > 0) {
          this.pos = i + k;
          continue;
        }
      }
      const c = t.charCodeAt(i);
      if (this.startsSequence(i, lit)) return;
      if ((c === 36 || c === 37) && t.charCodeAt(i + 1) === c && t.charCodeAt(i + 2) === 123) {
        lit.add(t[i] + '{', i);
        this.pos = i + 3;
        continue;
      }
      if (c === 13 && t.charCodeAt(i + 1) === 10) {
        this.pos = i + 1;
        continue;
      }
      let e = i + 1;
      while (c !== 10 && e < mode.bodyEnd) {
        const d = t.charCodeAt(e);
        if (d === 10) {
          e++;
          break;
        }
        if (d === 13 || d === 36 || d === 37) break;
        e++;
      }
      lit.add(t.slice(i, e), i);
      this.pos = e;
    }
    lit.flush(mode.bodyEnd);
    this.push('cheredoc', mode.bodyEnd, mode.closeEnd, mode.marker);
    // An interpolation may have run past the closing line; never move backwards.
    this.pos = Math.max(this.pos, mode.closeEnd);
    this.modes.pop();
  }

  /** Used by Literal to emit a string token. */
  emitLiteral(start: number, end: number, value: string): void {
    this.push('strlit', start, end, value);
  }
}

/** Accumulates one literal run of template text (decoded) and where it started. */
class Literal {
  private parts: string[] = [];
  private start = -1;

  constructor(private readonly lexer: Lexer) {}

  add(s: string, at: number): void {
    if (this.start < 0) this.start = at;
    this.parts.push(s);
  }

  flush(end: number): void {
    if (this.start >= 0) this.lexer.emitLiteral(this.start, end, this.parts.join(''));
    this.parts = [];
    this.start = -1;
  }
}
