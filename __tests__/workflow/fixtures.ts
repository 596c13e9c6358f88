/** Workflow fixtures, written for these tests. Line numbers in comments are 1-based. */
import type { ParseContext } from '../../src/model/resource.js';

export const noFiles: ParseContext = { readFile: () => undefined, listFiles: () => [] };

/** Three jobs signing in to Azure: with a stored secret, with OIDC, and with OIDC but no id-token at job level. */
export const deployWorkflow = [
  'name: Deploy infrastructure', // 1
  'on:', // 2
  '  push:', // 3
  '    branches: [main]', // 4
  'permissions:', // 5
  '  id-token: write', // 6
  '  contents: read', // 7
  'env:', // 8
  '  LOCATION: westeurope', // 9
  'jobs:', // 10
  '  legacy:', // 11
  '    runs-on: ubuntu-latest', // 12
  '    steps:', // 13
  '      - uses: actions/checkout@v4', // 14
  '      - name: Sign in with a stored secret', // 15
  '        uses: azure/login@v2', // 16
  '        with:', // 17
  '          creds: ${{ secrets.AZURE_CREDENTIALS }}', // 18
  '  oidc:', // 19
  '    runs-on: ubuntu-latest', // 20
  '    steps:', // 21
  '      - uses: Azure/login@v2', // 22
  '        with:', // 23
  '          client-id: ${{ vars.AZURE_CLIENT_ID }}', // 24
  '          tenant-id: ${{ vars.AZURE_TENANT_ID }}', // 25
  '          subscription-id: ${{ vars.AZURE_SUBSCRIPTION_ID }}', // 26
  '  locked:', // 27
  '    runs-on: ubuntu-latest', // 28
  '    permissions:', // 29
  '      contents: read', // 30
  '    steps:', // 31
  '      - uses: azure/login@a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', // 32
  '        with:', // 33
  '          client-id: ${{ vars.AZURE_CLIENT_ID }}', // 34
  '          tenant-id: ${{ vars.AZURE_TENANT_ID }}', // 35
  '          allow-no-subscriptions: true', // 36
].join('\n');

/** A workflow with no top-level permissions: each job decides for itself, or gets GitHub's default. */
export const perJobPermissions = [
  'on: workflow_dispatch', // 1
  'jobs:', // 2
  '  plain:', // 3
  '    runs-on: ubuntu-latest', // 4
  '    steps:', // 5
  '      - uses: azure/login@v2', // 6
  '        with: { client-id: x, tenant-id: y, subscription-id: z }', // 7
  '  granted:', // 8
  '    runs-on: ubuntu-latest', // 9
  '    permissions:', // 10
  '      id-token: write', // 11
  '    steps:', // 12
  '      - uses: azure/login@v2', // 13
  '        with: { client-id: x, tenant-id: y, subscription-id: z }', // 14
  '  everything:', // 15
  '    runs-on: ubuntu-latest', // 16
  '    permissions: write-all', // 17
  '    steps:', // 18
  '      - uses: azure/login@v1', // 19
  '        with:', // 20
  '          auth-type: IDENTITY', // 21
].join('\n');
