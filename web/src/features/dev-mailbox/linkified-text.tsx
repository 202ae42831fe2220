import type { ReactNode } from 'react';

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
/** Punctuation that ends a sentence rather than the URL. */
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

/** Links to this app open here; links elsewhere open in a new tab. */
const isSameOrigin = (href: string) => {
  try {
    return new URL(href).origin === window.location.origin;
  } catch {
    return false;
  }
};

/** Plain text with every http(s) URL made clickable; everything else stays text (never HTML). */
export function LinkifiedText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    const href = match[0].replace(TRAILING_PUNCTUATION, '');
    if (start > last) parts.push(text.slice(last, start));
    const sameOrigin = isSameOrigin(href);
    parts.push(
      <a
        key={start}
        href={href}
        className="break-all text-brand underline underline-offset-2 hover:text-brand-strong"
        {...(sameOrigin ? {} : { target: '_blank', rel: 'noopener noreferrer' })}
      >
        {href}
      </a>,
    );
    last = start + href.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
