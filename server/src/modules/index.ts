import { accountsModule } from './accounts';
import { agentsModule } from './agents';
import { authModule } from './auth';
import { conversationsModule } from './conversations';
import { devMailboxModule } from './dev-mailbox';
import { healthModule } from './health';
import { messagesModule } from './messages';
import type { Module } from './module';
import { platformApiModule } from './platform-api';
import { profileModule } from './profile';
import { searchModule } from './search';

/** Every domain module, in the order its routes are registered. */
export const modules: Module[] = [
  healthModule,
  authModule,
  accountsModule,
  profileModule,
  agentsModule,
  devMailboxModule,
  platformApiModule,
  conversationsModule,
  messagesModule,
  searchModule,
];
