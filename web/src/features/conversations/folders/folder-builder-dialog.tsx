import { useQueryClient } from '@tanstack/react-query';
import { Plus, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormDialog } from '../../../components/form-dialog';
import { useCurrentAccount } from '../../accounts/current-account';
import { useAgents } from '../../agents/agents-api';
import { conversationKeys } from '../conversation-keys';
import { scopePath } from '../conversation-scope';
import { useInboxes, useLabels, useTeams } from '../conversations-api';
import { FILTER_ATTRIBUTES, attributeOf, needsValue, validateConditions, valueKindFor, type FilterCondition, type FilterOperator } from './folder-conditions';
import { createFolder, folderKeys } from './folders-api';

/** The builder holds at most this many conditions (the server takes 30, the list's tab and status add some). */
const MAX_CONDITIONS = 8;
const fieldClasses = 'min-w-0 rounded-lg border border-line bg-surface px-2 py-1.5 text-sm text-ink focus:border-brand focus:outline-none';
const blank = (): FilterCondition => ({ attribute_key: 'status', filter_operator: 'equal_to', values: ['open'], query_operator: 'AND' });

/** The advanced filter: conditions joined by "E"/"OU", saved under a name as a folder of the secondary menu. */
export function FolderBuilderDialog({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { account } = useCurrentAccount();
  const [name, setName] = useState('');
  const [rows, setRows] = useState<FilterCondition[]>([blank()]);
  const [invalid, setInvalid] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const update = (index: number, change: Partial<FilterCondition>) => {
    setRows((list) => list.map((row, i) => (i === index ? { ...row, ...change } : row)));
    setInvalid((list) => list.filter((i) => i !== index));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { payload, invalidRows } = validateConditions(rows);
    setInvalid(invalidRows);
    if (!name.trim()) return setError(t('workspace.folders.nameRequired'));
    if (invalidRows.length > 0) return setError(t('workspace.folders.valueRequired'));
    setSaving(true);
    setError(null);
    try {
      const folder = await createFolder(account.id, name.trim(), payload);
      await client.invalidateQueries({ queryKey: folderKeys.all(account.id) });
      await client.invalidateQueries({ queryKey: conversationKeys.all(account.id) });
      onOpenChange(false);
      setName('');
      setRows([blank()]);
      void navigate(scopePath(account.id, { view: 'folder', folderId: folder.id }));
    } catch {
      setError(t('workspace.folders.saveError'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDialog open={open} onOpenChange={onOpenChange} title={t('workspace.folders.builderTitle')} description={t('workspace.folders.builderDescription')}>
      <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-3" noValidate>
        <label className="flex flex-col gap-1 text-sm font-medium text-ink">
          {t('workspace.folders.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={255} className={fieldClasses} />
        </label>
        <ol aria-label={t('workspace.folders.conditions')} className="flex flex-col gap-2">
          {rows.map((row, index) => (
            <li key={index} className="flex flex-col gap-2">
              <ConditionRow condition={row} index={index} invalid={invalid.includes(index)} onChange={(change) => update(index, change)} onRemove={rows.length > 1 ? () => setRows((list) => list.filter((_, i) => i !== index)) : undefined} />
              {index < rows.length - 1 && (
                <div role="radiogroup" aria-label={t('workspace.folders.joiner', { number: index + 1 })} className="flex gap-1 self-center">
                  {(['AND', 'OR'] as const).map((joiner) => (
                    <button
                      key={joiner}
                      type="button"
                      role="radio"
                      aria-checked={(row.query_operator ?? 'AND') === joiner}
                      onClick={() => update(index, { query_operator: joiner })}
                      className={`rounded-md px-3 py-0.5 text-xs font-semibold ${(row.query_operator ?? 'AND') === joiner ? 'bg-brand text-on-brand' : 'bg-subtle text-muted hover:text-ink'}`}
                    >
                      {t(`workspace.folders.${joiner.toLowerCase()}`)}
                    </button>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ol>
        {rows.length < MAX_CONDITIONS && (
          <button type="button" onClick={() => setRows((list) => [...list, blank()])} className="flex items-center gap-1 self-start rounded-lg px-2 py-1 text-sm text-brand hover:bg-brand-soft">
            <Plus className="size-4" aria-hidden="true" />
            {t('workspace.folders.addCondition')}
          </button>
        )}
        {error && (
          <p role="alert" className="text-sm text-danger">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={() => onOpenChange(false)} className="rounded-lg px-3 py-1.5 text-sm text-muted hover:bg-subtle">
            {t('common.cancel')}
          </button>
          <button type="submit" disabled={saving} className="rounded-lg bg-brand px-4 py-1.5 text-sm font-medium text-on-brand hover:bg-brand-strong disabled:opacity-50">
            {t('workspace.folders.save')}
          </button>
        </div>
      </form>
    </FormDialog>
  );
}

type RowProps = { condition: FilterCondition; index: number; invalid: boolean; onChange(change: Partial<FilterCondition>): void; onRemove: (() => void) | undefined };

function ConditionRow({ condition, index, invalid, onChange, onRemove }: RowProps) {
  const { t } = useTranslation();
  const attribute = attributeOf(condition.attribute_key);
  const number = index + 1;
  return (
    <div role="group" aria-label={t('workspace.folders.condition', { number })} className="flex flex-wrap items-center gap-1.5 rounded-lg border border-line bg-canvas p-2">
      <select
        aria-label={t('workspace.folders.attribute', { number })}
        value={condition.attribute_key}
        onChange={(e) => {
          const next = attributeOf(e.target.value);
          onChange({ attribute_key: next.key, filter_operator: next.operators[0]!, values: [] });
        }}
        className={`${fieldClasses} flex-1 basis-32`}
      >
        {FILTER_ATTRIBUTES.map((a) => (
          <option key={a.key} value={a.key}>
            {t(`workspace.folders.attributes.${a.key}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('workspace.folders.operator', { number })}
        value={condition.filter_operator}
        onChange={(e) => onChange({ filter_operator: e.target.value as FilterOperator, values: [] })}
        className={`${fieldClasses} flex-1 basis-32`}
      >
        {attribute.operators.map((operator) => (
          <option key={operator} value={operator}>
            {t(`workspace.folders.operators.${operator}`)}
          </option>
        ))}
      </select>
      {needsValue(condition.filter_operator) && <ValueField condition={condition} number={number} invalid={invalid} onChange={(value) => onChange({ values: value === '' ? [] : [value] })} />}
      {onRemove && (
        <button type="button" onClick={onRemove} className="ml-auto rounded-md p-1 text-muted hover:bg-subtle hover:text-danger" aria-label={t('workspace.folders.removeCondition', { number })}>
          <Trash2 className="size-4" aria-hidden="true" />
        </button>
      )}
    </div>
  );
}

function ValueField({ condition, number, invalid, onChange }: { condition: FilterCondition; number: number; invalid: boolean; onChange(value: string | number): void }) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const agents = useAgents(account.id);
  const inboxes = useInboxes(account.id);
  const teams = useTeams(account.id);
  const labels = useLabels(account.id);
  const kind = valueKindFor(condition);
  const label = t('workspace.folders.value', { number });
  const current = condition.values[0] ?? '';
  const choices: { value: string; label: string }[] | null =
    kind === 'status'
      ? ['open', 'pending', 'snoozed', 'resolved'].map((s) => ({ value: s, label: t(`workspace.folders.statuses.${s}`) }))
      : kind === 'priority'
        ? ['low', 'medium', 'high', 'urgent'].map((p) => ({ value: p, label: t(`workspace.priority.${p}`) }))
        : kind === 'agent'
          ? (agents.data ?? []).map((a) => ({ value: String(a.id), label: a.available_name }))
          : kind === 'inbox'
            ? (inboxes.data ?? []).map((i) => ({ value: String(i.id), label: i.name }))
            : kind === 'team'
              ? (teams.data ?? []).map((team) => ({ value: String(team.id), label: team.name }))
              : kind === 'label'
                ? (labels.data ?? []).map((l) => ({ value: l.title, label: l.title }))
                : null;
  const classes = `${fieldClasses} flex-[1.3] basis-36 ${invalid ? 'border-danger' : ''}`;
  if (choices) {
    return (
      <select aria-label={label} aria-invalid={invalid} value={String(current)} onChange={(e) => onChange(e.target.value)} className={classes}>
        <option value="">{t('workspace.folders.choose')}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      aria-label={label}
      aria-invalid={invalid}
      type={kind === 'number' ? 'number' : kind === 'date' ? 'date' : 'text'}
      min={kind === 'number' ? 0 : undefined}
      value={String(current)}
      onChange={(e) => onChange(kind === 'number' && e.target.value !== '' ? Number(e.target.value) : e.target.value)}
      className={classes}
    />
  );
}
