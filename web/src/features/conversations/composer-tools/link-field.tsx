import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseLinkUrl } from './markdown-format';

/** The address of a link being added, asked for under the reply box. */
export function LinkField({ onInsert, onCancel }: { onInsert(url: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = () => {
    const url = normaliseLinkUrl(value);
    if (url) onInsert(url);
    else setInvalid(true);
  };
  return (
    <div className="mt-1 flex flex-wrap items-center gap-1">
      <input
        autoFocus
        type="url"
        value={value}
        aria-label={t('workspace.composer.linkAddress')}
        aria-invalid={invalid}
        placeholder="https://"
        onChange={(e) => {
          setValue(e.target.value);
          setInvalid(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            submit();
          }
          if (e.key === 'Escape') onCancel();
        }}
        className="min-w-0 flex-1 rounded-lg border border-line bg-surface px-2 py-1 text-sm text-ink focus:border-brand focus:outline-none"
      />
      <button type="button" onClick={submit} className="rounded-lg bg-brand px-3 py-1 text-xs font-medium text-on-brand">
        {t('workspace.composer.insertLink')}
      </button>
      <button type="button" onClick={onCancel} className="rounded-lg px-2 py-1 text-xs text-muted hover:bg-subtle">
        {t('common.cancel')}
      </button>
      {invalid && (
        <p role="alert" className="w-full text-xs text-danger">
          {t('workspace.composer.invalidLink')}
        </p>
      )}
    </div>
  );
}
