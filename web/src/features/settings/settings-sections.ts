import {
  Bot,
  Building2,
  Clock,
  FileText,
  Inbox,
  ListChecks,
  Mailbox,
  MessageSquareReply,
  Plug,
  ScrollText,
  Tag,
  Users,
  UsersRound,
  Workflow,
  type LucideIcon,
} from 'lucide-react';
import type { Permission } from '../accounts/account-permissions';

export type SettingsSectionKey =
  | 'account'
  | 'agents'
  | 'teams'
  | 'inboxes'
  | 'labels'
  | 'customAttributes'
  | 'cannedResponses'
  | 'macros'
  | 'automation'
  | 'sla'
  | 'integrations'
  | 'agentBots'
  | 'auditLog'
  | 'devMailbox';

export type SettingsSection = {
  key: SettingsSectionKey;
  icon: LucideIcon;
  /** Relative to the settings page; absent while the section's module is not built. */
  path?: string;
  /** Absent when every member of the account may open it. */
  permission?: Permission;
};

/** The settings of SPEC §15, in the order members look for them. */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { key: 'account', icon: Building2, path: 'account', permission: 'account.update' },
  { key: 'agents', icon: Users, path: 'agents', permission: 'agents.manage' },
  { key: 'teams', icon: UsersRound, path: 'teams', permission: 'settings.manage' },
  { key: 'inboxes', icon: Inbox, path: 'inboxes', permission: 'settings.manage' },
  { key: 'labels', icon: Tag, path: 'labels', permission: 'settings.manage' },
  { key: 'customAttributes', icon: ListChecks, path: 'custom-attributes', permission: 'settings.manage' },
  { key: 'cannedResponses', icon: MessageSquareReply, path: 'canned-responses' },
  { key: 'macros', icon: FileText },
  { key: 'automation', icon: Workflow, permission: 'settings.manage' },
  { key: 'sla', icon: Clock, permission: 'settings.manage' },
  { key: 'integrations', icon: Plug, path: 'integrations', permission: 'dashboard_apps.manage' },
  { key: 'agentBots', icon: Bot, permission: 'settings.manage' },
  { key: 'auditLog', icon: ScrollText, permission: 'settings.manage' },
  { key: 'devMailbox', icon: Mailbox, path: 'dev-mailbox', permission: 'dev_mailbox.read' },
];
