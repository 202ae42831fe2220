import { Pencil, Trash } from 'lucide-react';

type RowActionsProps = { editLabel: string; removeLabel: string; onEdit: () => void; onRemove: () => void };

/** The edit and delete buttons at the end of a settings list row. */
export function RowActions({ editLabel, removeLabel, onEdit, onRemove }: RowActionsProps) {
  return (
    <div className="ml-auto flex shrink-0 justify-end gap-1">
      <button
        type="button"
        onClick={onEdit}
        aria-label={editLabel}
        title={editLabel}
        className="rounded-lg p-2 text-muted hover:bg-subtle hover:text-ink"
      >
        <Pencil className="size-4" aria-hidden="true" />
      </button>
      <button
        type="button"
        onClick={onRemove}
        aria-label={removeLabel}
        title={removeLabel}
        className="rounded-lg p-2 text-muted hover:bg-danger-soft hover:text-danger"
      >
        <Trash className="size-4" aria-hidden="true" />
      </button>
    </div>
  );
}
