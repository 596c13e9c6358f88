import { verifyFix, evaluateRules, RuleIndex } from './engine/evaluate.js';
import type { Rule } from './engine/rule.js';
import type { RuleSettings } from './engine/conditions.js';
import { Deployment } from './model/deployment.js';
import type { Diagnostic } from './model/diagnostic.js';
import { compareFindings, type Finding } from './model/finding.js';
import { LineIndex, lineLocation } from './model/location.js';
import type { FrontEnd, ParseContext, ParsedFile, SourceFile } from './model/resource.js';
import { errorMessage } from './errors.js';

export interface ScanInput {
  /** The files under review. */
  files: SourceFile[];
  /** Other files of the same deployments, parsed only so that relations can be judged. */
  contextFiles?: SourceFile[];
  /** Safe access to the rest of the workspace (modules, parameter files). */
  context: ParseContext;
  frontEnds: readonly FrontEnd[];
  /** Scanners that read every file under review besides its own front end (the secret scanner). */
  textScanners?: readonly FrontEnd[];
  rules: Rule[] | RuleIndex;
  /** The team's settings the rules read (allowed management ranges, trusted locations). */
  settings?: RuleSettings;
}

export interface ScanResult {
  parsed: ParsedFile[];
  /** Sorted by file, line, column, rule; unique by fingerprint. */
  findings: Finding[];
  /** What could not be read, sorted by file and line. */
  diagnostics: Diagnostic[];
  /** Paths of the files under review that a front end read (others were not infrastructure files). */
  scanned: string[];
}

/** The front end that reads a file, if any. */
export function frontEndFor(file: SourceFile, frontEnds: readonly FrontEnd[]): FrontEnd | undefined {
  return frontEnds.find((fe) => fe.accepts(file.path, file.text));
}

/** Parse one file; a front end that throws is a bug of ours, reported as a diagnostic, never a crash. */
export function parseFile(file: SourceFile, frontEnd: FrontEnd, context: ParseContext): ParsedFile {
  try {
    return frontEnd.parse(file, context);
  } catch (e) {
    return {
      file: file.path,
      format: frontEnd.format,
      resources: [],
      comments: [],
      diagnostics: [
        {
          code: 'INTERNAL',
          severity: 'error',
          message: `The ${frontEnd.format} reader failed on this file (${errorMessage(e)}); it was skipped. Please report this.`,
          location: lineLocation(file.path, 1),
        },
      ],
    };
  }
}

/** Files in, findings out: parse, link into a deployment, run the rules. No I/O beyond `context`. */
export function scan(input: ScanInput): ScanResult {
  const index = input.rules instanceof RuleIndex ? input.rules : new RuleIndex(input.rules);
  const parsed: ParsedFile[] = [];
  const scanned: string[] = [];
  const texts = new Map<string, string>();
  const parseAll = (files: SourceFile[], underReview: boolean): void => {
    for (const file of files) {
      const fe = frontEndFor(file, input.frontEnds);
      let read = false;
      if (fe) {
        parsed.push(parseFile(file, fe, input.context));
        read = true;
      }
      // Secrets are looked for in every file under review, whatever its format (context files are not ours to judge).
      for (const scanner of underReview ? (input.textScanners ?? []) : []) {
        if (!scanner.accepts(file.path, file.text)) continue;
        parsed.push(parseFile(file, scanner, input.context));
        read = true;
      }
      if (!read) continue;
      texts.set(file.path, file.text);
      if (underReview) scanned.push(file.path);
    }
  };
  parseAll(input.files, true);
  const reviewed = new Set(scanned);
  parseAll((input.contextFiles ?? []).filter((f) => !reviewed.has(f.path)), false);

  const deployment = new Deployment(parsed.flatMap((p) => p.resources));
  const findings = evaluateRules(index, deployment, input.settings);
  keepVerifiedFixes(findings, texts, input.context);
  findings.sort(compareFindings);

  // What could not be read is reported for the files under review; context files are someone else's change.
  const diagnostics = parsed.filter((p) => reviewed.has(p.file)).flatMap((p) => p.diagnostics);
  diagnostics.sort((a, b) => (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : a.location.line - b.location.line));
  return { parsed, findings, diagnostics, scanned };
}

/** Drop a proposed fix unless the text it would replace is exactly what the rule saw. */
function keepVerifiedFixes(findings: Finding[], texts: Map<string, string>, context: ParseContext): void {
  const indexes = new Map<string, LineIndex | undefined>();
  for (const f of findings) {
    if (!f.fix) continue;
    const file = f.fix.location.file;
    if (!indexes.has(file)) {
      const text = texts.get(file) ?? context.readFile(file);
      indexes.set(file, text === undefined ? undefined : new LineIndex(text));
    }
    const lines = indexes.get(file);
    if (!lines || !verifyFix(f.fix, lines.lineText(f.fix.location.line))) delete f.fix;
  }
}
