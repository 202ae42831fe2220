import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { apiErrorMessage } from '../../../lib/api-form-errors';

type DeleteDialogProps = {
  title: string;
  description: string;
  remove: () => Promise<unknown>;
  /** After the server agreed: refresh what showed the item. */
  onDeleted: () => Promise<unknown> | void;
  onClose: () => void;
};

/** Asks before deleting a settings item; mounted only while open. */
export function DeleteDialog({ title, description, remove, onDeleted, onClose }: DeleteDialogProps) {
  const { t } = useTranslation();
  const mutation = useMutation({
    mutationFn: remove,
    onSuccess: async () => {
      await onDeleted();
      onClose();
    },
  });
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={title}
      description={description}
      confirmLabel={t('settingsCommon.delete')}
      onConfirm={() => mutation.mutate()}
      busy={mutation.isPending}
      error={mutation.isError ? apiErrorMessage(mutation.error, t) : null}
    />
  );
}
