/** JSON schema of the configuration file (.github/azure-security-audit.yml) and of LESSONS.md's yaml block. */

const ruleId = { type: 'string', pattern: '^AZSEC-[A-Z]+-[0-9]{3}$' };
const severity = { enum: ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'critical', 'high', 'medium', 'low'] };

export const configSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/azure-security-audit/azure-security-audit/config.schema.json',
  title: 'azure-security-audit configuration',
  type: ['object', 'null'],
  additionalProperties: false,
  properties: {
    'fail-on': { enum: ['critical', 'high', 'medium', 'low', 'none'], description: 'Fail for a finding in scope at or above this severity.' },
    scope: { enum: ['changed-lines', 'changed-files', 'all'], description: 'What is reported inline and can fail the check on a pull request.' },
    exclude: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Globs of files never scanned.' },
    rules: {
      type: 'object',
      description: "Per rule: 'off', a severity, or { enabled, severity }.",
      propertyNames: ruleId,
      additionalProperties: {
        oneOf: [
          { enum: ['off', 'on'] },
          severity,
          {
            type: 'object',
            additionalProperties: false,
            properties: { enabled: { type: 'boolean' }, severity },
          },
        ],
      },
    },
    'management-source-ranges': {
      type: 'array',
      description: 'Source address ranges (CIDR) allowed to reach management ports, such as a bastion subnet.',
      items: { type: 'string', pattern: '^[0-9a-fA-F:.]+(/[0-9]{1,3})?$' },
    },
    'trusted-locations': {
      type: 'array',
      description: 'Conditional Access named location ids (or AllTrusted) that may be excluded from admin policies.',
      items: { type: 'string', minLength: 1 },
    },
    exceptions: {
      type: 'array',
      description: 'Explicit, reasoned exceptions.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'reason'],
        properties: {
          rule: ruleId,
          path: { type: 'string', minLength: 1, description: 'Glob of files it applies to.' },
          resource: { type: 'string', minLength: 1, description: 'Resource name or symbol it applies to.' },
          reason: { type: 'string', minLength: 3 },
          expires: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD; the exception stops applying after this day.' },
        },
      },
    },
    baseline: { type: 'string', minLength: 1, description: 'Path of a baseline file written by `azure-security-audit baseline`.' },
  },
} as const;
