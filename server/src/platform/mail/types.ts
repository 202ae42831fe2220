export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The account the message concerns (shown in that account's dev mailbox); none for installation mail. */
  accountId?: number | null;
};

export type MailEnvelope = MailMessage & { from: string };

export interface MailTransport {
  readonly kind: 'smtp' | 'dev_mailbox';
  /** `eventId` identifies the request, so a retried delivery is stored once in the dev mailbox. */
  send(message: MailEnvelope, eventId: number): Promise<void>;
  close(): void;
}

export const MAIL_REQUESTED = 'mail.requested';

/** Messages sent at once by a worker process, each over its own open SMTP connection. */
export const MAIL_CONCURRENCY = 4;
