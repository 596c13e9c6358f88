/**
 * A Resource whose name (and the parent reference derived from it) is evaluated when first read. Names are
 * expressions (`[format('{0}-kv', parameters('prefix'))]`) and most are read only for the resources a
 * finding names, so evaluating them all while parsing cost a fifth of the parse.
 */
import type { Location } from '../../../model/location.js';
import type { Resource } from '../../../model/resource.js';
import type { ObjectValue, ResourceRef, Value } from '../../../model/value.js';

/** What an ArmResource is made of: plain fields, and how to compute its name and parent. */
export interface ArmResourceParts {
  key: string;
  type: string;
  apiVersion?: string;
  symbol?: string;
  body: ObjectValue;
  loc: Location;
  file: string;
  scope?: ResourceRef;
  existing?: boolean;
  conditional?: boolean;
  loop?: boolean;
  via?: Location[];
  /** Evaluates the name; called at most once, never throws. */
  name: () => Value;
  /** The parent reference; called at most once, after `name` if it needs it. */
  parent: () => ResourceRef | undefined;
}

/** One ARM resource; `name` and `parent` are accessors, computed on first read. */
export class ArmResource implements Resource {
  readonly format = 'arm' as const;
  key: string;
  type: string;
  apiVersion?: string;
  symbol?: string;
  body: ObjectValue;
  loc: Location;
  file: string;
  scope?: ResourceRef;
  existing?: boolean;
  conditional?: boolean;
  loop?: boolean;
  via?: Location[];
  private evaluatedName?: Value;
  private parentRef?: { ref: ResourceRef | undefined };
  private readonly computeName: () => Value;
  private readonly computeParent: () => ResourceRef | undefined;

  constructor(p: ArmResourceParts) {
    this.key = p.key;
    this.type = p.type;
    this.apiVersion = p.apiVersion;
    this.symbol = p.symbol;
    this.body = p.body;
    this.loc = p.loc;
    this.file = p.file;
    this.scope = p.scope;
    this.existing = p.existing;
    this.conditional = p.conditional;
    this.loop = p.loop;
    this.via = p.via;
    this.computeName = p.name;
    this.computeParent = p.parent;
  }

  get name(): Value {
    return (this.evaluatedName ??= this.computeName());
  }
  set name(v: Value) {
    this.evaluatedName = v;
  }

  get parent(): ResourceRef | undefined {
    return (this.parentRef ??= { ref: this.computeParent() }).ref;
  }
  set parent(ref: ResourceRef | undefined) {
    this.parentRef = { ref };
  }

  toJSON(): Resource {
    const { computeName: _n, computeParent: _p, evaluatedName: _e, parentRef: _r, ...fields } = this;
    return { ...fields, name: this.name, parent: this.parent };
  }
}
