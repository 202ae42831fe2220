import { createHmac } from 'node:crypto';
import { AppError } from '../../platform/errors';
import { safeEqual } from '../../platform/tokens';
import type { InboxRow } from './repository';

/**
 * Whether a visitor's or client's `identifier_hash` proves the identifier: HMAC-SHA256 of the
 * identifier with the inbox's HMAC token (hex), as Chatwoot's identity validation. An inbox that
 * makes it mandatory refuses an identifier without a valid hash (401).
 */
export function identityVerified(inbox: Pick<InboxRow, 'hmacToken' | 'channelConfig'>, identifier: string | undefined, hash: string | undefined): boolean {
  if (identifier === undefined) return false;
  const expected = createHmac('sha256', inbox.hmacToken).update(identifier).digest('hex');
  const verified = hash !== undefined && safeEqual(hash.toLowerCase(), expected);
  if (!verified && inbox.channelConfig.hmac_mandatory === true) {
    throw new AppError('unauthorized', 'HMAC failed: identifier_hash does not match the identifier', [
      { field: 'identifier_hash', message: 'does not match the identifier', code: 'invalid' },
    ]);
  }
  return verified;
}
