import { ConfigurationError } from '../errors.js';
import type { Severity } from '../model/finding.js';
import type { SourceFormat } from '../model/resource.js';
import { CHECKLIST_IDS } from '../report/checklist.js';
import { parseAndValidateYaml } from '../util/yaml-validate.js';
import { namedChecks } from './checks/index.js';
import type { Category, Check, Condition, Precision, Rule } from './rule.js';
import { ruleSchema } from './rule-schema.js';
import { bundledRules, ruleFiles, type RuleFile } from './rule-files.js';

interface RawRule {
  id: string;
  title: string;
  severity: Severity;
  guide: number;
  category: Category;
  description: string;
  why: string;
  remediation: Rule['meta']['remediation'];
  references: string[];
  tags: string[];
  precision: Precision;
  formats: SourceFormat[];
  checklist?: string[];
  message: string;
  'message-missing'?: string;
  check: {
    resource: string | string[];
    'for-each'?: string;
    'item-types'?: string[];
    when?: Condition;
    require?: Condition;
    forbid?: Condition;
    fix?: { value: unknown; description?: string };
    'include-existing'?: boolean;
  };
}

/** Load and validate rule files; a broken rule is a ConfigurationError naming its file, line and field. */
export function loadRules(files: RuleFile[]): Rule[] {
  const rules: Rule[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const rule = loadRule(file);
    const other = seen.get(rule.meta.id);
    if (other) throw new ConfigurationError(`${file.path}: rule id ${rule.meta.id} is already used by ${other}.`);
    seen.set(rule.meta.id, file.path);
    rules.push(rule);
  }
  return rules.sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
}

function loadRule(file: RuleFile): Rule {
  const { data, problems } = parseAndValidateYaml(file.text, ruleSchema);
  if (problems.length > 0) {
    const p = problems[0];
    throw new ConfigurationError(`${file.path}:${p.line}:${p.column}: ${p.field ? `'${p.field}' ` : ''}${p.message}.`);
  }
  const raw = data as RawRule;
  const fail = (field: string, message: string): never => {
    throw new ConfigurationError(`${file.path}: '${field}' ${message}.`);
  };
  const base = file.path.split('/').pop()!.replace(/\.yaml$/, '');
  if (base !== raw.id) fail('id', `is ${raw.id} but the file is named ${base}.yaml; name the file after the id`);
  for (const item of raw.checklist ?? []) {
    if (!CHECKLIST_IDS.has(item)) fail('checklist', `names an unknown checklist item '${item}'`);
  }
  const check: Check = {
    resource: Array.isArray(raw.check.resource) ? raw.check.resource : [raw.check.resource],
    forEach: raw.check['for-each'],
    itemTypes: raw.check['item-types'],
    when: raw.check.when,
    require: raw.check.require,
    forbid: raw.check.forbid,
    fix: raw.check.fix,
    includeExisting: raw.check['include-existing'] ?? false,
  };
  for (const [name, cond] of [['when', check.when], ['require', check.require], ['forbid', check.forbid]] as const) {
    if (cond) validateCondition(cond, `check.${name}`, fail);
  }
  return {
    meta: {
      id: raw.id,
      title: raw.title.trim(),
      severity: raw.severity,
      guide: raw.guide,
      category: raw.category,
      description: raw.description.trim(),
      why: raw.why.trim(),
      remediation: raw.remediation,
      references: raw.references,
      tags: raw.tags,
      precision: raw.precision,
      formats: raw.formats,
      checklist: raw.checklist ?? [],
      message: raw.message.trim(),
      messageMissing: raw['message-missing']?.trim(),
      file: file.path,
    },
    check,
  };
}

/** What the schema cannot say: regexes compile, named checks exist, a leaf has exactly one operator. */
function validateCondition(c: Condition, field: string, fail: (field: string, message: string) => never): void {
  if ('all' in c) c.all.forEach((x, i) => validateCondition(x, `${field}.all.${i}`, fail));
  else if ('any' in c) c.any.forEach((x, i) => validateCondition(x, `${field}.any.${i}`, fail));
  else if ('not' in c) validateCondition(c.not, `${field}.not`, fail);
  else if ('related' in c) {
    if (c.related.where) validateCondition(c.related.where, `${field}.related.where`, fail);
  } else if ('check' in c) {
    if (!namedChecks()[c.check]) fail(`${field}.check`, `names '${c.check}', which is not a known check (${Object.keys(namedChecks()).sort().join(', ')})`);
  } else {
    const ops = Object.keys(c).filter((k) => k !== 'path' && k !== 'default' && k !== 'report');
    if (ops.length !== 1) fail(field, `must have exactly one operator beside 'path', found ${ops.length === 0 ? 'none' : ops.join(', ')}`);
    const leaf = c as { matches?: string; 'any-item'?: Condition; 'all-items'?: Condition; 'no-item'?: Condition };
    if (leaf.matches !== undefined) {
      try {
        new RegExp(leaf.matches, 'i');
      } catch {
        fail(`${field}.matches`, 'is not a valid regular expression');
      }
    }
    for (const k of ['any-item', 'all-items', 'no-item'] as const) {
      const sub = leaf[k];
      if (sub) validateCondition(sub, `${field}.${k}`, fail);
    }
  }
}

/** The product's rules: compiled into the bundle at build time, or loaded from rules/ when run from source. */
export function builtInRules(): Rule[] {
  return bundledRules() ?? loadRules(ruleFiles());
}
