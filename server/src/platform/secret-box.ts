import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Small secrets kept encrypted in the database (AES-256-GCM), with a key derived from the
 * installation secret (`SECRET_KEY_BASE`) and a purpose, so each use has its own key. Stored as
 * `enc:v1:<base64url of iv | tag | ciphertext>`; a value without that prefix is a plain value
 * stored before encryption existed and is read as is.
 */

const PREFIX = 'enc:v1:';
const keys = new Map<string, Buffer>();

function keyFor(secretKeyBase: string, purpose: string): Buffer {
  const id = `${purpose}\u0000${secretKeyBase}`;
  let key = keys.get(id);
  if (!key) {
    key = createHmac('sha256', secretKeyBase).update(`rockethub/secret-box/${purpose}/v1`).digest();
    keys.set(id, key);
  }
  return key;
}

export function sealSecret(secretKeyBase: string, purpose: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secretKeyBase, purpose), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export const isSealed = (stored: string): boolean => stored.startsWith(PREFIX);

/** The plain value; undefined when a sealed value does not open with this key (tampered, or another secret). */
export function openSecret(secretKeyBase: string, purpose: string, stored: string): string | undefined {
  if (!isSealed(stored)) return stored;
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  if (raw.length < 28) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secretKeyBase, purpose), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
