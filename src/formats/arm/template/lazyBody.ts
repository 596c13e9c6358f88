/**
 * A resource body evaluated on first read. Rules look at the bodies of the few types they check, so most
 * bodies are never evaluated, and evaluating all of them would cost several times the JSON parse.
 */
import type { Location } from '../../../model/location.js';
import { getProperty, type ObjectValue, type Property, type Value } from '../../../model/value.js';
import { evaluateValue } from '../expr/evaluate.js';
import type { JsonNode } from '../json/tree.js';
import type { TemplateScope } from './scope.js';

/**
 * An ObjectValue whose `properties` are evaluated when first read. `kind` and `loc` are plain fields;
 * `properties` is an accessor, so copy it with `{ ...body, properties: body.properties }`, not `{ ...body }`.
 */
export class LazyBody implements ObjectValue {
  readonly kind = 'object' as const;
  readonly loc: Location;
  private evaluated?: Property[];

  constructor(
    private readonly node: JsonNode,
    private readonly scope: TemplateScope,
    private readonly isDeployment: boolean,
  ) {
    this.loc = node.loc;
  }

  get properties(): Property[] {
    if (this.evaluated === undefined) {
      try {
        this.evaluated = evaluateBody(this.node, this.scope, this.isDeployment).properties;
      } catch {
        // Read by rules, after parsing: never throw. Nothing here can be known.
        this.evaluated = unknownProperties(this.node.value());
      }
    }
    return this.evaluated;
  }
  set properties(v: Property[]) {
    this.evaluated = v;
  }

  toJSON(): ObjectValue {
    return { kind: 'object', properties: this.properties, loc: this.loc };
  }
}

/** The resource object evaluated, without its child resources and leaving a nested deployment's template as written. */
function evaluateBody(node: JsonNode, scope: TemplateScope, isDeployment: boolean): ObjectValue {
  const raw = node.value() as ObjectValue;
  const isChildren = (k: string): boolean => k.toLowerCase() === 'resources';
  // Child resources are resources of their own, so they are not part of the body.
  const own = raw.properties.some((p) => isChildren(p.key)) ? { ...raw, properties: raw.properties.filter((p) => !isChildren(p.key)) } : raw;
  const body = evaluateValue(own, scope, (k) => isDeployment && k === 'properties') as ObjectValue;
  if (!isDeployment) return withPropertyCopies(body);
  const props = own.properties.findLast((p) => p.key.toLowerCase() === 'properties');
  if (!props) return body;
  const evaluated = evaluateValue(props.value, scope, (k) => k === 'template');
  if (evaluated === props.value) return body;
  return { ...body, properties: body.properties.map((p) => (p === props ? { key: p.key, keyLoc: p.keyLoc, value: evaluated } : p)) };
}

/** Largest property copy loop expanded item by item. */
const MAX_COPY_ITEMS = 100;

/**
 * Expands `properties.copy` (property iteration): each `{ name, count, input }` becomes the array property
 * `name` with `count` evaluations of `input` (what depends on copyIndex() is unknown in each).
 */
function withPropertyCopies(body: ObjectValue): ObjectValue {
  const propsAt = body.properties.findIndex((p) => p.key.toLowerCase() === 'properties');
  const props = body.properties[propsAt]?.value;
  if (props?.kind !== 'object') return body;
  const copy = getProperty(props, 'copy');
  if (copy?.value.kind !== 'array') return body;
  const properties: Property[] = props.properties.filter((p) => p !== copy);
  for (const entry of copy.value.items) {
    if (entry.kind !== 'object') continue;
    const name = getProperty(entry, 'name')?.value;
    const count = getProperty(entry, 'count')?.value;
    const input = getProperty(entry, 'input')?.value;
    if (name?.kind !== 'string' || input === undefined) continue;
    const n = count?.kind === 'number' ? (count.value as number) : -1;
    const value: Value =
      n >= 0 && n <= MAX_COPY_ITEMS && Number.isInteger(n)
        ? { kind: 'array', items: new Array<Value>(n).fill(input), loc: entry.loc }
        : { kind: 'unknown', reason: `'${name.value as string}' is built by a copy loop of unknown length`, loc: entry.loc };
    properties.push({ key: name.value as string, keyLoc: name.loc, value });
  }
  const expanded: ObjectValue = { kind: 'object', properties, loc: props.loc, origin: props.origin };
  const bodyProps = body.properties.slice();
  bodyProps[propsAt] = { key: body.properties[propsAt].key, keyLoc: body.properties[propsAt].keyLoc, value: expanded };
  return { kind: 'object', properties: bodyProps, loc: body.loc, origin: body.origin };
}

function unknownProperties(raw: Value): Property[] {
  if (raw.kind !== 'object') return [];
  return raw.properties.map((p) => ({ key: p.key, keyLoc: p.keyLoc, value: { kind: 'unknown', reason: 'the resource could not be evaluated', loc: p.value.loc } }));
}
