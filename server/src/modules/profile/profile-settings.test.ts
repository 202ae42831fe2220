import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, PASSWORD } from '../../../test/builders';
import { clientAddress, expectError, mailsTo, settleDeliveries, userState } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';
import { multipart } from '../../../test/multipart';
import sharp from 'sharp';
import { base32Encode, matchTotp, totpCode, totpStep } from '../../platform/totp';
import * as users from '../users/service';

describe('TOTP codes', () => {
  it('match the RFC 6238 test vectors (SHA-1, 6 digits)', () => {
    const secret = base32Encode(Buffer.from('12345678901234567890'));
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(totpCode(secret, totpStep(59_000))).toBe('287082');
    expect(totpCode(secret, totpStep(1_111_111_109_000))).toBe('081804');
    expect(totpCode(secret, totpStep(2_000_000_000_000))).toBe('279037');
    // The neighbouring steps are accepted for clock drift, a used step never again.
    const at = 1_111_111_109_000;
    expect(matchTotp(secret, '081804', null, at)).toBe(totpStep(at));
    expect(matchTotp(secret, totpCode(secret, totpStep(at) - 1), null, at)).toBe(totpStep(at) - 1);
    expect(matchTotp(secret, '081804', totpStep(at), at)).toBeUndefined();
    expect(matchTotp(secret, totpCode(secret, totpStep(at) + 2), null, at)).toBeUndefined();
    expect(matchTotp(secret, '12345', null, at)).toBeUndefined();
  });
});

describe('profile settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const signIn = (payload: Record<string, unknown>) => t.request({ method: 'POST', url: '/auth/sign_in', payload, remoteAddress: clientAddress() });

  it('keeps the send key and audio alert choices in ui_settings, refusing values the page does not offer', async () => {
    const a = await buildAccount(t.ctx);
    const settings = {
      enter_to_send_enabled: false,
      notification_tone: 'bell',
      enable_audio_alerts: 'mine',
      always_play_audio_alert: false,
      alert_if_unread_assigned_conversation_exist: true,
    };
    const res = await t.request({ method: 'PATCH', url: '/api/v1/profile', token: a.agent.token, payload: { ui_settings: settings } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().ui_settings).toMatchObject(settings);
    // Other keys merge in and stay free-form.
    const more = await t.request({ method: 'PATCH', url: '/api/v1/profile', token: a.agent.token, payload: { ui_settings: { font_size: 'large' } } });
    expect(more.json().ui_settings).toMatchObject({ ...settings, font_size: 'large' });
    const before = await userState(t, a.agent.id);
    for (const [key, value] of [
      ['enter_to_send_enabled', 'yes'],
      ['notification_tone', 'siren'],
      ['enable_audio_alerts', 'assigned'],
      ['always_play_audio_alert', 1],
      ['alert_if_unread_assigned_conversation_exist', null],
    ] as const) {
      expectError(await t.request({ method: 'PATCH', url: '/api/v1/profile', token: a.agent.token, payload: { ui_settings: { [key]: value } } }), 422, `ui_settings.${key}`);
    }
    expect(await userState(t, a.agent.id)).toEqual(before);
  });

  it('sets up two-factor authentication with a QR code, then asks for a code at sign-in (or a backup code, once)', async () => {
    const a = await buildAccount(t.ctx);
    const token = a.agent.token;
    expect((await t.request({ method: 'GET', url: '/api/v1/profile/mfa', token })).json()).toEqual({ enabled: false, backup_codes_remaining: 0 });
    expectError(await t.request({ method: 'POST', url: '/api/v1/profile/mfa', token, payload: { current_password: 'Wrong-pass-1' } }), 422, 'current_password');
    const setup = await t.request({ method: 'POST', url: '/api/v1/profile/mfa', token, payload: { current_password: PASSWORD } });
    expect(setup.statusCode, setup.body).toBe(200);
    const { secret, provisioning_url: uri, qr_code_url: qr } = setup.json();
    expect(uri).toBe(`otpauth://totp/RocketHub%3A${encodeURIComponent(a.agent.email)}?secret=${secret}&issuer=RocketHub&algorithm=SHA1&digits=6&period=30`);
    expect(qr).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.from(qr.split(',')[1], 'base64').subarray(1, 4).toString()).toBe('PNG');
    // Not on until a code proves the app has it: sign-in still works with the password alone.
    expect((await signIn({ email: a.agent.email, password: PASSWORD })).json().data).toBeDefined();
    expectError(await t.request({ method: 'POST', url: '/api/v1/profile/mfa/verify', token, payload: { otp_code: '000000' } }), 422, 'otp_code');
    const step = totpStep();
    const verify = await t.request({ method: 'POST', url: '/api/v1/profile/mfa/verify', token, payload: { otp_code: totpCode(secret, step) } });
    expect(verify.statusCode, verify.body).toBe(200);
    const backupCodes = verify.json().backup_codes as string[];
    expect(backupCodes).toHaveLength(10);
    expect(new Set(backupCodes).size).toBe(10);
    expect((await t.request({ method: 'GET', url: '/api/v1/profile/mfa', token })).json()).toEqual({ enabled: true, backup_codes_remaining: 10 });

    // Sign-in: the password gives a challenge, not a session.
    const first = await signIn({ email: a.agent.email, password: PASSWORD });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ mfa_required: true, mfa_token: expect.any(String) });
    expect(first.cookies.find((c) => c.name === 'rh_session')).toBeUndefined();
    const mfaToken = first.json().mfa_token;
    expectError(await signIn({ mfa_token: mfaToken, otp_code: '123456' }), 401);
    // The code already used to turn it on is not accepted again.
    expectError(await signIn({ mfa_token: mfaToken, otp_code: totpCode(secret, step) }), 401);
    expectError(await signIn({ mfa_token: mfaToken }), 422, 'otp_code');
    const backup = await signIn({ mfa_token: mfaToken, backup_code: backupCodes[0]!.toUpperCase() });
    expect(backup.statusCode, backup.body).toBe(200);
    expect(backup.json().data.id).toBe(a.agent.id);
    expect(backup.cookies.find((c) => c.name === 'rh_session')).toBeDefined();
    // The challenge is used up, and so is the backup code.
    expectError(await signIn({ mfa_token: mfaToken, backup_code: backupCodes[1] }), 401);
    const second = await signIn({ email: a.agent.email, password: PASSWORD });
    expectError(await signIn({ mfa_token: second.json().mfa_token, backup_code: backupCodes[0] }), 401);
    expect((await t.request({ method: 'GET', url: '/api/v1/profile/mfa', token })).json().backup_codes_remaining).toBe(9);
    // A wrong password never reaches the second step.
    expectError(await signIn({ email: a.agent.email, password: 'Wrong-pass-1' }), 401);
    expectError(await signIn({ mfa_token: 'made-up-token', otp_code: '123456' }), 401);

    // Turning it off needs the password and a code.
    expectError(await t.request({ method: 'DELETE', url: '/api/v1/profile/mfa', token, payload: { current_password: PASSWORD } }), 422, 'otp_code');
    expectError(
      await t.request({ method: 'DELETE', url: '/api/v1/profile/mfa', token, payload: { current_password: 'Wrong-pass-1', backup_code: backupCodes[2] } }),
      422,
      'current_password',
    );
    const off = await t.request({ method: 'DELETE', url: '/api/v1/profile/mfa', token, payload: { current_password: PASSWORD, backup_code: backupCodes[2] } });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toEqual({ enabled: false, backup_codes_remaining: 0 });
    expect((await signIn({ email: a.agent.email, password: PASSWORD })).json().data.id).toBe(a.agent.id);
  });

  it('keeps the TOTP secret encrypted in the database, and secrets stored in clear before keep working', async () => {
    const a = await buildAccount(t.ctx);
    const token = a.agent.token;
    const { secret } = (await t.request({ method: 'POST', url: '/api/v1/profile/mfa', token, payload: { current_password: PASSWORD } })).json();
    const stored = (await users.getUser(t.ctx.db, a.agent.id))!.otpSecret!;
    expect(stored).toMatch(/^enc:v1:/);
    expect(stored).not.toContain(secret);
    const step = totpStep();
    expect((await t.request({ method: 'POST', url: '/api/v1/profile/mfa/verify', token, payload: { otp_code: totpCode(secret, step) } })).statusCode).toBe(200);

    // A row from before encryption: the plain base32 secret still signs in.
    const legacy = base32Encode(Buffer.from('legacy-secret-0123456'));
    await users.updateTwoFactor(t.ctx.db, a.agent.id, { otpSecret: legacy, otpLastStep: null });
    const challenge = (await signIn({ email: a.agent.email, password: PASSWORD })).json().mfa_token;
    const signedIn = await signIn({ mfa_token: challenge, otp_code: totpCode(legacy, totpStep()) });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(signedIn.json().data.id).toBe(a.agent.id);
  });

  it('refuses two-factor changes without a user, and bad input naming the field', async () => {
    const a = await buildAccount(t.ctx);
    expectError(await t.request({ method: 'GET', url: '/api/v1/profile/mfa' }), 401);
    expectError(await t.request({ method: 'POST', url: '/api/v1/profile/mfa', payload: { current_password: PASSWORD } }), 401);
    expectError(await t.request({ method: 'POST', url: '/api/v1/profile/mfa/verify', token: a.admin.token, payload: { otp_code: '123456' } }), 422, 'otp_code');
    expectError(await t.request({ method: 'POST', url: '/api/v1/profile/mfa/verify', token: a.admin.token, payload: {} }), 422, 'otp_code');
    expectError(await t.request({ method: 'POST', url: '/api/v1/profile/mfa/backup_codes', token: a.admin.token, payload: { otp_code: '123456' } }), 422, 'otp_code');
    expectError(await t.request({ method: 'DELETE', url: '/api/v1/profile/mfa', token: a.admin.token, payload: { current_password: PASSWORD, otp_code: '123456' } }), 422, 'otp_code');
    expectError(await signIn({ password: PASSWORD }), 422, 'email');
  });

  it('changes the email only after the new address confirms it through the mailed link', async () => {
    const a = await buildAccount(t.ctx);
    const newEmail = `novo-${a.agent.id}@example.test`;
    const change = await t.request({ method: 'PATCH', url: '/api/v1/profile', token: a.agent.token, payload: { email: newEmail, current_password: PASSWORD } });
    expect(change.statusCode, change.body).toBe(200);
    expect(change.json()).toMatchObject({ email: a.agent.email, unconfirmed_email: newEmail });
    await settleDeliveries(t);
    const [mail] = await mailsTo(t, newEmail);
    expect(mail?.subject).toBe('Confirme seu novo e-mail no RocketHub');
    const link = /https?:\/\/\S+/.exec(mail!.text)![0];
    expect(link.startsWith('http://rockethub.test/app/auth/confirmation?confirmation_token=')).toBe(true);
    const token = new URL(link).searchParams.get('confirmation_token')!;
    expectError(await t.request({ method: 'POST', url: '/auth/confirmation', payload: { confirmation_token: 'made-up' } }), 404);
    expectError(await t.request({ method: 'POST', url: '/auth/confirmation', payload: {} }), 422, 'confirmation_token');
    const confirmed = await t.request({ method: 'POST', url: '/auth/confirmation', payload: { confirmation_token: token } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().data).toMatchObject({ email: newEmail, uid: newEmail, unconfirmed_email: null });
    expect((await signIn({ email: newEmail, password: PASSWORD })).statusCode).toBe(200);
    expectError(await signIn({ email: a.agent.email, password: PASSWORD }), 401);
    // The link works once.
    expectError(await t.request({ method: 'POST', url: '/auth/confirmation', payload: { confirmation_token: token } }), 404);
  });

  it('does not let a pending email change take an address someone confirmed meanwhile', async () => {
    const a = await buildAccount(t.ctx);
    const wanted = `disputado-${a.agent.id}@example.test`;
    await t.request({ method: 'PATCH', url: '/api/v1/profile', token: a.agent.token, payload: { email: wanted, current_password: PASSWORD } });
    await settleDeliveries(t);
    const agentLink = /https?:\/\/\S+/.exec((await mailsTo(t, wanted))[0]!.text)![0];
    await t.request({ method: 'PATCH', url: '/api/v1/profile', token: a.admin.token, payload: { email: wanted, current_password: PASSWORD } });
    await settleDeliveries(t);
    const adminLink = /https?:\/\/\S+/.exec((await mailsTo(t, wanted))[1]!.text)![0];
    const adminToken = new URL(adminLink).searchParams.get('confirmation_token')!;
    expect((await t.request({ method: 'POST', url: '/auth/confirmation', payload: { confirmation_token: adminToken } })).statusCode).toBe(200);
    const agentToken = new URL(agentLink).searchParams.get('confirmation_token')!;
    expectError(await t.request({ method: 'POST', url: '/auth/confirmation', payload: { confirmation_token: agentToken } }), 422, 'email');
  });

  it('uploads a photo (cropped to a square, with a thumbnail), serves it, replaces and removes it', async () => {
    const a = await buildAccount(t.ctx);
    const image = await sharp({ create: { width: 800, height: 400, channels: 3, background: '#1f93ff' } }).jpeg().toBuffer();
    const upload = (data: Buffer, name = 'avatar', token: string | undefined = a.agent.token) =>
      t.request({ method: 'POST', url: '/api/v1/profile/avatar', ...(token ? { token } : {}), ...multipart([{ name, filename: 'eu.jpg', contentType: 'image/jpeg', data }]) });
    const res = await upload(image);
    expect(res.statusCode, res.body).toBe(200);
    const { avatar_url: url, thumbnail } = res.json();
    expect(url).toMatch(/^http:\/\/rockethub\.test\/avatars\/[A-Za-z0-9_-]+\.png$/);
    expect(thumbnail).toBe(url.replace(/\.png$/, '-thumb.png'));
    const photo = await t.request({ method: 'GET', url: new URL(url).pathname });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(await sharp(photo.rawPayload).metadata()).toMatchObject({ width: 512, height: 512, format: 'png' });
    const thumb = await t.request({ method: 'GET', url: new URL(thumbnail).pathname });
    expect(await sharp(thumb.rawPayload).metadata()).toMatchObject({ width: 96, height: 96 });
    // Colleagues see it on the agent card.
    const agents = await t.request({ method: 'GET', url: `/api/v1/accounts/${a.id}/agents`, token: a.admin.token });
    expect(agents.json().find((u: { id: number }) => u.id === a.agent.id)?.thumbnail ?? agents.json().find((u: { id: number }) => u.id === a.agent.id)?.avatar_url).toBeTruthy();

    // A new photo replaces the old one, whose files go.
    const second = await upload(await sharp({ create: { width: 64, height: 64, channels: 4, background: '#000' } }).png().toBuffer());
    expect(second.json().avatar_url).not.toBe(url);
    expectError(await t.request({ method: 'GET', url: new URL(url).pathname }), 404);

    // Not an image, a wrong field, no file, JSON, no user: refused, nothing changes.
    expectError(await upload(Buffer.from('not an image at all')), 422, 'avatar');
    expectError(await upload(image, 'photo'), 422, 'photo');
    expectError(await t.request({ method: 'POST', url: '/api/v1/profile/avatar', token: a.agent.token, ...multipart([{ name: 'x', data: 'y' }]) }), 422, 'avatar');
    expectError(await t.request({ method: 'POST', url: '/api/v1/profile/avatar', token: a.agent.token, payload: { avatar: 'x' } }), 415);
    expectError(await upload(image, 'avatar', ''), 401);
    expect((await t.request({ method: 'GET', url: '/api/v1/profile', token: a.agent.token })).json().avatar_url).toBe(second.json().avatar_url);
    for (const bad of ['..%2Fdb.png', 'short.png', `${'a'.repeat(20)}.jpg`]) expectError(await t.request({ method: 'GET', url: `/avatars/${bad}` }), 404);

    const removed = await t.request({ method: 'DELETE', url: '/api/v1/profile/avatar', token: a.agent.token });
    expect(removed.json()).toMatchObject({ avatar_url: '', thumbnail: '' });
    expectError(await t.request({ method: 'GET', url: new URL(second.json().avatar_url).pathname }), 404);
  });
});
