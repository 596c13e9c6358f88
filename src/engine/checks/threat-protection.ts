import type { NamedCheck } from '../conditions.js';

/** Named checks for the threat-protection rules (see rules/). */
export const threatProtectionChecks: Record<string, NamedCheck> = {};
