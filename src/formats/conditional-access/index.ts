/**
 * Front end for Entra ID Conditional Access policies written as Microsoft Graph JSON
 * (conditionalAccessPolicy). Each policy becomes one resource of type CONDITIONAL_ACCESS_POLICY whose body is
 * the policy JSON itself, so rules read paths such as `conditions.users.includeRoles` or
 * `grantControls.builtInControls` directly.
 *
 * Plain JSON cannot carry suppression comments (JSONC comments are collected when present); a sidecar
 * annotation file can later be read through ParseContext.readFile without changing this module's output.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import { CONDITIONAL_ACCESS_POLICY, type FrontEnd, type ParsedFile, type Resource, type SourceFile } from '../../model/resource.js';
import { getProperty, V, type Value } from '../../model/value.js';
import { readJsonTree } from './json-tree.js';
import { findPolicies, type FoundPolicy } from './policies.js';
import { looksLikeConditionalAccess } from './recognise.js';

export { looksLikeConditionalAccess } from './recognise.js';

/** Reads Conditional Access policy JSON files into one resource per policy. */
export const conditionalAccessFrontEnd: FrontEnd = {
  format: 'conditional-access',
  accepts: (path, text) => looksLikeConditionalAccess(path, text),
  parse: (file) => parseConditionalAccess(file),
};

/** Parses one file of Conditional Access policies; never throws. */
export function parseConditionalAccess(file: SourceFile): ParsedFile {
  const out: ParsedFile = { file: file.path, format: 'conditional-access', resources: [], diagnostics: [], comments: [] };
  try {
    const tree = readJsonTree(file.path, file.text);
    out.comments = tree.comments;
    out.diagnostics.push(...tree.diagnostics);
    if (tree.root === undefined) return out;
    const scan = findPolicies(tree.root);
    if (scan.unrecognised) out.diagnostics.push(shapeDiagnostic(tree.root));
    for (const item of scan.notPolicies) out.diagnostics.push(notAPolicy(item));
    for (const found of scan.policies) out.resources.push(toResource(file.path, found));
  } catch (e) {
    // Defensive only: the reader is written not to throw, but a front end must never take the run down.
    out.diagnostics.push({
      code: 'CA-INTERNAL',
      severity: 'error',
      message: `The Conditional Access reader failed on this file: ${e instanceof Error ? e.message : String(e)}`,
      location: { file: file.path, line: 1, column: 1, endLine: 1, endColumn: 1 },
    });
  }
  return out;
}

function toResource(file: string, found: FoundPolicy): Resource {
  const { policy, index, position } = found;
  const displayName = getProperty(policy, 'displayName')?.value;
  const named = displayName?.kind === 'string' && (displayName.value as string).trim() !== '';
  return {
    key: `${file}#${index}`,
    type: CONDITIONAL_ACCESS_POLICY,
    symbol: named ? (displayName.value as string) : position,
    name: displayName ?? V.unknown(`policy without a displayName (${position})`, policy.loc),
    body: policy,
    loc: policy.loc,
    format: 'conditional-access',
    file,
  };
}

function shapeDiagnostic(root: Value): Diagnostic {
  return {
    code: 'CA-SHAPE',
    severity: 'warning',
    message:
      'This file looks like Conditional Access JSON but holds neither a policy object, an array of policies, ' +
      'nor a Graph list ({ "value": [...] }); nothing in it was checked.',
    location: root.loc,
  };
}

function notAPolicy(item: Value): Diagnostic {
  return {
    code: 'CA-SHAPE',
    severity: 'warning',
    message: `Expected a Conditional Access policy object in the list, found ${item.kind === 'unknown' ? 'an unreadable value' : `a ${item.kind}`}; it was skipped.`,
    location: item.loc,
  };
}
