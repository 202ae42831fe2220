import { X } from 'lucide-react';
import { Dialog } from 'radix-ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';

type FormDialogProps = (
  | { open: boolean; onOpenChange: (open: boolean) => void; onClose?: never }
  /** Open while mounted; `onClose` when the person closes it (Esc, the cross, outside). */
  | { open?: never; onOpenChange?: never; onClose: () => void }
) & {
  title: string;
  description?: string;
  children: ReactNode;
  /** Room for tables and rows of inputs (max-w-2xl instead of max-w-lg). */
  wide?: boolean;
};

export function FormDialog({ open, onOpenChange, onClose, title, description, children, wide = false }: FormDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog.Root
      open={onClose ? true : open}
      onOpenChange={(next) => {
        if (onClose) {
          if (!next) onClose();
        } else onOpenChange?.(next);
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40 backdrop-blur-[1px]" />
        <Dialog.Content
          className={`fixed top-1/2 left-1/2 z-50 max-h-[calc(100%-2rem)] w-[calc(100%-2rem)] ${wide ? 'max-w-2xl' : 'max-w-lg'} -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl border border-line bg-surface p-6 shadow-xl`}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <div className="flex items-start justify-between gap-4">
            <Dialog.Title className="text-lg font-semibold text-ink">{title}</Dialog.Title>
            <Dialog.Close className="-m-1 rounded-md p-1 text-muted hover:bg-subtle hover:text-ink" aria-label={t('common.close')}>
              <X className="size-5" aria-hidden="true" />
            </Dialog.Close>
          </div>
          {description && <Dialog.Description className="mt-1 text-sm text-muted">{description}</Dialog.Description>}
          <div className="mt-5">{children}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** A form dialog's buttons: Cancel, and the submit button (busy while it saves). */
export function FormDialogActions({ onCancel, busy, submitLabel }: { onCancel: () => void; busy: boolean; submitLabel: string }) {
  const { t } = useTranslation();
  return (
    <div className="mt-2 flex justify-end gap-2">
      <Button variant="secondary" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" busy={busy}>
        {submitLabel}
      </Button>
    </div>
  );
}
