// Regressions for patterns seen in real-world ARM templates and parameter files.
import { getProperty, type ObjectValue } from '../../src/model/value.js';
import { at, parseIn, show } from './helpers.js';

const TEMPLATE = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "siteName": { "type": "string" },
    "openToAll": { "type": "bool", "defaultValue": false },
    "labels": { "type": "object", "defaultValue": {} }
  },
  "resources": [
    {
      "type": "Contoso.Things/gates",
      "apiVersion": "2024-01-01",
      "name": "[parameters('siteName')]",
      "properties": { "open": "[parameters('openToAll')]", "labels": "[parameters('labels')]" }
    }
  ]
}
`;

describe('azd environment placeholders in parameter files', () => {
  const params = (body: string): string => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
${body}
  }
}
`;

  test('a whole-value placeholder, with or without a default, is unknown and says which variable fills it', () => {
    const files = {
      'infra/main.json': TEMPLATE,
      'infra/main.parameters.json': params('    "siteName": { "value": "${GATE_NAME}" },\n    "openToAll": { "value": "${OPEN_GATE=false}" }'),
    };
    const parsed = parseIn(files, 'infra/main.json');
    expect(parsed.diagnostics).toEqual([]);
    const body = parsed.resources[0].body;
    expect(show(parsed.resources[0].name)).toBe('<unknown: parameter \'siteName\' is set from the environment variable GATE_NAME at deployment>');
    const props = getProperty(body, 'properties')!.value as ObjectValue;
    const open = getProperty(props, 'open')!.value;
    expect(show(open)).toBe('<unknown: parameter \'openToAll\' is set from the environment variable OPEN_GATE at deployment>');
    // The value is still placed where the template uses it, and remembers the parameter file line.
    expect(at(open.loc)).toBe('14:31-14:58');
    expect(open.origin?.location.file).toBe('infra/main.parameters.json');
    expect(open.origin?.location.line).toBe(6);
  });

  test('a placeholder inside a larger string, or nested in an object value, is unknown too; plain strings are kept', () => {
    const files = {
      'infra/main.json': TEMPLATE,
      'infra/main.parameters.json': params('    "siteName": { "value": "gate-${ENV_SUFFIX}" },\n    "labels": { "value": { "owner": "${OWNER}", "tier": "gold" } }'),
    };
    const parsed = parseIn(files, 'infra/main.json');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.resources[0].name.kind).toBe('unknown');
    const props = getProperty(parsed.resources[0].body, 'properties')!.value as ObjectValue;
    expect(show(getProperty(props, 'labels')!.value)).toEqual({
      owner: '<unknown: parameter \'labels\' is set from the environment variable OWNER at deployment>',
      tier: 'gold',
    });
  });

  test('a dollar sign without braces is an ordinary value', () => {
    const files = { 'infra/main.json': TEMPLATE, 'infra/main.parameters.json': params('    "siteName": { "value": "$web" }') };
    expect(show(parseIn(files, 'infra/main.json').resources[0].name)).toBe('$web');
  });
});
