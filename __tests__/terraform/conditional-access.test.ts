import { CONDITIONAL_ACCESS_POLICY } from '../../src/model/resource.js';
import { toPlain } from '../../src/model/value.js';
import { bySymbol, parseOne, pos, valueAt } from './helpers.js';

describe('azuread_conditional_access_policy → Microsoft Graph conditionalAccessPolicy', () => {
  const parsed = parseOne(`resource "azuread_conditional_access_policy" "admins" {
  display_name = "Require MFA for admins"
  state        = "enabled"

  conditions {
    client_app_types = ["all"]

    applications {
      included_applications = ["797f4846-ba00-4fd7-ba43-dac1f8f63013"]
      excluded_applications = []
    }
    users {
      included_roles = ["62e90394-69f5-4237-9190-012177145e10"]
      excluded_users = ["break-glass-id"]
    }
    locations {
      included_locations = ["All"]
      excluded_locations = ["AllTrusted"]
    }
    platforms {
      included_platforms = ["all"]
    }
  }

  grant_controls {
    operator          = "AND"
    built_in_controls = ["mfa", "compliantDevice"]
  }

  session_controls {
    sign_in_frequency        = 4
    sign_in_frequency_period = "hours"
  }
}

resource "azuread_conditional_access_policy" "legacy" {
  display_name = "Block legacy authentication"
  state        = "enabledForReportingButNotEnforced"
  conditions {
    client_app_types = ["exchangeActiveSync", "other"]
    applications {
      included_applications = ["All"]
    }
    users {
      included_users = ["All"]
    }
  }
  grant_controls {
    operator          = "OR"
    built_in_controls = ["block"]
  }
}
`);

  it('produces the Graph JSON shape', () => {
    expect(parsed.diagnostics).toEqual([]);
    const p = bySymbol(parsed, 'azuread_conditional_access_policy.admins');
    expect(p.type).toBe(CONDITIONAL_ACCESS_POLICY);
    expect(p.name).toMatchObject({ kind: 'string', value: 'Require MFA for admins' });
    expect(toPlain(p.body)).toEqual({
      displayName: 'Require MFA for admins',
      state: 'enabled',
      conditions: {
        clientAppTypes: ['all'],
        applications: { includeApplications: ['797f4846-ba00-4fd7-ba43-dac1f8f63013'], excludeApplications: [] },
        users: { includeRoles: ['62e90394-69f5-4237-9190-012177145e10'], excludeUsers: ['break-glass-id'] },
        locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] },
        platforms: { includePlatforms: ['all'] },
      },
      grantControls: { operator: 'AND', builtInControls: ['mfa', 'compliantDevice'] },
      sessionControls: { signInFrequency: { value: 4, isEnabled: true, type: 'hours' } },
    });
  });

  it('keeps Terraform locations and names for messages', () => {
    const p = bySymbol(parsed, 'azuread_conditional_access_policy.admins');
    expect(pos(valueAt(p, 'grantControls.builtInControls').loc)).toBe('27:25');
    expect(pos(valueAt(p, 'conditions.users.excludeUsers.0').loc)).toBe('14:25');
    expect(p.sourceNames?.['grantControls.builtInControls']).toBe('grant_controls.built_in_controls');
    expect(p.sourceNames?.['sessionControls.signInFrequency.value']).toBe('session_controls.sign_in_frequency');
    expect(p.sourceNames?.['conditions.users.includeRoles']).toBe('conditions.users.included_roles');
  });

  it('maps the legacy-authentication block policy', () => {
    const p = bySymbol(parsed, 'azuread_conditional_access_policy.legacy');
    expect(toPlain(p.body)).toEqual({
      displayName: 'Block legacy authentication',
      state: 'enabledForReportingButNotEnforced',
      conditions: {
        clientAppTypes: ['exchangeActiveSync', 'other'],
        applications: { includeApplications: ['All'] },
        users: { includeUsers: ['All'] },
      },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    });
  });
});
