import type { NamedCheck } from '../conditions.js';

/** Named checks for the identity rules (see rules/). */
export const identityChecks: Record<string, NamedCheck> = {};
