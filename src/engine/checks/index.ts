import type { NamedCheck } from '../conditions.js';
import { identityChecks } from './identity.js';
import { monitoringChecks } from './monitoring.js';
import { networkChecks } from './network.js';
import { secretsChecks } from './secrets.js';
import { threatProtectionChecks } from './threat-protection.js';

/**
 * Checks that YAML would say badly, by name. A rule refers to one with `check: <name>`; each returns a
 * three-valued outcome with the value to blame, like any other condition.
 */
export const NAMED_CHECKS: Record<string, NamedCheck> = {
  ...identityChecks,
  ...networkChecks,
  ...threatProtectionChecks,
  ...secretsChecks,
  ...monitoringChecks,
};
