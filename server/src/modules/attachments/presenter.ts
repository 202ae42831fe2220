import type { AttachmentRow } from './repository';
import type { AttachmentUrls } from './urls';

/** An attachment as Chatwoot shows it inside a message (`attachments[]`). */
export function presentAttachment(row: AttachmentRow, urls: AttachmentUrls) {
  return {
    id: row.id,
    message_id: row.messageId,
    file_type: row.fileType,
    account_id: row.accountId,
    extension: /\.([^./\\]+)$/.exec(row.fileName ?? '')?.[1] ?? null,
    data_url: row.storageKey ? urls.fileUrl(row) : (row.externalUrl ?? ''),
    thumb_url: urls.thumbnailUrl(row),
    file_size: row.byteSize,
    width: row.width,
    height: row.height,
  };
}
export type AttachmentJson = ReturnType<typeof presentAttachment>;
