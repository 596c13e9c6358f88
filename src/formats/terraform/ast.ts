/** HCL syntax tree. Every node keeps the [start, end) offsets of its source text. */

export interface Span {
  start: number;
  end: number;
}

export interface Body extends Span {
  items: BodyItem[];
}

export type BodyItem = Attribute | Block;

export interface Attribute extends Span {
  kind: 'attribute';
  name: string;
  nameSpan: Span;
  expr: Expr;
}

export interface BlockLabel extends Span {
  value: string;
}

export interface Block extends Span {
  kind: 'block';
  type: string;
  typeSpan: Span;
  labels: BlockLabel[];
  body: Body;
}

export type TemplatePart =
  | ({ kind: 'literal'; value: string } & Span)
  | ({ kind: 'interp'; expr: Expr; stripBefore: boolean; stripAfter: boolean } & Span)
  | ({ kind: 'if'; cond: Expr; then: TemplatePart[]; else?: TemplatePart[] } & Span)
  | ({ kind: 'for'; keyVar?: string; valueVar: string; collection: Expr; body: TemplatePart[] } & Span);

export interface ObjectItem {
  key: Expr;
  value: Expr;
}

export type Expr =
  | ({ type: 'literal'; value: string | number | boolean | null } & Span)
  | ({ type: 'template'; parts: TemplatePart[]; heredoc: boolean } & Span)
  | ({ type: 'variable'; name: string } & Span)
  | ({ type: 'tuple'; items: Expr[] } & Span)
  | ({ type: 'object'; items: ObjectItem[] } & Span)
  | ({ type: 'call'; name: string; args: Expr[]; expandFinal: boolean } & Span)
  | ({ type: 'getattr'; object: Expr; name: string; nameSpan: Span } & Span)
  | ({ type: 'index'; object: Expr; key: Expr } & Span)
  | ({ type: 'splat'; source: Expr; each: Expr } & Span)
  | ({ type: 'splatItem' } & Span)
  | ({ type: 'conditional'; cond: Expr; then: Expr; else: Expr } & Span)
  | ({ type: 'binary'; op: string; left: Expr; right: Expr } & Span)
  | ({ type: 'unary'; op: string; operand: Expr } & Span)
  | ({
      type: 'for';
      keyVar?: string;
      valueVar: string;
      collection: Expr;
      key?: Expr;
      value: Expr;
      cond?: Expr;
      group: boolean;
      object: boolean;
    } & Span)
  | ({ type: 'paren'; inner: Expr } & Span)
  | ({ type: 'invalid' } & Span);

/** The block with this type among a body's items, in source order. */
export function blocksOf(body: Body, type?: string): Block[] {
  const out: Block[] = [];
  for (const it of body.items) if (it.kind === 'block' && (type === undefined || it.type === type)) out.push(it);
  return out;
}

/** The attribute with this name in a body (last one wins), if any. */
export function attributeOf(body: Body, name: string): Attribute | undefined {
  let found: Attribute | undefined;
  for (const it of body.items) if (it.kind === 'attribute' && it.name === name) found = it;
  return found;
}
