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
  { key: 'account', icon: Building2, permission: 'administrator' },
  { key: 'agents', icon: Users, path: 'agents', permission: 'administrator' },
  { key: 'teams', icon: UsersRound, permission: 'administrator' },
  { key: 'inboxes', icon: Inbox, permission: 'administrator' },
  { key: 'labels', icon: Tag, permission: 'administrator' },
  { key: 'customAttributes', icon: ListChecks, permission: 'administrator' },
  { key: 'cannedResponses', icon: MessageSquareReply },
  { key: 'macros', icon: FileText },
  { key: 'automation', icon: Workflow, permission: 'administrator' },
  { key: 'sla', icon: Clock, permission: 'administrator' },
  { key: 'integrations', icon: Plug, permission: 'administrator' },
  { key: 'agentBots', icon: Bot, permission: 'administrator' },
  { key: 'auditLog', icon: ScrollText, permission: 'administrator' },
  { key: 'devMailbox', icon: Mailbox, path: 'dev-mailbox', permission: 'administrator' },
];
