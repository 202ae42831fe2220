import { escapeHtml } from '../../platform/mail/layout';
import type { CsatSurveyJson } from './csat-survey';

/**
 * The public CSAT survey page (`/survey/responses/:conversation_uuid`): plain HTML and a form that
 * posts back to the same address, so it works in any browser a link opens, without scripts.
 */

const FACES = ['😞', '😕', '😐', '🙂', '😍'];

type Texts = {
  lang: string;
  title: string;
  question: string;
  rating: (n: number) => string;
  comment: string;
  submit: string;
  thanks: string;
  change: string;
  expired: string;
  notFound: string;
  chooseRating: string;
};

const TEXTS: Record<'pt_BR' | 'en' | 'es', Texts> = {
  pt_BR: {
    lang: 'pt-BR',
    title: 'Avalie o atendimento',
    question: 'Como foi a sua conversa com a nossa equipe?',
    rating: (n) => `Nota ${n} de 5`,
    comment: 'Conte mais (opcional)',
    submit: 'Enviar avaliação',
    thanks: 'Obrigado pela avaliação!',
    change: 'Mudar avaliação',
    expired: 'Esta pesquisa não recebe mais respostas.',
    notFound: 'Pesquisa não encontrada.',
    chooseRating: 'Escolha uma nota de 1 a 5.',
  },
  en: {
    lang: 'en',
    title: 'Rate your conversation',
    question: 'How was your conversation with our team?',
    rating: (n) => `Rating ${n} of 5`,
    comment: 'Tell us more (optional)',
    submit: 'Submit',
    thanks: 'Thank you for your feedback!',
    change: 'Change rating',
    expired: 'This survey no longer takes answers.',
    notFound: 'Survey not found.',
    chooseRating: 'Choose a rating from 1 to 5.',
  },
  es: {
    lang: 'es',
    title: 'Califica la atención',
    question: '¿Cómo fue tu conversación con nuestro equipo?',
    rating: (n) => `Nota ${n} de 5`,
    comment: 'Cuéntanos más (opcional)',
    submit: 'Enviar',
    thanks: '¡Gracias por tu opinión!',
    change: 'Cambiar calificación',
    expired: 'Esta encuesta ya no recibe respuestas.',
    notFound: 'Encuesta no encontrada.',
    chooseRating: 'Elige una nota del 1 al 5.',
  },
};

/** The page's language: the account's, or the visitor's browser language when the link gives none. */
export function surveyTexts(locale: string | undefined): Texts {
  const l = (locale ?? '').toLowerCase();
  if (l.startsWith('es')) return TEXTS.es;
  if (l.startsWith('en')) return TEXTS.en;
  return TEXTS.pt_BR;
}

const STYLES = `
:root{color-scheme:light dark;--bg:#f4f6fb;--card:#fff;--text:#1f2937;--muted:#6b7280;--line:#d1d5db;--accent:#1f93ff}
@media (prefers-color-scheme:dark){:root{--bg:#111827;--card:#1f2937;--text:#f3f4f6;--muted:#9ca3af;--line:#374151}}
*{box-sizing:border-box}body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,sans-serif;padding:16px}
main{background:var(--card);border-radius:16px;box-shadow:0 8px 32px rgba(0,0,0,.08);padding:32px 24px;max-width:440px;width:100%;text-align:center}
header{display:flex;align-items:center;justify-content:center;gap:12px;margin-bottom:8px}header img{width:40px;height:40px;border-radius:50%;object-fit:cover}
h1{font-size:1.25rem;margin:0}p{margin:.5rem 0 1rem;color:var(--muted)}
fieldset{border:0;margin:0 0 16px;padding:0;display:flex;justify-content:center;gap:8px}legend{padding:0;margin:0 auto 12px;color:var(--text);font-weight:600}
.face input{position:absolute;opacity:0;width:1px;height:1px}.face span{display:inline-flex;width:52px;height:52px;align-items:center;justify-content:center;font-size:30px;border-radius:50%;border:2px solid transparent;cursor:pointer;filter:grayscale(.6)}
.face input:checked+span{border-color:var(--accent);filter:none;background:rgba(31,147,255,.1)}.face input:focus-visible+span{outline:2px solid var(--accent);outline-offset:2px}.face span:hover{filter:none}
textarea{width:100%;min-height:88px;border:1px solid var(--line);border-radius:8px;padding:10px;font:inherit;background:transparent;color:inherit;margin-bottom:16px}
button{background:var(--accent);color:#fff;border:0;border-radius:8px;padding:12px 20px;font:600 1rem system-ui,sans-serif;cursor:pointer;width:100%}
.done{font-size:48px;margin:8px 0}.error{color:#dc2626}a{color:var(--accent)}
`;

function page(t: Texts, title: string, body: string): string {
  return `<!doctype html><html lang="${t.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLES}</style></head><body><main>${body}</main></body></html>`;
}

/** The survey: the form, or the thanks once answered (`change` shows the form again), or why it cannot be answered. */
export function renderSurveyPage(survey: CsatSurveyJson, options: { change?: boolean; error?: string | undefined } = {}): string {
  const t = surveyTexts(survey.locale);
  const head = `<header>${survey.inbox_avatar_url ? `<img src="${escapeHtml(survey.inbox_avatar_url)}" alt="">` : ''}<h1>${escapeHtml(survey.inbox_name || t.title)}</h1></header>`;
  const answer = survey.csat_survey_response;
  if (answer && !options.change) {
    const again = survey.expired ? '' : `<p><a href="?change=1">${t.change}</a></p>`;
    return page(t, t.title, `${head}<div class="done" role="img" aria-label="${t.rating(answer.rating)}">${FACES[answer.rating - 1] ?? ''}</div><p>${t.thanks}</p>${again}`);
  }
  if (survey.expired) return page(t, t.title, `${head}<p>${t.expired}</p>`);
  const faces = FACES.map(
    (face, i) =>
      `<label class="face"><input type="radio" name="rating" value="${i + 1}"${answer?.rating === i + 1 ? ' checked' : ''} required><span role="img" aria-label="${t.rating(i + 1)}" title="${t.rating(i + 1)}">${face}</span></label>`,
  ).join('');
  return page(
    t,
    t.title,
    `${head}<form method="post"><fieldset><legend>${t.question}</legend>${faces}</fieldset>${options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ''}<textarea name="feedback_message" maxlength="5000" aria-label="${t.comment}" placeholder="${t.comment}">${escapeHtml(answer?.feedback_message ?? '')}</textarea><button>${t.submit}</button></form>`,
  );
}

export function renderSurveyNotFound(locale: string | undefined): string {
  const t = surveyTexts(locale);
  return page(t, t.notFound, `<h1>${t.notFound}</h1>`);
}
