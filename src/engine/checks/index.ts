import type { NamedCheck } from '../conditions.js';

/**
 * Checks that YAML would say badly, by name. A rule refers to one with `check: <name>`; each returns a
 * three-valued outcome with the value to blame, like any other condition.
 */
export const NAMED_CHECKS: Record<string, NamedCheck> = {};
