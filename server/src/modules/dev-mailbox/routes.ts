import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { notFound } from '../../platform/errors';
import { errorResponses } from '../../platform/http/schemas';
import { findMail, listMail, type MailboxScope } from '../../platform/mail/dev-mailbox-repository';
import { authorize } from '../../platform/permissions';
import { accountParams, id } from '../../platform/validation';
import type { UserActor } from '../auth/actor';
import { requireMember } from '../auth/guards';

const tags = ['Dev mailbox'];

const mailSchema = z
  .object({
    id: z.number(),
    to: z.string(),
    from: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string().nullable(),
    created_at: z.string(),
  })
  .meta({ id: 'DevMail' });

type MailRow = NonNullable<Awaited<ReturnType<typeof findMail>>>;

function presentMail(mail: MailRow) {
  return {
    id: mail.id,
    to: mail.to,
    from: mail.from,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    created_at: mail.createdAt.toISOString(),
  };
}

/** An account's administrators read its mail; the installation owner also reads installation mail (password resets). */
function scopeFor(actor: UserActor, accountId: number): MailboxScope {
  return { accountIds: [accountId], includeInstallationMail: actor.user.type === 'SuperAdmin' };
}

export function devMailboxRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/accounts/:account_id/dev_mailbox',
    {
      schema: {
        tags,
        summary: 'Mail kept by the installation when no SMTP server is configured (administrators)',
        params: accountParams,
        response: {
          200: z.object({ enabled: z.boolean(), payload: z.array(mailSchema) }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      const { actor, membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'dev_mailbox.read');
      const rows = await listMail(ctx.db, scopeFor(actor, request.params.account_id));
      return { enabled: ctx.mailer.transport.kind === 'dev_mailbox', payload: rows.map(presentMail) };
    },
  );

  r.get(
    '/api/v1/accounts/:account_id/dev_mailbox/:id',
    {
      schema: {
        tags,
        summary: 'One message of the dev mailbox (administrators)',
        params: accountParams.extend({ id }),
        response: { 200: mailSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const { actor, membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'dev_mailbox.read');
      const mail = await findMail(ctx.db, scopeFor(actor, request.params.account_id), request.params.id);
      if (!mail) throw notFound('Message');
      return presentMail(mail);
    },
  );
}
