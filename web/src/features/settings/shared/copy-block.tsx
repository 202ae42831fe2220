import { Check, Copy } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button';

type CopyBlockProps = { label: string; value: string; multiline?: boolean };

/** A value to paste elsewhere (embed snippet, token), shown read-only with a copy button. */
export function CopyBlock({ label, value, multiline = false }: CopyBlockProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <figure className="flex flex-col gap-1.5">
      <figcaption className="flex items-center justify-between gap-2 text-sm font-medium text-ink">
        {label}
        <Button variant="secondary" className="px-3 py-1.5" onClick={() => void copy()} aria-label={`${t('settingsCommon.copy')}: ${label}`}>
          {state === 'copied' ? <Check className="size-4 text-success" aria-hidden="true" /> : <Copy className="size-4" aria-hidden="true" />}
          {state === 'copied' ? t('settingsCommon.copied') : t('settingsCommon.copy')}
        </Button>
      </figcaption>
      <pre
        className={`overflow-x-auto rounded-lg border border-line bg-subtle px-3 py-2 font-mono text-xs text-ink ${multiline ? 'whitespace-pre' : 'whitespace-nowrap'}`}
      >
        <code>{value}</code>
      </pre>
      <p role="status" className="text-xs text-danger">
        {state === 'failed' ? t('settingsCommon.copyFailed') : ''}
      </p>
    </figure>
  );
}
