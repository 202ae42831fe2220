import { actionMail, mailLocale } from '../../platform/mail/layout';
import type { MailMessage } from '../../platform/mail/types';

type Names = { name: string; inviterName: string; accountName: string };

const TEXT = {
  pt_BR: {
    inviteSubject: (n: Names) => `${n.inviterName} convidou você para ${n.accountName} no RocketHub`,
    greeting: (n: Names) => `Olá, ${n.name}!`,
    inviteBody: (n: Names) =>
      `${n.inviterName} convidou você para atender os clientes de ${n.accountName} no RocketHub. Defina sua senha pelo link abaixo para entrar. O link vale por 7 dias.`,
    inviteAction: 'Aceitar convite e definir senha',
    addedSubject: (n: Names) => `Você agora faz parte de ${n.accountName} no RocketHub`,
    addedBody: (n: Names) =>
      `${n.inviterName} adicionou você à conta ${n.accountName}. Entre com o seu e-mail e senha de sempre; a nova conta aparece em "Visualização Atual".`,
    addedAction: 'Entrar no RocketHub',
    footer: 'Se você não esperava este convite, pode ignorar este e-mail.',
  },
  en: {
    inviteSubject: (n: Names) => `${n.inviterName} invited you to ${n.accountName} on RocketHub`,
    greeting: (n: Names) => `Hi ${n.name},`,
    inviteBody: (n: Names) =>
      `${n.inviterName} invited you to support ${n.accountName}'s customers on RocketHub. Set your password with the link below to get started. The link is valid for 7 days.`,
    inviteAction: 'Accept invitation and set password',
    addedSubject: (n: Names) => `You now belong to ${n.accountName} on RocketHub`,
    addedBody: (n: Names) =>
      `${n.inviterName} added you to the ${n.accountName} account. Sign in with your usual email and password; the new account shows up in the account switcher.`,
    addedAction: 'Sign in to RocketHub',
    footer: "If you weren't expecting this, you can ignore this email.",
  },
};

export function invitationMail(to: string, locale: string | null, names: Names, url: string, accountId: number): MailMessage {
  const t = TEXT[mailLocale(locale)];
  const text = { subject: t.inviteSubject(names), greeting: t.greeting(names), body: t.inviteBody(names), action: t.inviteAction, footer: t.footer };
  return actionMail(to, text, url, accountId);
}

export function addedToAccountMail(to: string, locale: string | null, names: Names, url: string, accountId: number): MailMessage {
  const t = TEXT[mailLocale(locale)];
  const text = { subject: t.addedSubject(names), greeting: t.greeting(names), body: t.addedBody(names), action: t.addedAction, footer: t.footer };
  return actionMail(to, text, url, accountId);
}
