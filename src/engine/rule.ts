import type { Severity } from '../model/finding.js';
import type { SourceFormat } from '../model/resource.js';

/** The categories of the guide. */
export const CATEGORIES = [
  'Identity & Access',
  'Network',
  'Threat Protection',
  'Secret Management',
  'Monitoring & Incident Response',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Precision = 'very-high' | 'high' | 'medium' | 'low';

export interface Example {
  wrong: string;
  correct: string;
}

/** Everything a rule says about itself: what reporters show. */
export interface RuleMeta {
  id: string;
  title: string;
  severity: Severity;
  /** Guide rule number, 1..12. */
  guide: number;
  category: Category;
  description: string;
  why: string;
  remediation: { summary: string; bicep?: Example; terraform?: Example; arm?: Example; json?: Example; yaml?: Example };
  references: string[];
  tags: string[];
  precision: Precision;
  /** Formats the rule can fire on. */
  formats: SourceFormat[];
  /** Pre-deployment checklist items this rule decides (ids from src/report/checklist.ts). */
  checklist: string[];
  /** Message templates: {resource}, {property}, {found}, {expected}. */
  message: string;
  /** Used instead of `message` when the property is missing. */
  messageMissing?: string;
  /** The rule file it was loaded from (for error messages). */
  file: string;
}

/** A leaf or compound condition on a subject (a resource body, or an item of one of its arrays). */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | LeafCondition
  | ItemsCondition
  | RelatedCondition
  | NamedCondition;

export interface LeafCondition {
  path: string;
  /** Value to assume when the property is absent (the service default). */
  default?: unknown;
  /** Point the finding at this leaf's value when it decides the outcome. */
  report?: boolean;
  equals?: unknown;
  'not-equals'?: unknown;
  in?: unknown[];
  'not-in'?: unknown[];
  matches?: string;
  exists?: boolean;
  missing?: boolean;
  empty?: boolean;
  'at-least'?: number;
  'less-than'?: number;
  contains?: unknown;
  'contains-any'?: unknown[];
  'is-internet-source'?: boolean;
  'port-range-contains'?: (number | string)[];
  'days-at-least'?: number;
}

export interface ItemsCondition {
  path: string;
  'any-item'?: Condition;
  'all-items'?: Condition;
  'no-item'?: Condition;
}

/** How a related resource points at the subject resource. */
export type Via = 'scope' | 'parent' | 'any' | string;

export interface RelatedCondition {
  related: { type: string | string[]; via: Via; where?: Condition };
}

export interface NamedCondition {
  check: string;
  args?: Record<string, unknown>;
}

export interface Check {
  /** ARM types the rule applies to (case-insensitive). */
  resource: string[];
  /** Evaluate once per item of this array instead of once per resource. */
  forEach?: string;
  /**
   * Resource types that are themselves one item of that array, declared on their own (an NSG's security rule
   * as a child resource): checked as a single item, so one rule covers both ways of writing it.
   */
  itemTypes?: string[];
  /** Applicability: only subjects for which this is true are checked. */
  when?: Condition;
  /** Violation when this is false (unknown is never a violation). */
  require?: Condition;
  /** Violation when this is true. */
  forbid?: Condition;
  /** A one-line edit: set the reported value to this literal. */
  fix?: { value: unknown; description?: string };
  /** Check resources declared with `existing` / data sources too (default false). */
  includeExisting?: boolean;
}

export interface Rule {
  meta: RuleMeta;
  check: Check;
}
