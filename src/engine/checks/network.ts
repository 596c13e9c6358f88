import type { NamedCheck } from '../conditions.js';

/** Named checks for the network rules (see rules/). */
export const networkChecks: Record<string, NamedCheck> = {};
