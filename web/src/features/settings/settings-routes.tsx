import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../accounts/require-permission';
import type { Permission } from '../accounts/account-permissions';
import { AccountSettingsPage } from './account/account-settings-page';
import { CannedResponsesPage } from './canned-responses/canned-responses-page';
import { CustomAttributesPage } from './custom-attributes/custom-attributes-page';
import { DashboardAppsPage } from './integrations/dashboard-apps-page';
import { IntegrationsPage } from './integrations/integrations-page';
import { InboxSettingsPage } from './inboxes/inbox-settings-page';
import { InboxesPage } from './inboxes/inboxes-page';
import { NewInboxPage } from './inboxes/new-inbox-page';
import { LabelsPage } from './labels/labels-page';
import { TeamsPage } from './teams/teams-page';

const guarded = (path: string, permission: Permission, element: ReactNode): RouteObject => ({
  path,
  element: <RequirePermission permission={permission}>{element}</RequirePermission>,
});

/** The "Configurações" sections built here, under `accounts/:accountId/`; the server enforces the same permissions. */
export const settingsRoutes: RouteObject[] = [
  guarded('settings/account', 'account.update', <AccountSettingsPage />),
  guarded('settings/teams', 'teams.manage', <TeamsPage />),
  guarded('settings/inboxes', 'inboxes.manage', <InboxesPage />),
  guarded('settings/inboxes/new', 'inboxes.manage', <NewInboxPage />),
  guarded('settings/inboxes/:inboxId', 'inboxes.manage', <InboxSettingsPage />),
  guarded('settings/labels', 'labels.manage', <LabelsPage />),
  guarded('settings/custom-attributes', 'custom_attributes.manage', <CustomAttributesPage />),
  guarded('settings/canned-responses', 'canned_responses.manage', <CannedResponsesPage />),
  guarded('settings/integrations', 'dashboard_apps.manage', <IntegrationsPage />),
  guarded('settings/integrations/dashboard-apps', 'dashboard_apps.manage', <DashboardAppsPage />),
];
