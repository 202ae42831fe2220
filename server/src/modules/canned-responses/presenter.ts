import type { CannedResponseRow } from './repository';

/** A canned response as the contract's `canned_response`. */
export function presentCannedResponse(row: CannedResponseRow) {
  return {
    id: row.id,
    account_id: row.accountId,
    short_code: row.shortCode,
    content: row.content,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
