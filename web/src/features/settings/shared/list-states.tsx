import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { FormAlert } from '../../../components/form-alert';
import { FullPageSpinner } from '../../../components/full-page-spinner';
import { apiErrorMessage } from '../../../lib/api-form-errors';

type ListStatesProps<Item> = {
  query: { isPending: boolean; isError: boolean; error: unknown; data: readonly Item[] | undefined };
  emptyIcon: LucideIcon;
  emptyTitle: string;
  emptyDescription?: string;
  listLabel: string;
  children: (items: readonly Item[]) => ReactNode;
};

/** Loading, failure, nothing yet, or the list of a settings section. */
export function ListStates<Item>({ query, emptyIcon, emptyTitle, emptyDescription, listLabel, children }: ListStatesProps<Item>) {
  const { t } = useTranslation();
  if (query.isPending) return <FullPageSpinner />;
  if (query.isError) return <FormAlert>{apiErrorMessage(query.error, t)}</FormAlert>;
  const items = query.data ?? [];
  if (items.length === 0) return <EmptyState icon={emptyIcon} title={emptyTitle} {...(emptyDescription ? { description: emptyDescription } : {})} />;
  return (
    <ul aria-label={listLabel} className="divide-y divide-line rounded-xl border border-line bg-surface">
      {children(items)}
    </ul>
  );
}
