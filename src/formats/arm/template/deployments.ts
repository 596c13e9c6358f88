/**
 * Nested deployments (`Microsoft.Resources/deployments`): an inline `properties.template` evaluated with
 * the parent's parameters and variables (`outer`, the default) or its own (`inner`), or a linked template
 * read through `templateLink.relativePath`. Remote `templateLink.uri` templates are not fetched.
 */
import { getProperty, type Value } from '../../../model/value.js';
import { evaluateValue } from '../expr/evaluate.js';
import { readJsonTree } from '../json/read.js';
import { nodeAt, type JsonNode } from '../json/tree.js';
import { extractTemplate, symbolsOf, type ExtractContext } from './resources.js';
import { TemplateScope, type SuppliedParameters } from './scope.js';

/** Adds the resources of the deployment `raw` to `cx.out`. */
export function extractDeployment(raw: JsonNode, path: string, scope: TemplateScope, cx: ExtractContext): void {
  const evaluated = (p: string): Value | undefined => {
    const v = nodeAt(raw, p);
    return v && evaluateValue(v.value(), scope);
  };
  const props = raw.child('properties');
  if (props?.kind !== 'object') return;
  const via = [...cx.via, raw.loc];
  const inline = props.child('template');
  if (inline?.kind === 'object') {
    const scopeOpt = evaluated('properties.expressionEvaluationOptions.scope');
    const inner = scopeOpt?.kind === 'string' && (scopeOpt.value as string).toLowerCase() === 'inner';
    const nestedScope = inner
      ? new TemplateScope(cx.declFile, inline, suppliedParameters(props, scope), symbolsOf(inline))
      : scope;
    extractTemplate(inline, nestedScope, { ...cx, keyPrefix: `${cx.keyPrefix}${path}.properties.template.`, via, depth: cx.depth + 1 });
    return;
  }
  const relative = evaluated('properties.templateLink.relativePath');
  if (relative?.kind !== 'string') return;
  const linked = resolveRelative(cx.declFile, relative.value as string);
  if (linked === undefined || cx.linkChain.includes(linked)) return;
  const text = cx.parse.readFile(linked);
  if (text === undefined) return;
  // Diagnostics of the linked file are reported when that file is scanned on its own.
  const root = readJsonTree(linked, text).root;
  if (root?.kind !== 'object') return;
  const linkedScope = new TemplateScope(linked, root, suppliedParameters(props, scope), symbolsOf(root));
  extractTemplate(root, linkedScope, {
    ...cx,
    declFile: linked,
    keyPrefix: `${cx.keyPrefix}${path}>${linked}#`,
    via,
    depth: cx.depth + 1,
    linkChain: [...cx.linkChain, linked],
  });
}

/** The deployment's `parameters: { x: { value: … } }`, evaluated in the parent's scope. */
function suppliedParameters(props: JsonNode, parentScope: TemplateScope): SuppliedParameters {
  const out: SuppliedParameters = new Map();
  const params = props.child('parameters')?.value();
  if (params?.kind !== 'object') return out;
  for (const p of params.properties) {
    if (p.value.kind !== 'object') continue;
    const value = getProperty(p.value, 'value')?.value;
    let v: Value | undefined = value && evaluateValue(value, parentScope);
    if (!v && getProperty(p.value, 'reference')) v = { kind: 'unknown', reason: `parameter '${p.key}' is a Key Vault secret reference`, loc: p.value.loc };
    if (v) out.set(p.key.toLowerCase(), v);
  }
  return out;
}

/** `dir(from)/relative`, normalised; undefined when it leaves the repository. */
export function resolveRelative(from: string, relative: string): string | undefined {
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')).split('/') : [];
  for (const seg of relative.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (dir.length === 0) return undefined;
      dir.pop();
    } else dir.push(seg);
  }
  return dir.join('/');
}
