/**
 * Cheap recognition of Conditional Access policy JSON by shape, so that every other JSON file in a
 * repository (package.json, tsconfig, ARM templates, ...) is passed over without being parsed.
 */

const JSON_PATH = /\.jsonc?$/i;
/** ARM templates and parameter files declare their schema; they are never Graph policies. */
const ARM_SCHEMA = /"\$schema"\s*:\s*"[^"]*deployment(?:Template|Parameters)/i;
/** A Graph list response names the collection it came from. */
const GRAPH_CONTEXT = /"@odata\.context"\s*:\s*"[^"]*conditionalAccess/i;
const CONDITIONS = /"conditions"\s*:/i;
const CONTROLS = /"(?:grantControls|sessionControls)"\s*:/i;
const IDENTITY = /"(?:displayName|state)"\s*:/i;

/** True for a .json/.jsonc file whose text has the keys of a conditionalAccessPolicy (case-insensitive, as PowerShell exports are PascalCase). */
export function looksLikeConditionalAccess(path: string, text: string): boolean {
  if (!JSON_PATH.test(path)) return false;
  if (GRAPH_CONTEXT.test(text)) return true;
  if (ARM_SCHEMA.test(text)) return false;
  return CONDITIONS.test(text) && CONTROLS.test(text) && IDENTITY.test(text);
}
