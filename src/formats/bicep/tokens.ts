/** Token kinds of the Bicep lexer (numbers, for fast comparisons in the parser). */
export enum T {
  EOF,
  Ident,
  Number,
  /** A complete single-quoted string without interpolation; `v` holds the decoded text. */
  String,
  /** `'abc${` — start of an interpolated string. */
  StrLeft,
  /** `}abc${` — middle piece of an interpolated string. */
  StrMid,
  /** `}abc'` — last piece of an interpolated string. */
  StrRight,
  /** `'''...'''` — verbatim multi-line string. */
  MultiString,
  LBrace,
  RBrace,
  LBrack,
  RBrack,
  LParen,
  RParen,
  Comma,
  Dot,
  Colon,
  DoubleColon,
  Question,
  DoubleQuestion,
  Arrow,
  Assign,
  Eq,
  Neq,
  EqI,
  NeqI,
  Bang,
  Lt,
  Le,
  Gt,
  Ge,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  And,
  Or,
  At,
  Pipe,
  Ellipsis,
  Invalid,
}

/** One token: kind, half-open source range, whether a line break precedes it, and its text or decoded value. */
export class Token {
  constructor(
    public k: T,
    public s: number,
    public e: number,
    public nl: boolean,
    public v: string,
  ) {}
}

const NAMES: Record<number, string> = {
  [T.EOF]: 'end of file',
  [T.Ident]: 'identifier',
  [T.Number]: 'number',
  [T.String]: 'string',
  [T.StrLeft]: 'string',
  [T.StrMid]: 'string',
  [T.StrRight]: 'string',
  [T.MultiString]: 'string',
};

/** How a token is named in diagnostics: its text for punctuation and words, its class otherwise. */
export function describeToken(t: Token): string {
  if (t.k === T.EOF) return 'end of file';
  if (t.k === T.Ident) return `'${t.v}'`;
  if (NAMES[t.k] !== undefined) return NAMES[t.k];
  return `'${t.v}'`;
}
