import { createHmac } from 'node:crypto';
import type { AppContext } from '../../context';
import { safeEqual } from '../../platform/tokens';

export type Variant = 'original' | 'thumbnail';

type Linkable = { id: number; storageKey: string | null; thumbnailKey: string | null };

/**
 * Attachment links that need no sign-in (Chatwoot's are the same: clients, webhooks and the widget
 * just fetch them), so they must not be guessable: each carries an HMAC of the attachment id under
 * a key derived from SECRET_KEY_BASE. They do not expire; changing SECRET_KEY_BASE revokes them all.
 *
 *   <base>/attachments/<id>/<signature>/<stored file name>
 *   <base>/attachments/<id>/<signature>/thumbnail/<stem>.webp
 *
 * The file name is for people and download managers; only the id and the signature count.
 */
export class AttachmentUrls {
  private readonly key: Buffer;

  constructor(
    secretKeyBase: string,
    private readonly baseUrl: string,
  ) {
    this.key = createHmac('sha256', secretKeyBase).update('rockethub/attachment-urls/v1').digest();
  }

  /** 128 bits of HMAC-SHA256 over the id, base64url (22 characters). */
  signature(id: number): string {
    return createHmac('sha256', this.key).update(`attachment:${id}`).digest().subarray(0, 16).toString('base64url');
  }

  verify(id: number, signature: string): boolean {
    return safeEqual(this.signature(id), signature);
  }

  /** The link to the file, or '' for an attachment without stored bytes. */
  fileUrl(attachment: Linkable): string {
    if (!attachment.storageKey) return '';
    return `${this.baseUrl}/attachments/${attachment.id}/${this.signature(attachment.id)}/${lastSegment(attachment.storageKey)}`;
  }

  /** The link to the thumbnail, or '' when there is none (only images have one). */
  thumbnailUrl(attachment: Linkable): string {
    if (!attachment.thumbnailKey || !attachment.storageKey) return '';
    const stem = lastSegment(attachment.storageKey).replace(/\.[^.]*$/, '');
    return `${this.baseUrl}/attachments/${attachment.id}/${this.signature(attachment.id)}/thumbnail/${stem}.webp`;
  }
}

export function attachmentUrls(ctx: Pick<AppContext, 'secretKeyBase' | 'config'>): AttachmentUrls {
  return new AttachmentUrls(ctx.secretKeyBase, ctx.config.frontendUrl);
}

function lastSegment(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}
