/** Syntax tree of an ARM template expression (the text between `[` and `]`). Offsets are within that text. */
export type Expr =
  | { kind: 'string'; value: string; start: number; end: number }
  | { kind: 'number'; value: number; start: number; end: number }
  | { kind: 'literal'; value: boolean | null; start: number; end: number }
  | { kind: 'call'; name: string; args: Expr[]; start: number; end: number }
  | { kind: 'property'; target: Expr; name: string; start: number; end: number }
  | { kind: 'index'; target: Expr; index: Expr; start: number; end: number };

/** A parse result: the tree, or why the text is not an expression. */
export type ParseResult = { ok: true; expr: Expr } | { ok: false; message: string; offset: number };
