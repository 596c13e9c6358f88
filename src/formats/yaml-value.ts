/**
 * YAML text -> Value trees with the exact location of every value and key, plus the comments. Used by the
 * workflow front end and meant for any YAML input.
 *
 * Safety: the `yaml` package's composer recurses once per nesting level, and a stack overflow there can take
 * the whole process down, so the nesting depth is measured first on the (iterative) CST and over-deep input
 * is never composed. Aliases expand to a copy of the anchored value under a node budget (billion laughs),
 * and an alias inside its own anchor becomes an unknown value instead of a cycle.
 */
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, Lexer, Parser, type Document, type Node as YamlNode, type Pair } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { LineIndex, type Location } from '../model/location.js';
import type { SourceComment } from '../model/resource.js';
import { V, type Property, type Value } from '../model/value.js';

/** Deepest nesting of mappings and sequences we read; workflows stay below ten. */
export const MAX_YAML_DEPTH = 100;
/** Values that alias expansion may create per text before the rest become unknown. */
export const MAX_ALIAS_VALUES = 100_000;
/** Syntax errors reported per text; past this, one summary line says how many more there were. */
export const MAX_YAML_ERRORS = 20;
/**
 * Lexical tokens read per text. The composer allocates an error object per offending token, so garbage
 * such as ten million commas would exhaust memory; workflows have a few thousand tokens.
 */
export const MAX_YAML_TOKENS = 500_000;

export interface YamlDocumentValue {
  /** The document's content; undefined for an empty document. */
  value: Value | undefined;
  /** The content from its first character to its last (zero-width at the document start when empty). */
  loc: Location;
}

/** What the reader found in one YAML text. */
export interface YamlRead {
  documents: YamlDocumentValue[];
  comments: SourceComment[];
  diagnostics: Diagnostic[];
  index: LineIndex;
}

export interface YamlReadOptions {
  maxDepth?: number;
  maxAliasValues?: number;
  maxTokens?: number;
}

type Doc = Document.Parsed;
type CstToken = ReturnType<Parser['parse']> extends Generator<infer T> ? T : never;

/** Reads every document of a YAML text into located Values; never throws. */
export function readYaml(file: string, text: string, options: YamlReadOptions = {}): YamlRead {
  const maxDepth = options.maxDepth ?? MAX_YAML_DEPTH;
  const index = new LineIndex(text);
  const read: YamlRead = { documents: [], comments: [], diagnostics: [], index };
  const loc = (start: number, end: number): Location => index.location(file, start, end);
  const stackTraceLimit = Error.stackTraceLimit;
  try {
    // The composer builds an Error per problem; without stack traces they cost a tenth as much.
    Error.stackTraceLimit = 0;
    const parsed = parseCst(text, maxDepth, options.maxTokens ?? MAX_YAML_TOKENS);
    const cst = scanCst(parsed.tokens, maxDepth);
    read.comments = cst.comments.map((c) => ({ text: c.source, loc: loc(c.offset, c.offset + c.source.length) }));
    if (parsed.tooManyAt !== undefined) {
      read.diagnostics.push({
        code: 'YAML-TOO-COMPLEX',
        severity: 'error',
        message: `The YAML has more than ${options.maxTokens ?? MAX_YAML_TOKENS} tokens; the file was not read.`,
        location: loc(parsed.tooManyAt, parsed.tooManyAt + 1),
      });
      return read;
    }
    const tooDeepAt = parsed.tooDeepAt ?? cst.tooDeepAt;
    if (tooDeepAt !== undefined) {
      read.diagnostics.push({
        code: 'YAML-DEPTH',
        severity: 'error',
        message: `The YAML nests mappings and sequences more than ${maxDepth} levels deep; the file was not read.`,
        location: loc(tooDeepAt, tooDeepAt + 1),
      });
      return read;
    }
    const tokens = parsed.tokens;
    const docs = Array.from(new Composer({ prettyErrors: false }).compose(tokens, true, text.length)) as Doc[];
    const converter = new Converter(text, loc, read.diagnostics, maxDepth, options.maxAliasValues ?? MAX_ALIAS_VALUES);
    let errors = 0;
    for (const doc of docs) {
      for (const err of doc.errors) {
        if (++errors > MAX_YAML_ERRORS) continue;
        const [start, end] = err.pos;
        read.diagnostics.push({
          code: 'YAML-SYNTAX',
          severity: 'error',
          message: `Invalid YAML: ${err.message.split('\n')[0]}.`.replace(/\.\.$/, '.'),
          location: loc(start, Math.max(end, start + 1)),
        });
      }
      read.documents.push(converter.document(doc));
    }
    if (errors > MAX_YAML_ERRORS) {
      read.diagnostics.push({
        code: 'YAML-SYNTAX',
        severity: 'error',
        message: `${errors - MAX_YAML_ERRORS} more YAML syntax errors follow and are not listed.`,
        location: read.diagnostics[read.diagnostics.length - 1].location,
      });
    }
  } catch (e) {
    // Defensive only: nothing above is expected to throw, but a reader must never take the run down.
    read.diagnostics.push({
      code: 'YAML-SYNTAX',
      severity: 'error',
      message: `The YAML could not be read: ${e instanceof Error ? e.message : String(e)}.`,
      location: loc(0, 0),
    });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  return read;
}

/**
 * Runs the lexer and the CST parser one token at a time, stopping when the parser's stack of open nodes
 * passes the depth limit (its steps recurse over that stack) or when there are too many tokens.
 */
function parseCst(text: string, maxDepth: number, maxTokens: number): { tokens: CstToken[]; tooDeepAt?: number; tooManyAt?: number } {
  const parser = new Parser();
  const tokens: CstToken[] = [];
  let count = 0;
  for (const lexeme of new Lexer().lex(text)) {
    const offset = parser.offset;
    for (const token of parser.next(lexeme)) tokens.push(token);
    // The document itself is the first entry of the stack.
    if (parser.stack.length > maxDepth + 1) return { tokens, tooDeepAt: offset };
    if (++count > maxTokens) return { tokens, tooManyAt: offset };
  }
  for (const token of parser.end()) tokens.push(token);
  return { tokens };
}

/** Comments and the first over-deep collection, found by an iterative walk over the CST. */
function scanCst(tokens: CstToken[], maxDepth: number): { comments: Array<{ offset: number; source: string }>; tooDeepAt?: number } {
  const comments: Array<{ offset: number; source: string }> = [];
  let tooDeepAt: number | undefined;
  const stack: Array<{ node: unknown; depth: number }> = tokens.map((node) => ({ node, depth: 0 }));
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (Array.isArray(node)) {
      for (const child of node) stack.push({ node: child, depth });
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    const tok = node as Record<string, unknown>;
    const offset = typeof tok.offset === 'number' ? tok.offset : 0;
    if (tok.type === 'comment' && typeof tok.source === 'string') comments.push({ offset, source: tok.source });
    let d = depth;
    if (tok.type === 'block-map' || tok.type === 'block-seq' || tok.type === 'flow-collection') {
      d++;
      if (d > maxDepth) {
        tooDeepAt = tooDeepAt === undefined ? offset : Math.min(tooDeepAt, offset);
        continue;
      }
    }
    for (const key of Object.keys(tok)) {
      const child = tok[key];
      if (child !== null && typeof child === 'object') stack.push({ node: child, depth: d });
    }
  }
  comments.sort((a, b) => a.offset - b.offset);
  return { comments, tooDeepAt };
}

/** Turns composed YAML nodes into Values, resolving aliases and `<<` merge keys. */
class Converter {
  /** Anchors defined so far in document order (an alias refers to the closest one before it). */
  private anchors = new Map<string, YamlNode>();
  /** Nodes being converted right now: an alias to one of them would be a cycle. */
  private active = new Set<YamlNode>();
  private aliasValues = 0;
  private reportedBudget = false;
  private reportedDepth = false;

  constructor(
    private readonly text: string,
    private readonly loc: (start: number, end: number) => Location,
    private readonly diagnostics: Diagnostic[],
    private readonly maxDepth: number,
    private readonly maxAliasValues: number,
  ) {}

  document(doc: Doc): YamlDocumentValue {
    this.anchors = new Map();
    const contents = doc.contents as YamlNode | null;
    if (contents === null) {
      const at = doc.range[0];
      return { value: undefined, loc: this.loc(at, at) };
    }
    const value = this.convert(contents, 0, false);
    return { value, loc: value.loc };
  }

  private convert(node: YamlNode, depth: number, expanding: boolean): Value {
    const [start, end] = this.span(node);
    if (expanding && ++this.aliasValues > this.maxAliasValues) return this.overBudget(start, end);
    if (depth > this.maxDepth) return this.tooDeep(start, end);
    if (!expanding && node.anchor) this.anchors.set(node.anchor, node);
    if (isAlias(node)) return this.alias(node.source, start, end, depth);
    if (isScalar(node)) return this.scalar(node.value, start, end);
    this.active.add(node);
    try {
      if (isMap(node)) return V.obj(this.properties(node.items, depth, expanding), this.loc(start, end));
      if (isSeq(node)) {
        const items = node.items.map((item) =>
          isPair(item) ? this.singlePair(item, depth + 1, expanding) : this.convert(item as YamlNode, depth + 1, expanding),
        );
        return V.arr(items, this.loc(start, end));
      }
      return V.unknown('unsupported YAML node', this.loc(start, end));
    } finally {
      this.active.delete(node);
    }
  }

  /** `[a: 1]`: a pair written directly in a flow sequence is a one-entry mapping. */
  private singlePair(pair: Pair<unknown, unknown>, depth: number, expanding: boolean): Value {
    const first = this.span((pair.key ?? pair.value) as YamlNode | null);
    const last = this.span((pair.value ?? pair.key) as YamlNode | null);
    return V.obj(this.properties([pair], depth, expanding), this.loc(first[0], Math.max(first[1], last[1])));
  }

  private alias(name: string, start: number, end: number, depth: number): Value {
    const at = this.loc(start, end);
    const target = this.anchors.get(name);
    if (target === undefined) {
      this.diagnostics.push({ code: 'YAML-ALIAS', severity: 'warning', message: `The alias *${name} has no anchor &${name} before it.`, location: at });
      return V.unknown(`alias *${name} without an anchor`, at);
    }
    if (this.active.has(target)) return V.unknown(`alias *${name} refers to a value that contains it`, at);
    const value = this.convert(target, depth, true);
    // Written where the alias is used; set where the anchor is.
    return { ...value, loc: at, origin: { via: `alias *${name}`, location: value.loc } };
  }

  private scalar(value: unknown, start: number, end: number): Value {
    const at = this.loc(start, end);
    switch (typeof value) {
      case 'string':
        return V.str(value, at);
      case 'number':
        return V.num(value, at);
      case 'boolean':
        return V.bool(value, at);
      default:
        // Dates, binary and other tagged values keep their source text.
        return value === null || value === undefined ? V.nul(at) : V.str(this.text.slice(start, end), at);
    }
  }

  /** Mapping entries in source order; `<<` merges bring in the keys not written explicitly, earlier sources first. */
  private properties(items: unknown[], depth: number, expanding: boolean): Property[] {
    const pairs = items.filter(isPair);
    const explicit = new Set<string>();
    for (const pair of pairs) if (!isMergeKey(pair.key)) explicit.add(this.keyText(pair.key as YamlNode | null, false));
    const merged = new Set<string>();
    const out: Property[] = [];
    for (const pair of pairs) {
      const keyNode = pair.key as YamlNode | null;
      const valueNode = pair.value as YamlNode | null;
      if (isMergeKey(keyNode) && valueNode !== null) {
        for (const source of this.mergeSources(valueNode, depth, expanding)) {
          for (const prop of source) {
            if (explicit.has(prop.key) || merged.has(prop.key)) continue;
            merged.add(prop.key);
            out.push(prop);
          }
        }
        continue;
      }
      const keySpan = keyNode ? this.span(keyNode) : valueNode ? this.span(valueNode) : [0, 0];
      const key = this.keyText(keyNode, !expanding);
      const keyLoc = this.loc(keySpan[0], keySpan[1]);
      const value = valueNode ? this.convert(valueNode, depth + 1, expanding) : V.nul(this.loc(keySpan[1], keySpan[1]));
      out.push({ key, keyLoc, value });
    }
    return out;
  }

  /** The mappings a `<<` value names: one mapping (often an alias) or a sequence of them. */
  private mergeSources(node: YamlNode, depth: number, expanding: boolean): Property[][] {
    const single = (n: YamlNode): Property[] | undefined => {
      const v = this.convert(n, depth + 1, expanding);
      return v.kind === 'object' ? v.properties : undefined;
    };
    if (isSeq(node)) return node.items.map((n) => single(n as YamlNode) ?? []);
    const one = single(node);
    return one ? [one] : [];
  }

  /** A key as text: scalars by value (`~` stays `~`), aliases through their anchor, anything else by its source. */
  private keyText(node: YamlNode | null, register: boolean): string {
    if (node === null) return '';
    if (register && node.anchor) this.anchors.set(node.anchor, node);
    const target = isAlias(node) ? this.anchors.get(node.source) : node;
    if (target && isScalar(target) && target.value !== null && target.value !== undefined) return String(target.value);
    const [start, end] = this.span(target ?? node);
    return this.text.slice(start, Math.min(end, start + 200));
  }

  /** [start, end) of a node, with the trailing line breaks of block collections left out. */
  private span(node: YamlNode | null | undefined): [number, number] {
    const range = node?.range;
    if (!range) return [0, 0];
    let end = range[1];
    while (end > range[0] && /\s/.test(this.text.charAt(end - 1))) end--;
    return [range[0], end];
  }

  private overBudget(start: number, end: number): Value {
    if (!this.reportedBudget) {
      this.reportedBudget = true;
      this.diagnostics.push({
        code: 'YAML-ALIAS-LIMIT',
        severity: 'error',
        message: `Aliases in this YAML expand to more than ${this.maxAliasValues} values; the rest were not read.`,
        location: this.loc(start, end),
      });
    }
    return V.unknown('alias expansion limit reached', this.loc(start, end));
  }

  private tooDeep(start: number, end: number): Value {
    if (!this.reportedDepth) {
      this.reportedDepth = true;
      this.diagnostics.push({
        code: 'YAML-DEPTH',
        severity: 'error',
        message: `Aliases in this YAML nest values more than ${this.maxDepth} levels deep; deeper values were not read.`,
        location: this.loc(start, end),
      });
    }
    return V.unknown(`nested more than ${this.maxDepth} levels deep`, this.loc(start, end));
  }
}

/** `<<` written plainly (a quoted '<<' is an ordinary key). */
function isMergeKey(node: unknown): boolean {
  return isScalar(node) && node.value === '<<' && node.type === 'PLAIN';
}
