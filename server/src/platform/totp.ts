import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { safeEqual } from './tokens';

/** Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as authenticator apps use. */

const STEP_SECONDS = 30;
const DIGITS = 6;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/=+$/, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) throw new Error('not base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new secret: 160 random bits, base32 (what the QR code carries). */
export const newTotpSecret = (): string => base32Encode(randomBytes(20));

export const totpStep = (at: number = Date.now()): number => Math.floor(at / 1000 / STEP_SECONDS);

/** The code of one time step (HOTP, RFC 4226, with the step as counter). */
export function totpCode(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = digest[digest.length - 1]! & 15;
  const binary = (digest.readUInt32BE(offset) & 0x7fffffff) % 10 ** DIGITS;
  return String(binary).padStart(DIGITS, '0');
}

/**
 * The time step a code belongs to, accepting the previous and next step for clock drift; never a
 * step at or before `afterStep` (a code already used). Undefined when it does not match.
 */
export function matchTotp(secret: string, code: string, afterStep: number | null, at: number = Date.now()): number | undefined {
  const digits = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(digits)) return undefined;
  const now = totpStep(at);
  for (const step of [now - 1, now, now + 1]) {
    if (afterStep !== null && step <= afterStep) continue;
    if (safeEqual(totpCode(secret, step), digits)) return step;
  }
  return undefined;
}

/** The `otpauth://` URI authenticator apps read from the QR code. */
export function totpUri(secret: string, account: string, issuer = 'RocketHub'): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${DIGITS}&period=${STEP_SECONDS}`;
}

/** Ten single-use backup codes (xxxx-xxxx), to show once; only their hashes are kept. */
export function newBackupCodes(count = 10): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const code = () => Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return Array.from({ length: count }, () => {
    const c = code();
    return `${c.slice(0, 4)}-${c.slice(4)}`;
  });
}

export const hashBackupCode = (code: string): string =>
  createHash('sha256')
    .update(code.trim().toLowerCase().replace(/[^a-z0-9]/g, ''))
    .digest('hex');
