import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, userTokens } from '../../db/schema';
import { hashToken } from '../../platform/tokens';
import { buildUser } from '../../../test/builders';
import { startTestApp, type TestApp } from '../../../test/harness';
import { purgeExpiredCredentials } from './service';

describe('credential housekeeping', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('drops expired sessions and one-time tokens a week past expiry, and keeps live ones', async () => {
    const user = await buildUser(t.ctx);
    const day = 86_400_000;
    await t.ctx.db.insert(sessions).values([
      { tokenHash: hashToken('old'), userId: user.id, csrfToken: 'x', expiresAt: new Date(Date.now() - day) },
      { tokenHash: hashToken('live'), userId: user.id, csrfToken: 'y', expiresAt: new Date(Date.now() + day) },
    ]);
    await t.ctx.db.insert(userTokens).values([
      { userId: user.id, purpose: 'reset_password', tokenHash: hashToken('stale'), expiresAt: new Date(Date.now() - 8 * day) },
      { userId: user.id, purpose: 'reset_password', tokenHash: hashToken('recent'), expiresAt: new Date(Date.now() - day) },
    ]);
    await purgeExpiredCredentials(t.ctx);
    const left = await t.ctx.db.select({ hash: sessions.tokenHash }).from(sessions).where(eq(sessions.userId, user.id));
    expect(left.map((s) => s.hash)).toEqual([hashToken('live')]);
    const tokens = await t.ctx.db.select({ hash: userTokens.tokenHash }).from(userTokens).where(eq(userTokens.userId, user.id));
    expect(tokens.map((s) => s.hash)).toEqual([hashToken('recent')]);
  });
});
