import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parseDocument, isNode, type Document } from 'yaml';
import { LineIndex } from '../model/location.js';

export interface ValidationProblem {
  line: number;
  column: number;
  /** Dotted key path of the offending field ('check.require.path'), '' for the document. */
  field: string;
  message: string;
}

const ajv = new Ajv({ allErrors: false, strict: false });
const compiled = new WeakMap<object, ValidateFunction>();

/** Parse YAML text and validate it against a JSON schema; problems carry the line of the offending key. */
export function parseAndValidateYaml(text: string, schema: object): { data: unknown; problems: ValidationProblem[] } {
  const lines = new LineIndex(text);
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = lines.position(e.pos[0]);
    return { data: undefined, problems: [{ ...pos, field: '', message: e.message.split('\n')[0] }] };
  }
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(data)) return { data, problems: [] };
  const problems = (validate.errors ?? []).slice(0, 1).map((err) => toProblem(err, doc, lines));
  return { data, problems };
}

function toProblem(err: ErrorObject, doc: Document, lines: LineIndex): ValidationProblem {
  const segments = err.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let field = segments.join('.');
  let message = err.message ?? 'is not valid';
  if (err.keyword === 'additionalProperties') {
    const extra = (err.params as { additionalProperty: string }).additionalProperty;
    segments.push(extra);
    field = segments.join('.');
    message = 'is not a known key';
  } else if (err.keyword === 'enum') {
    message = `must be one of ${(err.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (err.keyword === 'required') {
    const missing = (err.params as { missingProperty: string }).missingProperty;
    message = `must have the key '${missing}'`;
  }
  const node = locate(doc, segments, err.keyword === 'additionalProperties');
  const pos = lines.position(node ?? 0);
  return { ...pos, field, message };
}

/** Offset of the node (or, for an unknown key, of the key itself) at a path of the document. */
function locate(doc: Document, segments: string[], wantKey: boolean): number | undefined {
  let best: number | undefined = doc.contents && isNode(doc.contents) ? doc.contents.range?.[0] : undefined;
  for (let i = 1; i <= segments.length; i++) {
    const path = segments.slice(0, i).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    if (wantKey && i === segments.length) {
      const parent = i === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
      const items = (parent as { items?: { key?: { value?: unknown; range?: number[] } }[] } | null)?.items;
      const pair = items?.find((p) => p.key?.value === segments[i - 1]);
      if (pair?.key?.range) best = pair.key.range[0];
      break;
    }
    const node = doc.getIn(path, true);
    if (isNode(node) && node.range) best = node.range[0];
    else break;
  }
  return best;
}
