/**
 * Well-known identifiers that Conditional Access policies refer to. Role ids are the built-in role
 * *template* ids, the same in every tenant, as listed in Microsoft's "Microsoft Entra built-in roles"
 * reference (permissions-reference, "All roles" table). `privilegedLabel` mirrors that page's PRIVILEGED mark.
 */

/** The "Windows Azure Service Management API" app (portal, CLI, PowerShell, ARM), shown as "Azure Management". */
export const AZURE_MANAGEMENT_APP_ID = '797f4846-ba00-4fd7-ba43-dac1f8f63013';

/** Keywords Graph accepts in place of ids in `includeUsers` / `includeApplications` / `includeLocations`. */
export const CA_KEYWORDS = {
  all: 'All',
  none: 'None',
  allTrustedLocations: 'AllTrusted',
  guestsOrExternalUsers: 'GuestsOrExternalUsers',
  office365: 'Office365',
  microsoftAdminPortals: 'MicrosoftAdminPortals',
} as const;

export interface BuiltInRole {
  name: string;
  templateId: string;
  /** Marked PRIVILEGED in Microsoft's built-in roles reference. */
  privilegedLabel: boolean;
}

/** Administrator roles that an "MFA for admins" policy is expected to cover, most powerful first. */
export const ADMIN_ROLES: readonly BuiltInRole[] = [
  { name: 'Global Administrator', templateId: '62e90394-69f5-4237-9190-012177145e10', privilegedLabel: true },
  { name: 'Privileged Role Administrator', templateId: 'e8611ab8-c189-46e8-94e1-60213ab1f814', privilegedLabel: true },
  { name: 'Privileged Authentication Administrator', templateId: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13', privilegedLabel: true },
  { name: 'Security Administrator', templateId: '194ae4cb-b126-40b2-bd5b-6091b380977d', privilegedLabel: true },
  { name: 'Conditional Access Administrator', templateId: 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9', privilegedLabel: true },
  { name: 'Application Administrator', templateId: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', privilegedLabel: true },
  { name: 'Cloud Application Administrator', templateId: '158c047a-c907-4556-b7ef-446551a6b5f7', privilegedLabel: true },
  { name: 'User Administrator', templateId: 'fe930be7-5e62-47db-91af-98c3a49a38b1', privilegedLabel: true },
  { name: 'Authentication Administrator', templateId: 'c4e39bd9-1100-46d3-8c65-fb160da0071f', privilegedLabel: true },
  { name: 'Helpdesk Administrator', templateId: '729827e3-9c14-49f7-bb1b-9608f156bbb8', privilegedLabel: true },
  { name: 'Password Administrator', templateId: '966707d0-3269-4727-9be2-8c3a10f19b9d', privilegedLabel: true },
  { name: 'Hybrid Identity Administrator', templateId: '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2', privilegedLabel: true },
  { name: 'Intune Administrator', templateId: '3a2c62db-5318-420d-8d74-23affee5d9d5', privilegedLabel: true },
  { name: 'Domain Name Administrator', templateId: '8329153b-31d0-4727-b945-745eb3bc5f31', privilegedLabel: true },
  { name: 'External Identity Provider Administrator', templateId: 'be2f45a1-457d-42af-a067-6ec1fa63bc45', privilegedLabel: true },
  { name: 'Cloud Device Administrator', templateId: '7698a772-787b-4ac8-901f-60d6b08affd2', privilegedLabel: true },
  { name: 'Security Operator', templateId: '5f2222b1-57c3-48ba-8ad5-d4759f1fde6f', privilegedLabel: true },
  { name: 'Exchange Administrator', templateId: '29232cdf-9323-42fd-ade2-1d097af3e4de', privilegedLabel: false },
  { name: 'SharePoint Administrator', templateId: 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c', privilegedLabel: false },
  { name: 'Billing Administrator', templateId: 'b0f54661-2d74-4c50-afa3-1ec803f12efe', privilegedLabel: false },
  { name: 'Authentication Policy Administrator', templateId: '0526716b-113d-4c15-b2c8-68e3c22b9f80', privilegedLabel: false },
  { name: 'Teams Administrator', templateId: '69091246-20e8-4a56-aa4d-066075b2a7a8', privilegedLabel: false },
];

/** The two roles the guide names as the minimum an admin-portal policy must include. */
export const GLOBAL_ADMINISTRATOR_ROLE_ID = '62e90394-69f5-4237-9190-012177145e10';
export const PRIVILEGED_ROLE_ADMINISTRATOR_ROLE_ID = 'e8611ab8-c189-46e8-94e1-60213ab1f814';

const BY_ID = new Map(ADMIN_ROLES.map((r) => [r.templateId, r]));

/** The admin role with this template id (case-insensitive), if it is one we know. */
export function adminRole(templateId: string): BuiltInRole | undefined {
  return BY_ID.get(templateId.trim().toLowerCase());
}

/** "Global Administrator" for its template id; the id itself when unknown. */
export function roleName(templateId: string): string {
  return adminRole(templateId)?.name ?? templateId;
}
