import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../../db/client';
import { storeMail } from './dev-mailbox-repository';
import { MAIL_CONCURRENCY, type MailEnvelope, type MailTransport } from './types';

export class SmtpTransport implements MailTransport {
  readonly kind = 'smtp' as const;
  private readonly transporter: Transporter;

  constructor(url: string) {
    // Pooled: a few connections stay open and carry message after message (what the URL says wins).
    this.transporter = nodemailer.createTransport({ url, pool: true, maxConnections: MAIL_CONCURRENCY, maxMessages: 100 });
  }

  async send(message: MailEnvelope): Promise<void> {
    await this.transporter.sendMail({
      from: message.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html ? { html: message.html } : {}),
    });
  }

  close(): void {
    this.transporter.close();
  }
}

/** Without SMTP_URL: mail is kept in the database and read on the dev mailbox page. */
export class DevMailboxTransport implements MailTransport {
  readonly kind = 'dev_mailbox' as const;

  constructor(private readonly database: Database) {}

  async send(message: MailEnvelope, eventId: number): Promise<void> {
    await storeMail(this.database.db, message, eventId);
  }

  close(): void {}
}
