import { useTranslation } from 'react-i18next';
import { UserAvatar } from '../../../components/user-avatar';
import type { Agent } from '../../../lib/api-types';

type MemberPickerProps = {
  label: string;
  agents: readonly Agent[];
  selected: ReadonlySet<number>;
  onChange: (selected: Set<number>) => void;
};

/** Checkboxes over the account's agents, with "select all" and a count. */
export function MemberPicker({ label, agents, selected, onChange }: MemberPickerProps) {
  const { t } = useTranslation();
  const allSelected = agents.length > 0 && agents.every((agent) => selected.has(agent.id));
  const toggle = (id: number, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1.5 flex w-full items-center justify-between text-sm font-medium text-ink">
        <span>{label}</span>
        <span className="text-xs font-normal text-muted">{t('settingsCommon.selectedCount', { count: selected.size })}</span>
      </legend>
      <label className="flex items-center gap-2 text-sm text-muted">
        <input
          type="checkbox"
          checked={allSelected}
          onChange={(event) => onChange(event.target.checked ? new Set(agents.map((agent) => agent.id)) : new Set())}
          className="size-4 accent-brand"
        />
        {t('settingsCommon.selectAll')}
      </label>
      <ul className="max-h-60 divide-y divide-line overflow-y-auto rounded-lg border border-line">
        {agents.map((agent) => {
          const name = agent.available_name || agent.name;
          return (
            <li key={agent.id}>
              <label className="flex cursor-pointer items-center gap-3 px-3 py-2 hover:bg-subtle">
                <input
                  type="checkbox"
                  checked={selected.has(agent.id)}
                  onChange={(event) => toggle(agent.id, event.target.checked)}
                  aria-label={name}
                  className="size-4 accent-brand"
                />
                <UserAvatar name={name} imageUrl={agent.thumbnail} size="sm" />
                <span className="min-w-0">
                  <span className="block truncate text-sm text-ink">{name}</span>
                  <span className="block truncate text-xs text-muted">{agent.email}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
