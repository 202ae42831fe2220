import { actionMail, mailLocale } from '../../platform/mail/layout';
import type { MailMessage } from '../../platform/mail/types';

const TEXT = {
  pt_BR: {
    subject: 'Confirme seu novo e-mail no RocketHub',
    greeting: (name: string) => `Olá, ${name}!`,
    body: 'Você pediu para usar este endereço na sua conta do RocketHub. Confirme pelo link abaixo; até lá, o e-mail anterior continua valendo. O link vale por 24 horas.',
    action: 'Confirmar meu e-mail',
    footer: 'Se você não pediu isso, ignore este e-mail: nada muda.',
  },
  en: {
    subject: 'Confirm your new RocketHub email',
    greeting: (name: string) => `Hi ${name},`,
    body: 'You asked to use this address for your RocketHub account. Confirm it with the link below; until then your previous email keeps working. The link is valid for 24 hours.',
    action: 'Confirm my email',
    footer: "If you didn't ask for this, ignore this email: nothing changes.",
  },
};

/** Sent to the new address of an email change. */
export function emailConfirmationMail(user: { email: string; name: string; locale: string | null }, url: string): MailMessage {
  const t = TEXT[mailLocale(user.locale)];
  return actionMail(user.email, { ...t, greeting: t.greeting(user.name) }, url, null);
}
