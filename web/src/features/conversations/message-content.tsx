import { useMemo } from 'react';
import { renderSafeMarkdown, showMentions } from './safe-markdown';

/** A message's text: Markdown through the sanitiser, so a customer's HTML never runs or loads. */
export function MessageContent({ content }: { content: string }) {
  const html = useMemo(() => renderSafeMarkdown(showMentions(content)), [content]);
  return (
    <div
      className="message-content text-sm break-words text-ink [&_a]:text-brand [&_a]:underline [&_code]:rounded [&_code]:bg-subtle [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_p+p]:mt-2 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-subtle [&_pre]:p-2 [&_ul]:list-disc [&_ul]:pl-5 [&_blockquote]:border-l-2 [&_blockquote]:border-line [&_blockquote]:pl-2"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
