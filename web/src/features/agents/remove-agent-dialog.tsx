import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { apiErrorMessage } from '../../lib/api-form-errors';
import type { Agent } from '../../lib/api-types';
import { queryKeys } from '../../lib/query-keys';
import { removeAgent } from './agents-api';

type RemoveAgentDialogProps = { accountId: number; agent: Agent; onClose: () => void };

export function RemoveAgentDialog({ accountId, agent, onClose }: RemoveAgentDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => removeAgent(accountId, agent.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.agents(accountId) });
      onClose();
    },
  });

  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t('agents.remove.title')}
      description={t('agents.remove.description', { name: agent.available_name || agent.name })}
      confirmLabel={t('agents.remove.confirm')}
      onConfirm={() => mutation.mutate()}
      busy={mutation.isPending}
      error={mutation.isError ? apiErrorMessage(mutation.error, t) : null}
    />
  );
}
