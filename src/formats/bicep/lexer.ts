import { T, Token } from './tokens.js';

/** A problem found while reading characters; the parser turns these into diagnostics. */
export interface LexProblem {
  start: number;
  end: number;
  message: string;
}

/** A comment as offsets; converted to a SourceComment by the front end. */
export interface RawComment {
  start: number;
  end: number;
  text: string;
}

/** The lexer's output: all tokens (ending with EOF), the comments, and character-level problems. */
export interface LexResult {
  tokens: Token[];
  comments: RawComment[];
  problems: LexProblem[];
}

/** Text of fixed tokens, so that the lexer does not allocate a string for each. */
const PUNCTUATION: Partial<Record<T, string>> = {
  [T.LBrace]: '{', [T.RBrace]: '}', [T.LBrack]: '[', [T.RBrack]: ']', [T.LParen]: '(', [T.RParen]: ')', [T.Comma]: ',',
  [T.Dot]: '.', [T.Colon]: ':', [T.DoubleColon]: '::', [T.Question]: '?', [T.DoubleQuestion]: '??', [T.Arrow]: '=>',
  [T.Assign]: '=', [T.Eq]: '==', [T.Neq]: '!=', [T.EqI]: '=~', [T.NeqI]: '!~', [T.Bang]: '!', [T.Lt]: '<', [T.Le]: '<=',
  [T.Gt]: '>', [T.Ge]: '>=', [T.Plus]: '+', [T.Minus]: '-', [T.Star]: '*', [T.Slash]: '/', [T.Percent]: '%', [T.And]: '&&',
  [T.Or]: '||', [T.At]: '@', [T.Pipe]: '|', [T.Ellipsis]: '...',
};

/** At most this many character-level problems are kept per file. */
const MAX_PROBLEMS = 100;

const enum Mode {
  Brace,
  Template,
}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isIdentPart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
}

/**
 * Reads string content from `i` up to the closing quote or the next `${`, pushes the token and returns the
 * offset after it. A plain function (not a closure) so that the lexer's position stays in a register.
 */
function scanString(
  text: string,
  i: number,
  tokStart: number,
  continuation: boolean,
  nl: boolean,
  tokens: Token[],
  modes: Mode[],
  problem: (p: LexProblem) => void,
): number {
  const n = text.length;
  let out = '';
  let seg = i;
  for (;;) {
    if (i >= n || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) {
      problem({ start: tokStart, end: i, message: 'unterminated string: a closing quote (\') is missing' });
      out += text.slice(seg, i);
      tokens.push(new Token(continuation ? T.StrRight : T.String, tokStart, i, nl, out));
      return i;
    }
    const c = text.charCodeAt(i);
    if (c === 39) {
      out += text.slice(seg, i);
      i++;
      tokens.push(new Token(continuation ? T.StrRight : T.String, tokStart, i, nl, out));
      return i;
    }
    if (c === 36 && text.charCodeAt(i + 1) === 123) {
      out += text.slice(seg, i);
      i += 2;
      modes.push(Mode.Template);
      tokens.push(new Token(continuation ? T.StrMid : T.StrLeft, tokStart, i, nl, out));
      return i;
    }
    if (c === 92) {
      out += text.slice(seg, i);
      const e = text.charCodeAt(i + 1);
      i += 2;
      switch (e) {
        case 110: out += '\n'; break;
        case 114: out += '\r'; break;
        case 116: out += '\t'; break;
        case 92: out += '\\'; break;
        case 39: out += "'"; break;
        case 36: out += '$'; break;
        case 117: {
          // \u{hex}
          const close = text.indexOf('}', i);
          const hex = text.charCodeAt(i) === 123 && close > i && close - i <= 7 ? text.slice(i + 1, close) : '';
          const cp = /^[0-9a-fA-F]{1,6}$/.test(hex) ? parseInt(hex, 16) : NaN;
          if (Number.isNaN(cp) || cp > 0x10ffff) {
            problem({ start: i - 2, end: i, message: "invalid unicode escape: write it as \\u{hex digits}" });
          } else {
            out += String.fromCodePoint(cp);
            i = close + 1;
          }
          break;
        }
        default:
          problem({
            start: i - 2,
            end: Math.min(i, n),
            message: "unknown escape sequence: only \\n, \\r, \\t, \\\\, \\', \\$ and \\u{...} are allowed",
          });
          if (i <= n) out += text.slice(i - 1, i);
      }
      seg = i;
      continue;
    }
    i++;
  }
}


/** Splits Bicep source into tokens. Interpolated strings become StrLeft / StrMid / StrRight around their expressions. */
export function lex(text: string): LexResult {
  const tokens: Token[] = [];
  const comments: RawComment[] = [];
  const problems: LexProblem[] = [];
  // Which kind of `{` each open brace was: a plain brace or a `${` inside a string.
  const modes: Mode[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let nl = false;
  // Garbage input must not produce millions of problems: the first ones are enough to act on.
  const problem = (p: LexProblem): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    // Whitespace and line breaks.
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    if (c === 10 || c === 13) {
      nl = true;
      i++;
      continue;
    }
    const start = i;
    if (isIdentStart(c)) {
      i++;
      while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      tokens.push(new Token(T.Ident, start, i, nl, text.slice(start, i)));
      nl = false;
      continue;
    }
    if (c >= 48 && c <= 57) {
      i++;
      while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      // Bicep numbers are integers; a fraction is read so that the error is about the number, not a stray dot.
      if (text.charCodeAt(i) === 46 && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57) {
        i++;
        while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      }
      tokens.push(new Token(T.Number, start, i, nl, text.slice(start, i)));
      nl = false;
      continue;
    }
    if (c === 35 && isIdentStart(text.charCodeAt(i + 1))) {
      // A compiler directive (`#disable-next-line BCP036`, `#disable-diagnostics`, ...) is trivia that runs to
      // the end of the line; a comment after it is still read as a comment.
      let j = i + 1;
      while (j < n) {
        const e = text.charCodeAt(j);
        if (e === 10 || e === 13) break;
        if (e === 47 && (text.charCodeAt(j + 1) === 47 || text.charCodeAt(j + 1) === 42)) break;
        j++;
      }
      i = j;
      continue;
    }
    if (c === 47) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        let j = i + 2;
        while (j < n && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
        comments.push({ start, end: j, text: text.slice(start, j) });
        i = j;
        continue;
      }
      if (d === 42) {
        let j = text.indexOf('*/', i + 2);
        if (j < 0) {
          problem({ start, end: n, message: 'unterminated comment: the closing */ is missing' });
          j = n;
        } else j += 2;
        const body = text.slice(start, j);
        comments.push({ start, end: j, text: body });
        if (body.includes('\n') || body.includes('\r')) nl = true;
        i = j;
        continue;
      }
    }
    if (c === 39) {
      if (text.charCodeAt(i + 1) === 39 && text.charCodeAt(i + 2) === 39) {
        let j = text.indexOf("'''", i + 3);
        let end: number;
        if (j < 0) {
          problem({ start, end: n, message: "unterminated multi-line string: the closing ''' is missing" });
          j = n;
          end = n;
        } else {
          // A run of more than three quotes closes with the last three; the extra quotes are content.
          while (text.charCodeAt(j + 3) === 39) j++;
          end = j + 3;
        }
        let body = text.slice(i + 3, j);
        // The first line break after the opening quotes is not part of the value.
        if (body.startsWith('\r\n')) body = body.slice(2);
        else if (body.startsWith('\n') || body.startsWith('\r')) body = body.slice(1);
        tokens.push(new Token(T.MultiString, start, end, nl, body));
        nl = false;
        i = end;
        continue;
      }
      i++;
      i = scanString(text, i, start, false, nl, tokens, modes, problem);
      nl = false;
      continue;
    }
    i++;
    let k: T;
    switch (c) {
      case 123:
        modes.push(Mode.Brace);
        k = T.LBrace;
        break;
      case 125:
        if (modes.length > 0 && modes.pop() === Mode.Template) {
          i = scanString(text, i, start, true, nl, tokens, modes, problem);
          nl = false;
          continue;
        }
        k = T.RBrace;
        break;
      case 91: k = T.LBrack; break;
      case 93: k = T.RBrack; break;
      case 40: k = T.LParen; break;
      case 41: k = T.RParen; break;
      case 44: k = T.Comma; break;
      case 46:
        if (text.charCodeAt(i) === 46 && text.charCodeAt(i + 1) === 46) {
          i += 2;
          k = T.Ellipsis;
        } else k = T.Dot;
        break;
      case 58:
        if (text.charCodeAt(i) === 58) {
          i++;
          k = T.DoubleColon;
        } else k = T.Colon;
        break;
      case 63:
        if (text.charCodeAt(i) === 63) {
          i++;
          k = T.DoubleQuestion;
        } else k = T.Question;
        break;
      case 61: {
        const d = text.charCodeAt(i);
        if (d === 61) { i++; k = T.Eq; }
        else if (d === 126) { i++; k = T.EqI; }
        else if (d === 62) { i++; k = T.Arrow; }
        else k = T.Assign;
        break;
      }
      case 33: {
        const d = text.charCodeAt(i);
        if (d === 61) { i++; k = T.Neq; }
        else if (d === 126) { i++; k = T.NeqI; }
        else k = T.Bang;
        break;
      }
      case 60:
        if (text.charCodeAt(i) === 61) { i++; k = T.Le; } else k = T.Lt;
        break;
      case 62:
        if (text.charCodeAt(i) === 61) { i++; k = T.Ge; } else k = T.Gt;
        break;
      case 43: k = T.Plus; break;
      case 45: k = T.Minus; break;
      case 42: k = T.Star; break;
      case 47: k = T.Slash; break;
      case 37: k = T.Percent; break;
      case 38:
        if (text.charCodeAt(i) === 38) { i++; k = T.And; } else k = T.Invalid;
        break;
      case 124:
        if (text.charCodeAt(i) === 124) { i++; k = T.Or; } else k = T.Pipe;
        break;
      case 64: k = T.At; break;
      default:
        k = T.Invalid;
        // Keep surrogate pairs together so the message shows the real character.
        if (c >= 0xd800 && c <= 0xdbff && i < n) i++;
    }
    if (k === T.Invalid) {
      const ch = text.slice(start, i);
      const shown = c < 32 || c === 127 ? `\\u${c.toString(16).padStart(4, '0')}` : ch;
      problem({ start, end: i, message: `unexpected character '${shown}'` });
      continue;
    }
    tokens.push(new Token(k, start, i, nl, PUNCTUATION[k] ?? text.slice(start, i)));
    nl = false;
  }
  tokens.push(new Token(T.EOF, n, n, true, ''));
  return { tokens, comments, problems };
}
