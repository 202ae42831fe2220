import { useQueryClient } from '@tanstack/react-query';
import { RotateCw } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentAccount } from '../accounts/current-account';
import type { Message } from './conversation-types';
import { retryMessage } from './conversations-api';
import { applyMessage } from './live-cache';

/** Under a reply whose delivery failed: why, and "Tentar novamente". */
export function RetryDelivery({ message }: { message: Message }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { account, user } = useCurrentAccount();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const reason = typeof message.content_attributes.external_error === 'string' ? message.content_attributes.external_error : '';

  const retry = async () => {
    setBusy(true);
    setFailed(false);
    try {
      applyMessage(client, account.id, user.id, await retryMessage(account.id, message.conversation_id, message.id));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="mt-1 flex flex-wrap items-center justify-end gap-x-2 gap-y-0.5 text-xs text-danger">
      <span>{reason ? t('workspace.delivery.failedBecause', { reason }) : t('workspace.delivery.notDelivered')}</span>
      <button type="button" onClick={() => void retry()} disabled={busy} className="flex items-center gap-1 rounded-md px-1.5 py-0.5 font-medium text-brand hover:bg-brand/10 disabled:opacity-50">
        <RotateCw className={`size-3 ${busy ? 'animate-spin' : ''}`} aria-hidden="true" />
        {t('workspace.delivery.retry')}
      </button>
      {failed && <span role="alert">{t('workspace.delivery.retryError')}</span>}
    </div>
  );
}
