import type { NamedCheck } from '../conditions.js';
import { identityChecks } from './identity.js';
import { monitoringChecks } from './monitoring.js';
import { networkChecks } from './network.js';
import { secretsChecks } from './secrets.js';
import { threatProtectionChecks } from './threat-protection.js';

let registry: Record<string, NamedCheck> | undefined;

/**
 * Checks that YAML would say badly, by name. A rule refers to one with `check: <name>`; each returns a
 * three-valued outcome with the value to blame, like any other condition. Built on first use, so that the
 * check modules (which use the evaluator) and the evaluator (which calls them) can import each other in
 * any order.
 */
export function namedChecks(): Record<string, NamedCheck> {
  return (registry ??= {
    ...identityChecks,
    ...networkChecks,
    ...threatProtectionChecks,
    ...secretsChecks,
    ...monitoringChecks,
  });
}
