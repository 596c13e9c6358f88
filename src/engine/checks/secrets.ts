import type { NamedCheck } from '../conditions.js';
import { lookup } from '../conditions.js';
import { isSecretName, looksLikeSecretValue, shapedSecrets } from '../../formats/secrets/index.js';

/**
 * `literal-secret-value`: a Key Vault secret whose `properties.value` is a literal written in the template
 * (directly or through a parameter default / variable). Unknown values (parameters without default,
 * listKeys(), Terraform references) stay silent. Values of a recognisable shape are left to the text
 * rules, which report them with their kind, and so are Terraform values the text scan already reports
 * through the secret's name just above.
 */
const literalSecretValue: NamedCheck = (subject) => {
  const found = lookup(subject.value, 'properties.value');
  if (found.state === 'unknown') return { result: undefined };
  if (found.state === 'missing' || found.value.kind !== 'string') return { result: false };
  const text = found.value.value as string;
  if (!looksLikeSecretValue(text) || shapedSecrets(text).length > 0) return { result: false };
  const r = subject.resource;
  if (r.format === 'terraform' && !found.value.origin && r.name.kind === 'string' && isSecretName(r.name.value as string)) {
    const gap = found.value.loc.line - r.name.loc.line;
    if (gap > 0 && gap <= 4) return { result: false };
  }
  return { result: true, blame: { path: 'properties.value', value: found.value, property: found.property, missing: false, subject } };
};

/** `is-password-credential`: the subject is a password credential resource of its own (Graph `.../passwordCredentials`). */
const isPasswordCredential: NamedCheck = (subject) =>
  subject.resource.type.toLowerCase().endsWith('/passwordcredentials') ? { result: true, blame: { path: '', missing: true, subject } } : { result: false };

/** Named checks for the secrets rules (see rules/). */
export const secretsChecks: Record<string, NamedCheck> = {
  'is-password-credential': isPasswordCredential,
  'literal-secret-value': literalSecretValue,
};
