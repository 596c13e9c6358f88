/**
 * Values evaluated member by member, when first read. A rule reads a few paths of a resource body
 * (`properties.enableRbacAuthorization`); evaluating the whole body for that cost several times the JSON
 * parse. Objects here build their member list on first read of `properties`, and each member evaluates its
 * value on first read of `value`; arrays evaluate their items on first read of `items`.
 * `properties` and `items` are accessors: copy such a value field by field (see withOriginSet in expr/values.ts), never with `{ ...v }`.
 */
import type { Location } from '../../../model/location.js';
import type { ArrayValue, ObjectValue, Origin, Property, Value } from '../../../model/value.js';
import { evaluateString, type EvalHost } from '../expr/evaluate.js';

/** An object whose member list is made on first read. */
export class LazyObject implements ObjectValue {
  readonly kind = 'object' as const;
  private members?: Property[];

  constructor(
    readonly loc: Location,
    readonly origin: Origin | undefined,
    private build: (() => Property[]) | undefined,
  ) {}

  get properties(): Property[] {
    if (this.members === undefined) {
      const build = this.build!;
      this.build = undefined;
      this.members = build();
    }
    return this.members;
  }
  set properties(v: Property[]) {
    this.members = v;
    this.build = undefined;
  }

  toJSON(): ObjectValue {
    return { kind: 'object', properties: this.properties, loc: this.loc, origin: this.origin };
  }
}

/** An array whose items are evaluated on first read. */
class LazyArray implements ArrayValue {
  readonly kind = 'array' as const;
  private evaluated?: Value[];

  constructor(
    private readonly raw: ArrayValue,
    private readonly host: EvalHost,
  ) {}

  get loc(): Location {
    return this.raw.loc;
  }
  get origin(): Origin | undefined {
    return this.raw.origin;
  }
  get items(): Value[] {
    return (this.evaluated ??= this.raw.items.map((item) => guardedValue(item, this.host)));
  }
  set items(v: Value[]) {
    this.evaluated = v;
  }

  toJSON(): ArrayValue {
    return { kind: 'array', items: this.items, loc: this.loc, origin: this.origin };
  }
}

/** A member whose value is evaluated on first read; the key and its location are the raw member's. */
export class LazyMember implements Property {
  readonly key: string;
  private evaluated?: Value;

  constructor(
    private readonly raw: Property,
    private readonly evaluate: (raw: Value) => Value,
  ) {
    this.key = raw.key;
  }

  get keyLoc(): Location {
    return this.raw.keyLoc;
  }
  get value(): Value {
    if (this.evaluated === undefined) {
      try {
        this.evaluated = this.evaluate(this.raw.value);
      } catch {
        // Read by rules, after parsing: never throw. Nothing here can be known.
        this.evaluated = { kind: 'unknown', reason: 'the resource could not be evaluated', loc: this.raw.value.loc };
      }
    }
    return this.evaluated;
  }
  set value(v: Value) {
    this.evaluated = v;
  }

  toJSON(): Property {
    return { key: this.key, keyLoc: this.keyLoc, value: this.value };
  }
}

/** `raw` evaluated as ARM reads it (every `[...]` string an expression), each part when first read. */
export function lazyValue(raw: Value, host: EvalHost): Value {
  switch (raw.kind) {
    case 'string':
      return (raw.value as string).charCodeAt(0) === 91 ? evaluateString(raw as Value & { kind: 'string' }, host) : raw;
    case 'object':
      return lazyObject(raw, host);
    case 'array':
      return new LazyArray(raw, host);
    default:
      return raw;
  }
}

/** An object evaluated member by member; `asWritten` names members left as written. */
export function lazyObject(raw: ObjectValue, host: EvalHost, asWritten?: (key: string) => boolean): ObjectValue {
  const evaluate = (v: Value): Value => lazyValue(v, host);
  const keep = (v: Value): Value => v;
  return new LazyObject(raw.loc, raw.origin, () => raw.properties.map((p) => new LazyMember(p, asWritten?.(p.key) ? keep : evaluate)));
}

function guardedValue(raw: Value, host: EvalHost): Value {
  try {
    return lazyValue(raw, host);
  } catch {
    return { kind: 'unknown', reason: 'the resource could not be evaluated', loc: raw.loc };
  }
}
