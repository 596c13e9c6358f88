import type { NamedCheck } from '../conditions.js';

/** Named checks for the secrets rules (see rules/). */
export const secretsChecks: Record<string, NamedCheck> = {};
