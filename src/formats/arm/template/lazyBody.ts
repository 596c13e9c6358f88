/**
 * A resource body evaluated on first read, member by member (see lazyValue.ts). Rules look at a few paths of
 * the bodies of the few types they check, so most of a body is never evaluated, and evaluating all of it
 * would cost several times the JSON parse.
 */
import type { Location } from '../../../model/location.js';
import { getProperty, type ObjectValue, type Property, type Value } from '../../../model/value.js';
import type { JsonNode } from '../json/tree.js';
import type { TemplateScope } from './scope.js';
import { LazyMember, LazyObject, lazyObject, lazyValue } from './lazyValue.js';

/**
 * An ObjectValue whose `properties` are evaluated when first read. `kind` and `loc` are plain fields;
 * `properties` is an accessor, so copy it field by field (see withOriginSet in expr/values.ts), not with `{ ...body }`.
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
        this.evaluated = evaluateBody(this.node, this.scope, this.isDeployment);
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

/**
 * The members of the resource object, each evaluated when first read, without its child resources (they are
 * resources of their own) and leaving a nested deployment's template as written.
 */
function evaluateBody(node: JsonNode, scope: TemplateScope, isDeployment: boolean): Property[] {
  const raw = node.value() as ObjectValue;
  const own = raw.properties.filter((p) => p.key.toLowerCase() !== 'resources');
  const evaluate = (v: Value): Value => lazyValue(v, scope);
  if (isDeployment) {
    // The last `properties` (any case) is the one read, with its template as written; others named exactly
    // `properties` stay as written too.
    const props = own.findLast((p) => p.key.toLowerCase() === 'properties');
    const deploymentProps = (v: Value): Value => (v.kind === 'object' ? lazyObject(v, scope, (k) => k === 'template') : lazyValue(v, scope));
    return own.map((p) => new LazyMember(p, p === props ? deploymentProps : p.key === 'properties' ? (v) => v : evaluate));
  }
  const propsAt = own.findIndex((p) => p.key.toLowerCase() === 'properties');
  return own.map((p, i) => new LazyMember(p, i === propsAt ? (v) => withPropertyCopies(lazyValue(v, scope)) : evaluate));
}

/** Largest property copy loop expanded item by item. */
const MAX_COPY_ITEMS = 100;

/**
 * Expands `properties.copy` (property iteration): each `{ name, count, input }` becomes the array property
 * `name` with `count` evaluations of `input` (what depends on copyIndex() is unknown in each). The member
 * list is made when first read.
 */
function withPropertyCopies(props: Value): Value {
  if (props.kind !== 'object') return props;
  return new LazyObject(props.loc, props.origin, () => expandCopies(props.properties));
}

function expandCopies(members: Property[]): Property[] {
  const copy = getProperty({ kind: 'object', properties: members, loc: NOWHERE }, 'copy');
  if (copy?.value.kind !== 'array') return members;
  const properties: Property[] = members.filter((p) => p !== copy);
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
  return properties;
}

/** Location of the throw-away object used to look a key up in a member list. */
const NOWHERE: Location = { file: '', line: 1, column: 1, endLine: 1, endColumn: 1 };

function unknownProperties(raw: Value): Property[] {
  if (raw.kind !== 'object') return [];
  return raw.properties.map((p) => ({ key: p.key, keyLoc: p.keyLoc, value: { kind: 'unknown', reason: 'the resource could not be evaluated', loc: p.value.loc } }));
}
