import type { Executor } from '../../db/client';
import type { Outbox } from '../outbox/outbox';
import type { EventHandler, StoredEvent } from '../outbox/types';
import { MAIL_CONCURRENCY, MAIL_REQUESTED, type MailMessage, type MailTransport } from './types';

/**
 * Outgoing mail goes through the outbox: `queue` records the message in the caller's
 * transaction; the `mail.deliver` handler sends it after commit, with retries.
 */
export class Mailer {
  constructor(
    private readonly outbox: Outbox,
    readonly transport: MailTransport,
    private readonly from: string,
  ) {}

  async queue(tx: Executor, message: MailMessage): Promise<void> {
    await this.outbox.record(tx, { name: MAIL_REQUESTED, accountId: message.accountId ?? null, payload: message });
  }

  handler(): EventHandler {
    return {
      name: 'mail.deliver',
      events: [MAIL_REQUESTED],
      // As many messages at once as the SMTP transport keeps connections open.
      concurrency: MAIL_CONCURRENCY,
      handle: async (event: StoredEvent) => {
        const message = event.payload as MailMessage;
        await this.transport.send({ ...message, from: this.from }, event.id);
      },
    };
  }
}
