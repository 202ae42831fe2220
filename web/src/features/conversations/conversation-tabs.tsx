import { useTranslation } from 'react-i18next';
import type { AssigneeTab, TabCounts } from './conversation-types';

const TABS: { tab: AssigneeTab; count: keyof TabCounts }[] = [
  { tab: 'me', count: 'mine_count' },
  { tab: 'unassigned', count: 'unassigned_count' },
  { tab: 'all', count: 'all_count' },
];

/** "Minhas", "Não atribuídas", "Todas", each with its live count. */
export function ConversationTabs({ tab, counts, onChange }: { tab: AssigneeTab; counts: TabCounts | undefined; onChange(tab: AssigneeTab): void }) {
  const { t } = useTranslation();
  return (
    <div role="tablist" aria-label={t('workspace.tabs.label')} className="-mb-px flex gap-2.5 overflow-x-auto">
      {TABS.map((item) => {
        const selected = item.tab === tab;
        return (
          <button
            key={item.tab}
            type="button"
            role="tab"
            aria-selected={selected}
            onClick={() => onChange(item.tab)}
            className={`flex shrink-0 items-center gap-1.5 border-b-2 pb-2 text-sm whitespace-nowrap transition-colors ${
              selected ? 'border-brand font-semibold text-brand' : 'border-transparent text-muted hover:text-ink'
            }`}
          >
            {t(`workspace.tabs.${item.tab}`)}
            <span
              className={`rounded-full px-1.5 text-xs tabular-nums ${selected ? 'bg-brand-soft text-brand' : 'bg-subtle text-muted'}`}
              aria-label={t('workspace.tabs.count', { count: counts?.[item.count] ?? 0 })}
            >
              {counts?.[item.count] ?? '–'}
            </span>
          </button>
        );
      })}
    </div>
  );
}
