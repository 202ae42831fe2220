import { actionMail, mailLocale } from '../../platform/mail/layout';
import type { MailMessage } from '../../platform/mail/types';

const TEXT = {
  pt_BR: {
    subject: 'Redefinição de senha do RocketHub',
    greeting: (name: string) => `Olá, ${name}!`,
    body: 'Recebemos um pedido para redefinir a sua senha. Use o link abaixo para escolher uma nova senha. Ele vale por 2 horas e só pode ser usado uma vez.',
    action: 'Redefinir minha senha',
    footer: 'Se você não pediu isso, ignore este e-mail: sua senha continua a mesma.',
  },
  en: {
    subject: 'Reset your RocketHub password',
    greeting: (name: string) => `Hi ${name},`,
    body: 'We received a request to reset your password. Use the link below to choose a new one. It is valid for 2 hours and can be used once.',
    action: 'Reset my password',
    footer: "If you didn't ask for this, ignore this email: your password stays the same.",
  },
};

export function passwordResetMail(user: { email: string; name: string; locale: string | null }, url: string): MailMessage {
  const t = TEXT[mailLocale(user.locale)];
  return actionMail(user.email, { ...t, greeting: t.greeting(user.name) }, url, null);
}
