/**
 * Checks one request against GitHub's OpenAPI description: documented route, path/query
 * parameters and JSON body. Body validators are compiled lazily per operation and cached.
 */
import AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { matchOperation, openApiDocument, type Json, type JsonObject, type Operation, type RouteMatch } from './openapi.js';

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

/** How GitHub would answer a request the description rejects. */
export interface Rejection {
  status: number;
  body: JsonObject;
}

/** What the description says about one request: reasons it does not conform, and whether GitHub would refuse it. */
export interface ConformanceResult {
  match?: RouteMatch;
  reasons: string[];
  rejection?: Rejection;
}

/** The request parts that conformance looks at. */
export interface RequestShape {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body; `undefined` when there was no body. */
  body: unknown;
  /** Set when a body was sent but is not JSON. */
  bodyParseError?: string;
}

type AjvInstance = InstanceType<typeof Ajv>;
let ajv: AjvInstance | undefined;
const bodyValidators = new Map<string, ValidateFunction>();
const paramValidators = new Map<string, ValidateFunction>();

function getAjv(): AjvInstance {
  if (!ajv) {
    // strict: false because the description carries OpenAPI keywords (example, x-github, discriminator...).
    ajv = new Ajv({ strict: false, allErrors: false, logger: false, validateSchema: false });
    addFormats(ajv);
  }
  return ajv;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rewrites OpenAPI 3.0 `nullable` into JSON Schema, and collects referenced component names. */
function toJsonSchema(node: Json, refs: Set<string>): Json {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, refs));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key === 'example' || key === 'examples' || key === 'discriminator') continue;
    if (key === '$ref' && typeof value === 'string') {
      const m = /^#\/components\/schemas\/(.+)$/.exec(value);
      if (m) refs.add(m[1]);
      out[key] = value;
      continue;
    }
    // Property names and enum members are data, not schemas; only recurse into schema positions.
    out[key] = key === 'enum' || key === 'required' || key === 'const' || key === 'default' ? value : toJsonSchema(value, refs);
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (Array.isArray(out.type)) out.type = [...out.type, 'null'];
    else return { anyOf: [out, { type: 'null' }] };
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}

/** A standalone JSON Schema for a body schema: the schema plus every component it reaches. */
function standaloneSchema(schema: JsonObject): JsonObject {
  const doc = openApiDocument();
  const pending = new Set<string>();
  const root = toJsonSchema(schema, pending);
  const components: JsonObject = {};
  while (pending.size > 0) {
    const [name] = pending;
    pending.delete(name);
    if (name in components) continue;
    const raw = doc.components.schemas[name];
    const more = new Set<string>();
    components[name] = raw ? toJsonSchema(raw, more) : {};
    for (const r of more) if (!(r in components)) pending.add(r);
  }
  // `components` is an unknown keyword to ajv; local `#/components/schemas/x` pointers still resolve into it.
  return { allOf: [root], components: { schemas: components } };
}

function bodyValidator(operation: Operation): ValidateFunction | undefined {
  if (!operation.bodySchema) return undefined;
  const key = `${operation.method} ${operation.template}`;
  let validate = bodyValidators.get(key);
  if (!validate) {
    validate = getAjv().compile(standaloneSchema(operation.bodySchema));
    bodyValidators.set(key, validate);
  }
  return validate;
}

function paramValidator(operation: Operation, name: string, schema: JsonObject): ValidateFunction {
  const key = `${operation.method} ${operation.template} ${name}`;
  let validate = paramValidators.get(key);
  if (!validate) {
    validate = getAjv().compile(standaloneSchema(schema));
    paramValidators.set(key, validate);
  }
  return validate;
}

/** Renders a value the way GitHub's validation messages quote it. */
function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function valueAt(data: unknown, pointer: string): unknown {
  let current = data;
  for (const part of pointer.split('/').slice(1)) {
    if (!isObject(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return current;
}

/** Phrases an ajv error the way GitHub's request validation does ("\"body\" wasn't supplied."). */
function describeError(error: ErrorObject, data: unknown): string {
  const where = error.instancePath === '' ? 'items' : `properties${error.instancePath}`;
  const value = valueAt(data, error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${quote(params.missingProperty)} wasn't supplied.`;
    case 'type':
      return `For '${where}', ${quote(value)} is not ${/^[aeiou]/.test(String(params.type)) ? 'an' : 'a'} ${String(params.type).replace(',null', '')}.`;
    case 'enum':
      return `For '${where}', ${quote(value)} is not a member of ${quote(params.allowedValues)}.`;
    case 'additionalProperties':
      return `${quote(params.additionalProperty)} is not a permitted key.`;
    case 'pattern':
      return `For '${where}', ${quote(value)} does not match /${String(params.pattern)}/.`;
    case 'anyOf':
    case 'oneOf':
      return `No subschema in "${error.keyword}" matched.`;
    default:
      return `For '${where}', ${quote(value)} ${error.message ?? 'is invalid'}.`;
  }
}

function notFound(): Rejection {
  return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } };
}

function invalid(operation: Operation, reason: string): Rejection {
  return {
    status: 422,
    body: { message: `Invalid request.\n\n${reason}`, documentation_url: operation.docsUrl, status: '422' },
  };
}

/** Converts a query string value to the type its schema declares, or reports why it cannot. */
function coerceQueryValue(raw: string, schema: JsonObject): { value?: unknown; problem?: string } {
  const type = schema.type;
  if (type === 'integer') return /^-?\d+$/.test(raw) ? { value: Number(raw) } : { problem: 'is not an integer' };
  if (type === 'number') return raw.trim() !== '' && Number.isFinite(Number(raw)) ? { value: Number(raw) } : { problem: 'is not a number' };
  if (type === 'boolean') return raw === 'true' || raw === 'false' ? { value: raw === 'true' } : { problem: 'is not a boolean' };
  if (type === 'array') return { value: raw.split(',') };
  return { value: raw };
}

function checkParameters(match: RouteMatch, request: RequestShape, reasons: string[]): Rejection | undefined {
  const { operation, pathParams } = match;
  let rejection: Rejection | undefined;
  for (const param of operation.parameters.filter((p) => p.in === 'path')) {
    const raw = pathParams[param.name];
    if (param.schema.type === 'integer' && !/^\d+$/.test(raw ?? '')) {
      reasons.push(`path parameter ${param.name}: ${quote(raw)} is not an integer`);
      rejection ??= notFound(); // GitHub's router does not match a non-numeric number: 404.
    }
  }
  const known = new Set(operation.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const param of operation.parameters.filter((p) => p.in === 'query')) {
    const raw = request.query[param.name];
    if (raw === undefined) {
      if (param.required) {
        reasons.push(`query parameter ${param.name} is required`);
        rejection ??= invalid(operation, `${quote(param.name)} wasn't supplied.`);
      }
      continue;
    }
    const { value, problem } = coerceQueryValue(raw, param.schema);
    if (problem) {
      reasons.push(`query parameter ${param.name}: ${quote(raw)} ${problem}`);
      rejection ??= invalid(operation, `For '${param.name}', ${quote(raw)} ${problem}.`);
      continue;
    }
    const validate = paramValidator(operation, param.name, param.schema);
    if (!validate(value)) {
      const message = describeError(validate.errors![0], value).replace(/'items'/, `'${param.name}'`);
      reasons.push(`query parameter ${param.name}: ${message}`);
      rejection ??= invalid(operation, message);
      continue;
    }
    // The description only says "(max 100)" in prose; GitHub silently caps larger values at 100.
    if (param.name === 'per_page' && typeof value === 'number' && (value < 1 || value > 100)) {
      reasons.push(`query parameter per_page: ${value} is outside the documented range 1..100`);
    }
  }
  for (const name of Object.keys(request.query)) {
    if (!known.has(name)) reasons.push(`query parameter ${name} is not documented for ${operation.operationId}`);
  }
  return rejection;
}

function checkBody(operation: Operation, request: RequestShape, reasons: string[]): Rejection | undefined {
  if (request.bodyParseError !== undefined) {
    reasons.push(`body is not JSON: ${request.bodyParseError}`);
    return { status: 400, body: { message: 'Problems parsing JSON', documentation_url: operation.docsUrl, status: '400' } };
  }
  const validate = bodyValidator(operation);
  if (!validate) return undefined;
  if (request.body === undefined) {
    if (!operation.bodyRequired) return undefined;
    reasons.push('request body is required');
    return invalid(operation, 'Request body is required.');
  }
  if (validate(request.body)) return undefined;
  const messages = (validate.errors ?? []).map((e) => describeError(e, request.body));
  reasons.push(...messages.map((m) => `body: ${m}`));
  return invalid(operation, messages.join('\n'));
}

/** Checks a request against the description; never throws (a broken schema becomes a reason, not a crash). */
export function checkConformance(request: RequestShape): ConformanceResult {
  const reasons: string[] = [];
  try {
    const { match, pathExists } = matchOperation(request.method, request.path);
    if (!match) {
      reasons.push(pathExists ? `${request.method} is not documented for ${request.path}` : `no documented operation matches ${request.method} ${request.path}`);
      return { reasons, rejection: notFound() };
    }
    const rejection = checkParameters(match, request, reasons) ?? checkBody(match.operation, request, reasons);
    return { match, reasons, rejection };
  } catch (error) {
    reasons.push(`conformance check failed: ${error instanceof Error ? error.message : String(error)}`);
    return { reasons };
  }
}
