import { accountsModule } from './accounts';
import { agentsModule } from './agents';
import { attachmentsModule } from './attachments';
import { autoAssignmentModule } from './auto-assignment';
import { autoResolveModule } from './auto-resolve';
import { customAttributesModule } from './custom-attributes';
import { customFiltersModule } from './custom-filters';
import { dashboardAppsModule } from './dashboard-apps';
import { contactImportsModule } from './contact-imports';
import { authModule } from './auth';
import { contactsModule } from './contacts';
import { conversationsModule } from './conversations';
import { devMailboxModule } from './dev-mailbox';
import { healthModule } from './health';
import { housekeepingModule } from './housekeeping';
import { messagesModule } from './messages';
import { notificationsModule } from './notifications';
import type { Module } from './module';
import { platformApiModule } from './platform-api';
import { profileModule } from './profile';
import { realtimeModule } from './realtime';
import { searchModule } from './search';
import { cannedResponsesModule } from './canned-responses';
import { clientApiModule } from './client-api';
import { inboxesModule } from './inboxes';
import { labelsModule } from './labels';
import { teamsModule } from './teams';
import { webhooksModule } from './webhooks';
import { widgetModule } from './widget';

/** Every domain module, in the order its routes are registered. */
export const modules: Module[] = [
  healthModule,
  authModule,
  accountsModule,
  profileModule,
  agentsModule,
  devMailboxModule,
  platformApiModule,
  realtimeModule,
  contactsModule,
  conversationsModule,
  messagesModule,
  clientApiModule,
  searchModule,
  inboxesModule,
  teamsModule,
  labelsModule,
  cannedResponsesModule,
  webhooksModule,
  widgetModule,
  attachmentsModule,
  housekeepingModule,
  autoAssignmentModule,
  autoResolveModule,
  customAttributesModule,
  customFiltersModule,
  contactImportsModule,
  notificationsModule,
  dashboardAppsModule,
];
