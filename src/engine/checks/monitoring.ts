import type { NamedCheck } from '../conditions.js';

/** Named checks for the monitoring rules (see rules/). */
export const monitoringChecks: Record<string, NamedCheck> = {};
