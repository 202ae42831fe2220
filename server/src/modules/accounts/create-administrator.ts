import type { AppContext } from '../../context';
import * as auth from '../auth/service';
import { lockInstallation, needsOnboarding } from '../installation/service';
import * as users from '../users/service';
import * as repository from './repository';
import { createAccount } from './service';

/**
 * The CLI's `create-admin`: a new account administered by the given person. A new user with no
 * password gets a set-password link (printed, not mailed: the operator is at the console). The
 * first user of an installation becomes its owner, as with web onboarding.
 */
export async function createAdministrator(
  ctx: AppContext,
  input: { accountName: string; name: string; email: string; password?: string | undefined },
) {
  const passwordHash = input.password ? await users.hashNewPassword(input.password) : null;
  return ctx.transaction(async (tx) => {
    await lockInstallation(tx);
    const first = await needsOnboarding(tx);
    const existing = await users.findUserByEmail(tx, input.email);
    const user =
      existing ??
      (await users.createUser(tx, {
        name: input.name,
        email: input.email,
        passwordHash,
        confirmed: true,
        type: first ? 'SuperAdmin' : null,
      }));
    const account = await createAccount(tx, { name: input.accountName });
    await repository.insertMembership(tx, { accountId: account.id, userId: user.id, role: 'administrator' });
    const setPasswordUrl = user.passwordHash
      ? undefined
      : auth.passwordEditUrl(ctx, await auth.issueUserToken(tx, user.id, 'invitation'));
    return { accountId: account.id, userId: user.id, existingUser: existing !== undefined, setPasswordUrl };
  });
}
