/** The guide's pre-deployment security checklist, as the job summary shows it. Rules name item ids. */
export interface ChecklistItem {
  id: string;
  section: 'Identity' | 'Network' | 'Threat Protection' | 'Secrets' | 'Monitoring';
  text: string;
}

export const CHECKLIST: readonly ChecklistItem[] = [
  { id: 'identity.kv-rbac', section: 'Identity', text: 'Key Vault uses RBAC (not access policies)' },
  { id: 'identity.ca-admins', section: 'Identity', text: 'Conditional Access enabled for admin roles' },
  { id: 'identity.legacy-auth', section: 'Identity', text: 'Legacy authentication protocols blocked' },
  { id: 'identity.federated-credentials', section: 'Identity', text: 'Service principals use federated credentials (not secrets)' },
  { id: 'network.private-endpoints', section: 'Network', text: 'Private endpoints for all data services' },
  { id: 'network.nsg-deny-default', section: 'Network', text: 'NSG rules follow deny-all-by-default' },
  { id: 'network.flow-logs', section: 'Network', text: 'NSG flow logs enabled with Traffic Analytics' },
  { id: 'network.no-public-endpoints', section: 'Network', text: 'No public endpoints on databases or key vaults' },
  { id: 'threat.defender', section: 'Threat Protection', text: 'Defender for Cloud enabled (Storage, KeyVault, Containers minimum)' },
  { id: 'threat.security-contact', section: 'Threat Protection', text: 'Security contact configured for alerts' },
  { id: 'threat.policy', section: 'Threat Protection', text: 'Azure Policy assignments active (audit or deny mode)' },
  { id: 'secrets.expiry', section: 'Secrets', text: 'All secrets in Key Vault with expiration dates' },
  { id: 'secrets.no-hardcoded', section: 'Secrets', text: 'No hardcoded secrets in code, config, or environment variables' },
  { id: 'secrets.rotation', section: 'Secrets', text: 'Secret rotation schedule documented' },
  { id: 'monitoring.diagnostics', section: 'Monitoring', text: 'Diagnostic settings on all critical resources' },
  { id: 'monitoring.alerts', section: 'Monitoring', text: 'Alerts configured for security anomalies' },
  { id: 'monitoring.runbook', section: 'Monitoring', text: 'Incident response runbook documented and tested' },
];

export const CHECKLIST_IDS: ReadonlySet<string> = new Set(CHECKLIST.map((i) => i.id));
