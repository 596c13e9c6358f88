import { classifyString, evaluateExpressionText, parseExpression, type EvalHost } from '../../src/formats/arm/index.js';
import type { Location } from '../../src/model/location.js';
import type { Value } from '../../src/model/value.js';
import { show } from './helpers.js';

const LOC: Location = { file: 't.json', line: 5, column: 10, endLine: 5, endColumn: 40 };
const DEFAULT_LOC: Location = { file: 't.json', line: 2, column: 3, endLine: 2, endColumn: 9 };

function host(params: Record<string, Value> = {}, symbols: string[] = []): EvalHost {
  return {
    file: 't.json',
    parameter: (n) => {
      const v = params[n];
      return v && { ...v, origin: { via: `parameters('${n}')`, location: v.loc } };
    },
    variable: (n) => (n === 'prefix' ? { kind: 'string', value: 'app', loc: DEFAULT_LOC, origin: { via: "variables('prefix')", location: DEFAULT_LOC } } : undefined),
    isSymbol: (n) => symbols.includes(n),
  };
}

const PARAMS: Record<string, Value> = {
  enableRbac: { kind: 'boolean', value: false, loc: DEFAULT_LOC },
  name: { kind: 'string', value: 'Vault-One', loc: DEFAULT_LOC },
  tags: { kind: 'object', properties: [{ key: 'env', keyLoc: DEFAULT_LOC, value: { kind: 'string', value: 'prod', loc: DEFAULT_LOC } }], loc: DEFAULT_LOC },
  list: { kind: 'array', items: [{ kind: 'number', value: 7, loc: DEFAULT_LOC }], loc: DEFAULT_LOC },
};

function ev(text: string, h = host(PARAMS, ['kv'])): Value {
  const c = classifyString(text);
  if (c.kind !== 'expression') throw new Error('not an expression');
  return evaluateExpressionText(c.inner, LOC, h);
}

describe('parsing expressions', () => {
  test('calls, property access, index, strings with escaped quotes, numbers, literals', () => {
    const r = parseExpression("concat(parameters('a').b[0], 'it''s', -3, true)");
    expect(r.ok && r.expr).toMatchObject({
      kind: 'call',
      name: 'concat',
      args: [
        { kind: 'index', target: { kind: 'property', name: 'b', target: { kind: 'call', name: 'parameters' } }, index: { kind: 'number', value: 0 } },
        { kind: 'string', value: "it's" },
        { kind: 'number', value: -3 },
        { kind: 'literal', value: true },
      ],
    });
  });

  test('user-defined functions are called as namespace.member()', () => {
    const r = parseExpression("contoso.uniqueName('x')");
    expect(r.ok && r.expr).toMatchObject({ kind: 'call', name: 'contoso.uniqueName' });
  });

  test('syntax errors say what was expected and where', () => {
    expect(parseExpression("concat('a'")).toEqual({ ok: false, message: "Expected ')' to close the call to concat, found the end of the expression", offset: 10 });
    expect(parseExpression("concat('a)")).toEqual({ ok: false, message: "Unterminated string: expected a closing '", offset: 7 });
    expect(parseExpression('foo')).toEqual({ ok: false, message: "Expected '(' after the function name 'foo'", offset: 3 });
  });

  test('100,000 nested calls are rejected, not a stack overflow', () => {
    const r = parseExpression('f('.repeat(100_000) + ')'.repeat(100_000));
    expect(r.ok).toBe(false);
  });

  test('strings: expressions, the [[ escape, and plain text', () => {
    expect(classifyString("[parameters('a')]")).toEqual({ kind: 'expression', inner: "parameters('a')" });
    expect(classifyString('[[not an expression]')).toEqual({ kind: 'literal', value: '[not an expression]' });
    expect(classifyString('[only the start')).toEqual({ kind: 'literal', value: '[only the start' });
  });
});

describe('evaluating expressions', () => {
  test.each([
    ["[concat('a', 'b', 'c')]", 'abc'],
    ["[format('{0}-{1}', 'kv', 3)]", 'kv-3'],
    ["[toLower(parameters('name'))]", 'vault-one'],
    ["[toUpper('x')]", 'X'],
    ["[replace('a-b-c', '-', '')]", 'abc'],
    ["[if(equals(parameters('tags').env, 'prod'), 'big', 'small')]", 'big'],
    ["[not(parameters('enableRbac'))]", true],
    ["[and(true, parameters('enableRbac'))]", false],
    ["[or(false, true)]", true],
    ["[bool('true')]", true],
    ["[int('42')]", 42],
    ['[string(5)]', '5'],
    ["[empty('')]", true],
    ["[contains(parameters('tags'), 'ENV')]", true],
    ["[length(parameters('list'))]", 1],
    ["[parameters('list')[0]]", 7],
    ["[union(parameters('tags'), createObject('owner', 'me'))]", { env: 'prod', owner: 'me' }],
    ["[variables('prefix')]", 'app'],
    ["[concat(variables('prefix'), '-', parameters('tags')['env'])]", 'app-prod'],
  ])('%s', (text, expected) => {
    expect(show(ev(text))).toEqual(expected);
  });

  test('a parameter value keeps where it was set, and is located where it is used', () => {
    const v = ev("[parameters('enableRbac')]");
    expect(v).toMatchObject({ kind: 'boolean', value: false, loc: LOC, origin: { via: "parameters('enableRbac')", location: DEFAULT_LOC } });
    const chosen = ev("[if(parameters('enableRbac'), 'on', 'off')]");
    expect(chosen.origin?.via).toBe("parameters('enableRbac')");
  });

  test('deployment-time functions are unknown, with the expression as the reason', () => {
    expect(ev('[resourceGroup().location]')).toMatchObject({ kind: 'unknown', reason: 'resourceGroup().location', loc: LOC });
    expect(ev('[uniqueString(resourceGroup().id)]')).toMatchObject({ kind: 'unknown', reason: 'uniqueString(resourceGroup().id)' });
    expect(ev("[concat('kv-', subscription().subscriptionId)]")).toMatchObject({ kind: 'unknown', reason: 'subscription().subscriptionId' });
    expect(ev("[listKeys('x', '2020-01-01').keys[0].value]")).toMatchObject({ kind: 'unknown', reason: "listKeys('x', '2020-01-01').keys[0].value" });
    expect(ev("[concat('ip-', copyIndex())]")).toMatchObject({ kind: 'unknown', reason: 'copyIndex()' });
    expect(ev("[parameters('missing')]")).toMatchObject({ kind: 'unknown', reason: "parameter 'missing' is not declared" });
  });

  test('resourceId() and friends are references with property id', () => {
    expect(ev("[resourceId('Microsoft.KeyVault/vaults', 'kv1')]")).toMatchObject({ kind: 'unknown', ref: { type: 'Microsoft.KeyVault/vaults', name: 'kv1', property: 'id' } });
    expect(ev("[resourceId('rg-other', 'Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')]")).toMatchObject({
      ref: { type: 'Microsoft.Network/virtualNetworks/subnets', name: 'vnet/default', property: 'id' },
    });
    expect(ev("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'abc')]").kind === 'unknown' && ev("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'abc')]")).toMatchObject({
      ref: { type: 'Microsoft.Authorization/roleDefinitions', name: 'abc' },
    });
    expect(ev("[extensionResourceId(resourceGroup().id, 'Microsoft.Authorization/locks', 'lock')]")).toMatchObject({ ref: { type: 'Microsoft.Authorization/locks', name: 'lock' } });
  });

  test("reference('symbol') and resourceInfo('symbol') point at a symbolic resource", () => {
    expect(ev("[reference('kv').vaultUri]")).toMatchObject({ kind: 'unknown', ref: { symbol: 'kv', property: 'properties.vaultUri', file: 't.json' } });
    expect(ev("[resourceInfo('kv').id]")).toMatchObject({ ref: { symbol: 'kv', property: 'id' } });
    expect(ev("[reference(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2023-01-01', 'Full').properties.primaryEndpoints]")).toMatchObject({
      ref: { type: 'Microsoft.Storage/storageAccounts', name: 'st', property: 'properties.primaryEndpoints' },
    });
  });

  test('an unreadable expression becomes unknown', () => {
    expect(ev("[concat('a']")).toMatchObject({ kind: 'unknown', reason: "invalid expression (Expected ')' to close the call to concat, found the end of the expression)" });
  });
});
