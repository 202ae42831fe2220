import { buildApp } from '../app';
import type { AppContext } from '../context';
import { createAdministrator } from '../modules/accounts/create-administrator';
import { fillDemoAccount } from './fill-demo-account';

export type SeedDemoInput = { email: string; name: string; password: string; accountName: string };
export type SeedDemoResult = { accountId: number; userId: number; existingUser: boolean; conversations: number };

/** `npm run seed:demo`: a new account and its administrator, filled with the demo story (see fillDemoAccount). */
export async function seedDemo(ctx: AppContext, input: SeedDemoInput): Promise<SeedDemoResult> {
  const admin = await createAdministrator(ctx, { accountName: input.accountName, name: input.name, email: input.email, password: input.password });
  const app = await buildApp(ctx);
  try {
    const conversations = await fillDemoAccount(ctx, app, { accountId: admin.accountId, userId: admin.userId });
    return { accountId: admin.accountId, userId: admin.userId, existingUser: admin.existingUser, conversations };
  } finally {
    await app.close();
  }
}
