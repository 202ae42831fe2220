import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';

/**
 * The "Configurações" sections built here, under `accounts/:accountId/`, each a chunk of its own;
 * the server enforces the same permissions.
 */
export const settingsRoutes: RouteObject[] = [
  lazyPage('settings', () => import('./settings-page').then((m) => m.SettingsPage)),
  lazyPage('settings/account', () => import('./account/account-settings-page').then((m) => m.AccountSettingsPage), 'account.update'),
  lazyPage('settings/agents', () => import('../agents/agents-page').then((m) => m.AgentsPage), 'agents.manage'),
  lazyPage('settings/teams', () => import('./teams/teams-page').then((m) => m.TeamsPage), 'teams.manage'),
  lazyPage('settings/inboxes', () => import('./inboxes/inboxes-page').then((m) => m.InboxesPage), 'inboxes.manage'),
  lazyPage('settings/inboxes/new', () => import('./inboxes/new-inbox-page').then((m) => m.NewInboxPage), 'inboxes.manage'),
  lazyPage('settings/inboxes/:inboxId', () => import('./inboxes/inbox-settings-page').then((m) => m.InboxSettingsPage), 'inboxes.manage'),
  lazyPage('settings/labels', () => import('./labels/labels-page').then((m) => m.LabelsPage), 'labels.manage'),
  lazyPage('settings/custom-attributes', () => import('./custom-attributes/custom-attributes-page').then((m) => m.CustomAttributesPage), 'custom_attributes.manage'),
  lazyPage('settings/canned-responses', () => import('./canned-responses/canned-responses-page').then((m) => m.CannedResponsesPage), 'canned_responses.manage'),
  lazyPage('settings/integrations', () => import('./integrations/integrations-page').then((m) => m.IntegrationsPage), 'dashboard_apps.manage'),
  lazyPage('settings/integrations/dashboard-apps', () => import('./integrations/dashboard-apps-page').then((m) => m.DashboardAppsPage), 'dashboard_apps.manage'),
  lazyPage('settings/dev-mailbox', () => import('../dev-mailbox/dev-mailbox-page').then((m) => m.DevMailboxPage), 'dev_mailbox.read'),
];
