import type { Attribute, Block, BlockLabel, Body, BodyItem } from './ast.js';
import { parseExpression } from './expressions.js';
import { lex, type RawComment, type Token } from './lexer.js';
import { HclSyntaxError, TokenStream, describeToken } from './stream.js';

export interface SyntaxProblem {
  message: string;
  start: number;
  end: number;
}

export interface HclSyntax {
  body: Body;
  comments: RawComment[];
  problems: SyntaxProblem[];
}

/**
 * Parse HCL native syntax. Never throws: a syntax error inside a top-level item is reported and parsing
 * resumes at the next line that starts (in column 1) with a name, which is how top-level blocks are written.
 */
export function parseHclSyntax(text: string): HclSyntax {
  const lexed = lex(text);
  const problems: SyntaxProblem[] = lexed.errors.map((e) => ({ message: e.message, start: e.start, end: e.end }));
  const s = new TokenStream(lexed.tokens);
  const items: BodyItem[] = [];
  for (;;) {
    s.skipNewlines();
    const t = s.peek();
    if (t.type === 'eof') break;
    const at = s.index;
    try {
      items.push(parseItem(s, false));
    } catch (e) {
      if (!(e instanceof HclSyntaxError)) throw e;
      problems.push({ message: e.message, start: e.start, end: e.end });
      s.depth = 0;
      recover(s, text, at);
    }
  }
  problems.sort((a, b) => a.start - b.start);
  return { body: { items, start: 0, end: text.length }, comments: lexed.comments, problems };
}

/** Skip to the next name written at the start of a line (after the failed item's first token). */
function recover(s: TokenStream, text: string, failedAt: number): void {
  const toks = s.tokens;
  let i = Math.max(s.index, failedAt + 1);
  for (; i < toks.length; i++) {
    const t = toks[i];
    if (t.type === 'eof') break;
    if (t.type === 'ident' && (t.start === 0 || text.charCodeAt(t.start - 1) === 10 || text.charCodeAt(t.start - 1) === 13)) {
      // Only a line that is not inside a heredoc or string: the previous token is a newline.
      if (i === 0 || toks[i - 1].type === 'newline') break;
    }
  }
  s.index = Math.min(i, toks.length - 1);
}

function isItemEnd(t: Token, inBlock: boolean): boolean {
  return t.type === 'newline' || t.type === 'eof' || (inBlock && t.type === 'punct' && t.text === '}');
}

function parseItem(s: TokenStream, inBlock: boolean): BodyItem {
  const name = s.next();
  if (name.type !== 'ident') {
    throw new HclSyntaxError(`Expected an attribute or block name, found ${describeToken(name)}`, name.start, Math.max(name.end, name.start + 1));
  }
  if (s.isPunct('=')) {
    s.next();
    const expr = parseExpression(s);
    const after = s.peek();
    if (!isItemEnd(after, inBlock)) {
      throw new HclSyntaxError(
        `Expected a newline after the value of '${name.text}', found ${describeToken(after)}`,
        after.start,
        Math.max(after.end, after.start + 1),
      );
    }
    const attr: Attribute = { kind: 'attribute', name: name.text, nameSpan: { start: name.start, end: name.end }, expr, start: name.start, end: expr.end };
    return attr;
  }
  const labels: BlockLabel[] = [];
  for (;;) {
    const t = s.peek();
    if (t.type === 'ident') {
      s.next();
      labels.push({ value: t.text, start: t.start, end: t.end });
    } else if (t.type === 'oquote') {
      labels.push(parseLabel(s));
    } else break;
  }
  const open = s.peek();
  if (!(open.type === 'punct' && open.text === '{')) {
    const what = labels.length === 0 ? `'=' or '{' after '${name.text}'` : `'{' to open the '${name.text}' block`;
    throw new HclSyntaxError(`Expected ${what}, found ${describeToken(open)}`, open.start, Math.max(open.end, open.start + 1));
  }
  s.next();
  s.enter(open);
  const body = parseBlockBody(s, name.text, open);
  s.leave();
  const after = s.peek();
  if (!isItemEnd(after, inBlock)) {
    throw new HclSyntaxError(`Expected a newline after the '${name.text}' block, found ${describeToken(after)}`, after.start, after.end);
  }
  const block: Block = { kind: 'block', type: name.text, typeSpan: { start: name.start, end: name.end }, labels, body, start: name.start, end: body.end };
  return block;
}

function parseLabel(s: TokenStream): BlockLabel {
  const open = s.next();
  let value = '';
  for (;;) {
    const t = s.next();
    if (t.type === 'cquote') return { value, start: open.start, end: t.end };
    if (t.type !== 'strlit') throw new HclSyntaxError('Block labels must be plain strings without interpolation', t.start, Math.max(t.end, t.start + 1));
    value += t.text;
  }
}

function parseBlockBody(s: TokenStream, blockType: string, open: Token): Body {
  const items: BodyItem[] = [];
  for (;;) {
    s.skipNewlines();
    const t = s.peek();
    if (t.type === 'punct' && t.text === '}') {
      s.next();
      return { items, start: open.start, end: t.end };
    }
    if (t.type === 'eof') {
      throw new HclSyntaxError(`The '${blockType}' block opened here is never closed: expected '}'`, open.start, open.end);
    }
    items.push(parseItem(s, true));
  }
}
