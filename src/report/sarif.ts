import type { Rule } from '../engine/rule.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Finding } from '../model/finding.js';
import type { Location } from '../model/location.js';
import { HOME, TOOL_NAME, VERSION, ruleHelpUri } from '../version.js';
import { ruleHelpMarkdown, ruleHelpText } from './rule-help.js';
import { sarifLevel, securitySeverity } from './severity.js';

export interface SarifOptions {
  /** SARIF automation category (GitHub separates analyses by it). */
  category: string;
}

/** GitHub keeps at most this many results per run and shows 5,000; we stay within it. */
export const MAX_SARIF_RESULTS = 25_000;

function region(l: Location): Record<string, number> {
  return { startLine: l.line, startColumn: l.column, endLine: l.endLine, endColumn: Math.max(l.endColumn, l.endLine === l.line ? l.column + 1 : 1) };
}

function physical(l: Location): Record<string, unknown> {
  return { artifactLocation: { uri: encodeURI(l.file), uriBaseId: '%SRCROOT%' }, region: region(l) };
}

/** A SARIF 2.1.0 log of the findings, with full rule metadata; valid against the official schema. */
export function toSarif(findings: Finding[], rules: Rule[], diagnostics: Diagnostic[], opts: SarifOptions): object {
  const ruleIndex = new Map(rules.map((r, i) => [r.meta.id, i]));
  const results = findings.slice(0, MAX_SARIF_RESULTS).map((f) => {
    const result: Record<string, unknown> = {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId),
      level: sarifLevel(f.severity),
      message: { text: f.message },
      locations: [{ physicalLocation: physical(f.location) }],
      partialFingerprints: { primaryLocationLineHash: `${f.fingerprint}:1`, 'azureSecurityAudit/v1': f.fingerprint },
    };
    if (f.related.length > 0) {
      result.relatedLocations = f.related.slice(0, 100).map((r, i) => ({ id: i + 1, message: { text: r.message }, physicalLocation: physical(r.location) }));
    }
    if (f.fix) {
      result.fixes = [
        {
          description: { text: f.fix.description },
          artifactChanges: [
            {
              artifactLocation: { uri: encodeURI(f.fix.location.file), uriBaseId: '%SRCROOT%' },
              replacements: [{ deletedRegion: region(f.fix.location), insertedContent: { text: f.fix.replacement } }],
            },
          ],
        },
      ];
    }
    if (f.suppression) {
      result.suppressions = [{ kind: f.suppression.kind, justification: f.suppression.justification }];
    }
    if (f.baseline !== undefined) result.baselineState = f.baseline ? 'unchanged' : 'new';
    return result;
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            semanticVersion: VERSION,
            version: VERSION,
            informationUri: HOME,
            rules: rules.map((r) => ({
              id: r.meta.id,
              name: pascal(r.meta.id),
              shortDescription: { text: r.meta.title },
              fullDescription: { text: r.meta.description },
              help: { text: ruleHelpText(r), markdown: ruleHelpMarkdown(r) },
              helpUri: ruleHelpUri(r.meta.id),
              defaultConfiguration: { level: sarifLevel(r.meta.severity) },
              properties: {
                tags: ['security', ...r.meta.tags].slice(0, 10),
                precision: r.meta.precision,
                'security-severity': securitySeverity(r.meta.severity),
                'problem.severity': sarifLevel(r.meta.severity) === 'note' ? 'recommendation' : sarifLevel(r.meta.severity),
              },
            })),
          },
        },
        automationDetails: { id: opts.category.endsWith('/') ? opts.category : `${opts.category}/` },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: diagnostics.slice(0, 1000).map((d) => ({
              level: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note',
              message: { text: d.message },
              descriptor: { id: d.code },
              locations: [{ physicalLocation: physical(d.location) }],
            })),
          },
        ],
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

function pascal(id: string): string {
  return id
    .toLowerCase()
    .split('-')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}
