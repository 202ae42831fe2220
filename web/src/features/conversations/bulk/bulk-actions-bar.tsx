import { useQueryClient } from '@tanstack/react-query';
import { CheckCheck, ChevronDown, Clock, RotateCcw, Tag, UserRound, Users, X } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentAccount } from '../../accounts/current-account';
import { useAgents } from '../../agents/agents-api';
import { conversationKeys } from '../conversation-keys';
import type { Conversation } from '../conversation-types';
import { assign, setLabels, toggleStatus, useLabels, useTeams } from '../conversations-api';
import { SNOOZE_OPTIONS, snoozeUntil } from '../snooze-times';
import { runBulk, type BulkOutcome } from './run-bulk';

type Props = {
  selected: Conversation[];
  visibleCount: number;
  onSelectAll(): void;
  onClear(): void;
  /** After an action: the conversations it changed leave the selection, those it could not stay. */
  onDone(changed: number[]): void;
};

const menuClasses = 'z-50 max-h-72 min-w-48 overflow-y-auto rounded-xl border border-line bg-surface p-1.5 shadow-lg';
const itemClasses = 'cursor-pointer rounded-md px-2 py-1.5 text-sm text-ink outline-none data-highlighted:bg-subtle';
const buttonClasses = 'flex items-center gap-1 rounded-lg border border-line px-2 py-1 text-xs font-medium text-ink hover:bg-subtle disabled:opacity-50';

/** Acts on every selected conversation: assign an agent or team, add a label, resolve, reopen, snooze. */
export function BulkActionsBar({ selected, visibleCount, onSelectAll, onClear, onDone }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { account } = useCurrentAccount();
  const agents = useAgents(account.id);
  const teams = useTeams(account.id);
  const labels = useLabels(account.id);
  const [working, setWorking] = useState(false);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);

  const run = async (change: (conversation: Conversation) => Promise<unknown>) => {
    setWorking(true);
    const byId = new Map(selected.map((c) => [c.id, c]));
    const result = await runBulk([...byId.keys()], (id) => change(byId.get(id)!));
    setWorking(false);
    setOutcome(result);
    onDone(result.done);
    await client.invalidateQueries({ queryKey: conversationKeys.all(account.id) });
  };

  const allSelected = selected.length >= visibleCount;
  return (
    <div role="region" aria-label={t('workspace.bulk.label')} className="flex flex-col gap-2 pb-2">
      <div className="flex items-center gap-2 text-sm">
        <label className="flex items-center gap-2 text-ink">
          <input
            type="checkbox"
            className="size-4 accent-brand"
            checked={allSelected}
            onChange={() => (allSelected ? onClear() : onSelectAll())}
            aria-label={t('workspace.bulk.selectAll', { count: visibleCount })}
          />
          <span className="font-medium">{t('workspace.bulk.selected', { count: selected.length })}</span>
        </label>
        <button type="button" onClick={onClear} className="ml-auto rounded-md p-1 text-muted hover:bg-subtle" aria-label={t('workspace.bulk.clear')} title={t('workspace.bulk.clear')}>
          <X className="size-4" aria-hidden="true" />
        </button>
      </div>
      <div role="toolbar" aria-label={t('workspace.bulk.actions')} className="flex flex-wrap gap-1">
        <BulkMenu label={t('workspace.bulk.assignAgent')} icon={<UserRound className="size-3.5" aria-hidden="true" />} disabled={working}>
          <DropdownMenu.Item className={itemClasses} onSelect={() => void run((c) => assign(account.id, c.id, { assignee_id: null }))}>
            {t('workspace.details.nobody')}
          </DropdownMenu.Item>
          {(agents.data ?? []).map((agent) => (
            <DropdownMenu.Item key={agent.id} className={itemClasses} onSelect={() => void run((c) => assign(account.id, c.id, { assignee_id: agent.id }))}>
              {agent.available_name}
            </DropdownMenu.Item>
          ))}
        </BulkMenu>
        <BulkMenu label={t('workspace.bulk.assignTeam')} icon={<Users className="size-3.5" aria-hidden="true" />} disabled={working}>
          <DropdownMenu.Item className={itemClasses} onSelect={() => void run((c) => assign(account.id, c.id, { team_id: null }))}>
            {t('workspace.details.noTeam')}
          </DropdownMenu.Item>
          {(teams.data ?? []).map((team) => (
            <DropdownMenu.Item key={team.id} className={itemClasses} onSelect={() => void run((c) => assign(account.id, c.id, { team_id: team.id }))}>
              {team.name}
            </DropdownMenu.Item>
          ))}
        </BulkMenu>
        <BulkMenu label={t('workspace.bulk.addLabel')} icon={<Tag className="size-3.5" aria-hidden="true" />} disabled={working}>
          {(labels.data ?? []).length === 0 && <p className="px-2 py-1.5 text-sm text-muted">{t('workspace.bulk.noLabels')}</p>}
          {(labels.data ?? []).map((label) => (
            <DropdownMenu.Item
              key={label.id}
              className={itemClasses}
              onSelect={() =>
                void run((c) => (c.labels.includes(label.title) ? Promise.resolve() : setLabels(account.id, c.id, [...c.labels, label.title])))
              }
            >
              <span className="mr-2 inline-block size-2.5 rounded-full" style={{ backgroundColor: label.color }} aria-hidden="true" />
              {label.title}
            </DropdownMenu.Item>
          ))}
        </BulkMenu>
        <button type="button" className={buttonClasses} disabled={working} onClick={() => void run((c) => toggleStatus(account.id, c.id, 'resolved'))}>
          <CheckCheck className="size-3.5" aria-hidden="true" />
          {t('workspace.bulk.resolve')}
        </button>
        <button type="button" className={buttonClasses} disabled={working} onClick={() => void run((c) => toggleStatus(account.id, c.id, 'open'))}>
          <RotateCcw className="size-3.5" aria-hidden="true" />
          {t('workspace.bulk.reopen')}
        </button>
        <BulkMenu label={t('workspace.bulk.snooze')} icon={<Clock className="size-3.5" aria-hidden="true" />} disabled={working}>
          {SNOOZE_OPTIONS.map((option) => (
            <DropdownMenu.Item key={option} className={itemClasses} onSelect={() => void run((c) => toggleStatus(account.id, c.id, 'snoozed', snoozeUntil(option)))}>
              {t(`workspace.snooze.${option}`)}
            </DropdownMenu.Item>
          ))}
        </BulkMenu>
      </div>
      {outcome && outcome.failed.length > 0 && (
        <p role="alert" className="text-xs text-danger">
          {t('workspace.bulk.someFailed', { done: outcome.done.length, failed: outcome.failed.length })}
        </p>
      )}
      {working && (
        <p role="status" className="text-xs text-muted">
          {t('workspace.bulk.working', { count: selected.length })}
        </p>
      )}
    </div>
  );
}

function BulkMenu({ label, icon, disabled, children }: { label: string; icon: ReactNode; disabled: boolean; children: ReactNode }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className={buttonClasses} disabled={disabled}>
        {icon}
        {label}
        <ChevronDown className="size-3" aria-hidden="true" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="start" sideOffset={4} className={menuClasses}>
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
