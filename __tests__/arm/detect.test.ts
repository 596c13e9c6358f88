import { armFrontEnd, armKind } from '../../src/formats/arm/index.js';
import { memoryContext } from './helpers.js';

const TEMPLATE_HEAD = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n';
const PARAMS_HEAD = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n';

describe('recognising ARM files', () => {
  test('a deployment template is accepted', () => {
    expect(armFrontEnd.accepts('infra/main.json', TEMPLATE_HEAD + '  "resources": []\n}')).toBe(true);
    expect(armKind(TEMPLATE_HEAD)).toBe('template');
  });

  test('subscription-level templates and parameter files are accepted', () => {
    const sub = '{"$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#", "resources": []}';
    expect(armFrontEnd.accepts('sub.json', sub)).toBe(true);
    expect(armFrontEnd.accepts('main.parameters.json', PARAMS_HEAD + '  "parameters": {}\n}')).toBe(true);
    expect(armKind(PARAMS_HEAD)).toBe('parameters');
  });

  test('package.json, tsconfig.json and other JSON are passed over', () => {
    expect(armFrontEnd.accepts('package.json', '{"name": "x", "version": "1.0.0", "scripts": {}}')).toBe(false);
    expect(armFrontEnd.accepts('tsconfig.json', '{"compilerOptions": {"strict": true}}')).toBe(false);
    expect(armFrontEnd.accepts('schema.json', '{"$schema": "http://json-schema.org/draft-07/schema#"}')).toBe(false);
  });

  test('a template is not accepted under a non-JSON name', () => {
    expect(armFrontEnd.accepts('main.bicep', TEMPLATE_HEAD)).toBe(false);
  });

  test('a large unrelated JSON file is rejected by looking at its start only', () => {
    const big = '{"data": [' + '"x",'.repeat(2_000_000) + '"y"], "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"}';
    const t0 = performance.now();
    expect(armFrontEnd.accepts('data.json', big)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(50);
  });

  test('a parameter file parsed on its own gives diagnostics only', () => {
    const text = PARAMS_HEAD + '  "parameters": { "a": { "value": 1 }, }\n}';
    const r = armFrontEnd.parse({ path: 'p.parameters.json', text }, memoryContext({}));
    expect(r.format).toBe('arm-parameters');
    expect(r.resources).toEqual([]);
    expect(r.diagnostics).toEqual([]);
  });
});
