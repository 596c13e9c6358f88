/** The product's name, version and home, as reporters show them. Keep VERSION equal to package.json's. */
export const TOOL_NAME = 'azure-security-audit';
export const VERSION = '0.1.0';
export const HOME = 'https://github.com/azure-security-audit/azure-security-audit';

/** Link to a rule's entry in the rule index. */
export function ruleHelpUri(ruleId: string): string {
  return `${HOME}/blob/main/rules/README.md#${ruleId.toLowerCase()}`;
}
