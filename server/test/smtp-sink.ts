import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { envelope: { from: string; to: string[] }; parsed: ParsedMail };

/**
 * A real SMTP server on a free local port that keeps what it receives. `refuseFirst` messages are
 * refused first with a temporary error (451), as a busy server does.
 */
export async function startSmtpSink(options: { refuseFirst?: number } = {}): Promise<{ url: string; received: ReceivedMail[]; refused: () => number; close(): Promise<void> }> {
  const received: ReceivedMail[] = [];
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      // The session's envelope is reset after the callback: copy it first.
      const envelope = {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
      };
      if (refused < (options.refuseFirst ?? 0)) {
        refused += 1;
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('Busy, try again later'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          received.push({ envelope, parsed });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refused: () => refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
