import type { Rule } from '../engine/rule.js';

/** A rule's help as plain text (SARIF help.text). */
export function ruleHelpText(r: Rule): string {
  return `${r.meta.description}\n\nWhy it matters: ${r.meta.why}\n\nHow to fix: ${r.meta.remediation.summary}\n\nReferences:\n${r.meta.references.map((u) => `- ${u}`).join('\n')}`;
}

/** A rule's help as markdown with its wrong and correct examples (SARIF help.markdown, rule index). */
export function ruleHelpMarkdown(r: Rule): string {
  const parts = [
    `**${r.meta.id}: ${r.meta.title}** (${r.meta.severity}, guide rule ${r.meta.guide}, ${r.meta.category})`,
    r.meta.description,
    `**Why it matters.** ${r.meta.why}`,
    `**How to fix.** ${r.meta.remediation.summary}`,
  ];
  const langs: [keyof Rule['meta']['remediation'], string][] = [
    ['bicep', 'bicep'],
    ['terraform', 'hcl'],
    ['arm', 'json'],
    ['json', 'json'],
    ['yaml', 'yaml'],
  ];
  for (const [key, lang] of langs) {
    const ex = r.meta.remediation[key];
    if (!ex || typeof ex === 'string') continue;
    parts.push(`Wrong (${key}):\n\n\`\`\`${lang}\n${ex.wrong.trimEnd()}\n\`\`\`\n\nCorrect (${key}):\n\n\`\`\`${lang}\n${ex.correct.trimEnd()}\n\`\`\``);
  }
  parts.push(`References:\n${r.meta.references.map((u) => `- ${u}`).join('\n')}`);
  return parts.join('\n\n');
}
