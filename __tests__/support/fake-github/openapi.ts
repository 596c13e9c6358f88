/**
 * GitHub's OpenAPI description (from @octokit/openapi), loaded once per process, with a route
 * table that maps a concrete method + path to its documented operation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A JSON value as found in the OpenAPI document. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** One parameter of an operation, with `$ref`s already resolved. */
export interface OperationParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonObject;
  multiSegment: boolean;
}

/** A documented operation: what the spec says about one method on one path template. */
export interface Operation {
  method: string;
  template: string;
  operationId: string;
  docsUrl: string;
  parameters: OperationParameter[];
  /** The application/json request body schema, if the operation takes one. */
  bodySchema: JsonObject | undefined;
  bodyRequired: boolean;
}

/** The result of matching a request against the route table. */
export interface RouteMatch {
  operation: Operation;
  pathParams: Record<string, string>;
}

interface Route {
  operation: Operation;
  regex: RegExp;
  names: string[];
  literalSegments: number;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, JsonObject>>;
  components: { schemas: Record<string, JsonObject>; parameters: Record<string, JsonObject> };
}

let cachedDocument: OpenApiDocument | undefined;
let cachedRoutes: Route[] | undefined;

/** The parsed api.github.com description; read from disk on first use only. */
export function openApiDocument(): OpenApiDocument {
  if (!cachedDocument) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    cachedDocument = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  }
  return cachedDocument;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local `#/components/...` reference; GitHub's document only uses local ones. */
export function resolveRef(doc: OpenApiDocument, node: JsonObject): JsonObject {
  let current: JsonObject = node;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 20; hops++) {
    const parts = current.$ref.replace(/^#\//, '').split('/');
    let target: Json | undefined = doc as unknown as Json;
    for (const part of parts) target = isObject(target) ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    if (!isObject(target)) break;
    current = target;
  }
  return current;
}

function buildOperation(doc: OpenApiDocument, template: string, method: string, raw: JsonObject, shared: Json[]): Operation {
  const rawParams = [...shared, ...(Array.isArray(raw.parameters) ? raw.parameters : [])];
  const parameters: OperationParameter[] = [];
  for (const entry of rawParams) {
    if (!isObject(entry)) continue;
    const p = resolveRef(doc, entry);
    if (typeof p.name !== 'string' || typeof p.in !== 'string') continue;
    parameters.push({
      name: p.name,
      in: p.in as OperationParameter['in'],
      required: p.required === true,
      schema: isObject(p.schema) ? p.schema : {},
      multiSegment: p['x-multi-segment'] === true,
    });
  }
  let bodySchema: JsonObject | undefined;
  let bodyRequired = false;
  if (isObject(raw.requestBody)) {
    const body = resolveRef(doc, raw.requestBody);
    bodyRequired = body.required === true;
    const content = isObject(body.content) ? body.content : {};
    const json = content['application/json'];
    if (isObject(json) && isObject(json.schema)) bodySchema = json.schema;
  }
  const docs = isObject(raw.externalDocs) && typeof raw.externalDocs.url === 'string' ? raw.externalDocs.url : 'https://docs.github.com/rest';
  return {
    method: method.toUpperCase(),
    template,
    operationId: typeof raw.operationId === 'string' ? raw.operationId : `${method} ${template}`,
    docsUrl: docs,
    parameters,
    bodySchema,
    bodyRequired,
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function buildRoutes(doc: OpenApiDocument): Route[] {
  const routes: Route[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    const shared = Array.isArray(item.parameters) ? (item.parameters as Json[]) : [];
    for (const method of HTTP_METHODS) {
      const raw = item[method];
      if (!isObject(raw)) continue;
      const operation = buildOperation(doc, template, method, raw, shared);
      const names: string[] = [];
      let literalSegments = 0;
      const pattern = template
        .split('/')
        .map((segment) => {
          if (!segment.includes('{')) {
            literalSegments++;
            return escapeRegex(segment);
          }
          // A segment may hold several parameters, e.g. `compare/{base}...{head}`.
          return segment
            .split(/(\{[^}]+\})/)
            .map((part) => {
              const param = /^\{([^}]+)\}$/.exec(part);
              if (!param) return escapeRegex(part);
              names.push(param[1]);
              const multi = operation.parameters.some((p) => p.in === 'path' && p.name === param[1] && p.multiSegment);
              return multi ? '(.+)' : '([^/]+?)';
            })
            .join('');
        })
        .join('/');
      routes.push({ operation, regex: new RegExp(`^${pattern}/?$`), names, literalSegments });
    }
  }
  // Literal segments win over parameters, as in GitHub's router (`pulls/comments/1` is not pull "comments").
  routes.sort((a, b) => b.literalSegments - a.literalSegments || literalLength(b.operation.template) - literalLength(a.operation.template));
  return routes;
}

function literalLength(template: string): number {
  return template.replace(/\{[^}]+\}/g, '').length;
}

function routes(): Route[] {
  if (!cachedRoutes) cachedRoutes = buildRoutes(openApiDocument());
  return cachedRoutes;
}

/** Finds the documented operation for a method and URL path; `pathExists` tells 404 from 405-like mismatches. */
export function matchOperation(method: string, path: string): { match?: RouteMatch; pathExists: boolean } {
  let pathExists = false;
  for (const route of routes()) {
    const found = route.regex.exec(path);
    if (!found) continue;
    pathExists = true;
    if (route.operation.method !== method.toUpperCase()) continue;
    const pathParams: Record<string, string> = {};
    route.names.forEach((name, i) => {
      pathParams[name] = safeDecode(found[i + 1]);
    });
    return { match: { operation: route.operation, pathParams }, pathExists };
  }
  return { pathExists };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
