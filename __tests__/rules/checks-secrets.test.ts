/** Unit tests of the named checks behind the secret rules. */
import { secretsChecks } from '../../src/engine/checks/secrets.js';
import type { Subject } from '../../src/engine/conditions.js';
import { Deployment } from '../../src/model/deployment.js';
import { NO_SETTINGS } from '../../src/engine/conditions.js';
import { lineLocation } from '../../src/model/location.js';
import type { Resource } from '../../src/model/resource.js';
import { V, type Value } from '../../src/model/value.js';

const at = (line: number) => lineLocation('main.bicep', line, 3, 20);

function secret(value: Value | undefined, type = 'Microsoft.KeyVault/vaults/secrets', format: Resource['format'] = 'bicep'): Subject {
  const props = value ? [{ key: 'value', keyLoc: at(value.loc.line), value }] : [];
  const body = V.obj([{ key: 'properties', keyLoc: at(3), value: V.obj(props, at(3)) }], at(1));
  const resource: Resource = { key: 'main.bicep#s', type, symbol: 's', name: V.str('partner', at(2)), body, loc: at(1), format, file: 'main.bicep' };
  return { resource, value: body, path: '' };
}
const ctx = { deployment: new Deployment([]), settings: NO_SETTINGS };

describe('literal-secret-value', () => {
  const check = secretsChecks['literal-secret-value'];

  test('a literal value is a violation, blamed on the value line', () => {
    const o = check(secret(V.str('q7Zr-2mXp-88aa', at(5))), ctx, {});
    expect(o.result).toBe(true);
    expect(o.blame?.path).toBe('properties.value');
    expect(o.blame?.value?.loc.line).toBe(5);
  });

  test('an unknown value is never a violation', () => {
    expect(check(secret(V.unknown("param without default 'key'", at(5))), ctx, {}).result).toBeUndefined();
  });

  test('empty values, placeholders and shaped secrets (reported by the text rules) are not reported here', () => {
    expect(check(secret(V.str('', at(5))), ctx, {}).result).toBe(false);
    expect(check(secret(V.str('<set-me>', at(5))), ctx, {}).result).toBe(false);
    expect(check(secret(V.str('ghp_hzCueQpBenQtYh5Xj8TPQxjq4i9DoV8gz4Fk', at(5))), ctx, {}).result).toBe(false);
    expect(check(secret(undefined), ctx, {}).result).toBe(false);
  });
});

describe('is-password-credential', () => {
  const check = secretsChecks['is-password-credential'];

  test('a password credential resource is the finding, on its first line', () => {
    const o = check(secret(undefined, 'Microsoft.Graph/applications/passwordCredentials', 'terraform'), ctx, {});
    expect(o.result).toBe(true);
    expect(o.blame?.missing).toBe(true);
  });

  test('an application itself is not', () => {
    expect(check(secret(undefined, 'Microsoft.Graph/applications', 'terraform'), ctx, {}).result).toBe(false);
  });
});
