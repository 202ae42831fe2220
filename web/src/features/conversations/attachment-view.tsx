import { FileText } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from './conversation-types';

const SAFE_URL = /^(https?:|\/)/i;

/** Image, audio, video players and file cards; only http(s) or same-origin links are used. */
export function AttachmentView({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  const url = SAFE_URL.test(attachment.data_url) ? attachment.data_url : undefined;
  const name = attachment.file_name ?? (attachment.extension ? `${t('workspace.attachment.file')}.${attachment.extension}` : t('workspace.attachment.file'));
  if (!url) return null;
  if (attachment.file_type === 'image') {
    const thumb = attachment.thumb_url && SAFE_URL.test(attachment.thumb_url) ? attachment.thumb_url : url;
    return (
      <a href={url} target="_blank" rel="noopener noreferrer" className="block">
        <img src={thumb} alt={name} loading="lazy" className="max-h-60 max-w-full rounded-lg object-cover" />
      </a>
    );
  }
  if (attachment.file_type === 'audio') return <audio controls src={url} className="max-w-full" aria-label={name} />;
  if (attachment.file_type === 'video') return <video controls src={url} className="max-h-72 max-w-full rounded-lg" aria-label={name} />;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className="flex items-center gap-2 rounded-lg border border-line bg-surface px-3 py-2 text-sm text-ink hover:bg-subtle">
      <FileText className="size-5 shrink-0 text-muted" aria-hidden="true" />
      <span className="truncate">{name}</span>
      {attachment.file_size ? <span className="shrink-0 text-xs text-muted">{Math.max(1, Math.round(attachment.file_size / 1024))} KB</span> : null}
    </a>
  );
}
