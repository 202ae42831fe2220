import { useQueryClient } from '@tanstack/react-query';
import { Plus, Trash } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { FormDialog } from '../../components/form-dialog';
import { inputClasses } from '../../components/text-field';
import { apiErrorMessage } from '../../lib/api-form-errors';
import { useCurrentAccount } from '../accounts/current-account';
import { useLabels } from '../conversations/conversations-api';
import { MAX_CONDITIONS } from './contact-query';
import type { FilterItem, Segment } from './contact-types';
import { contactKeys, createSegment, useContactAttributeDefinitions } from './contacts-api';
import { conditionProblem, filterFields, findField, needsValue, newCondition, OPERATORS_BY_KIND, type FilterField } from './filter-fields';

type Props = {
  initial: FilterItem[];
  onClose: () => void;
  onApply: (conditions: FilterItem[]) => void;
  onSaved: (segment: Segment) => void;
};

const selectClasses = `${inputClasses} border-line`;

/** The advanced filter: conditions on contact fields, labels and custom attributes joined by E/OU, applied or saved as a segment. */
export function FilterBuilderDialog({ initial, onClose, onApply, onSaved }: Props) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const queryClient = useQueryClient();
  const definitions = useContactAttributeDefinitions(account.id);
  const labels = useLabels(account.id);
  const fields = useMemo(() => filterFields(definitions.data ?? []), [definitions.data]);
  const [conditions, setConditions] = useState<FilterItem[]>(() => (initial.length > 0 ? initial : [newCondition(fields[0]!)]));
  const [segmentName, setSegmentName] = useState('');
  const [showProblems, setShowProblems] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problems = conditions.map((c) => conditionProblem(c, findField(fields, c)));
  const valid = problems.every((p) => p === null);

  const change = (index: number, next: FilterItem) => setConditions((all) => all.map((c, i) => (i === index ? next : c)));
  const fieldLabel = (field: FilterField) => ('i18nKey' in field.label ? t(field.label.i18nKey) : field.label.text);
  const labelTitles = (labels.data ?? []).map((l) => l.title);

  const apply = () => {
    setShowProblems(true);
    if (valid) onApply(conditions);
  };

  const save = async () => {
    setShowProblems(true);
    if (!valid || segmentName.trim() === '') return;
    setSaving(true);
    setError(null);
    try {
      const saved = await createSegment(account.id, segmentName.trim(), conditions);
      await queryClient.invalidateQueries({ queryKey: contactKeys.segments(account.id) });
      onSaved(saved);
    } catch (e) {
      setError(apiErrorMessage(e, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDialog open onOpenChange={(open) => !open && onClose()} wide title={t('contacts.filter.title')} description={t('contacts.filter.description')}>
      <div className="flex flex-col gap-3">
        <ol aria-label={t('contacts.filter.conditions')} className="flex flex-col gap-3">
          {conditions.map((condition, index) => {
            const field = findField(fields, condition);
            const kind = field?.kind ?? 'text';
            const options = kind === 'labels' ? labelTitles : field?.options;
            const problem = showProblems ? problems[index] : null;
            return (
              <li key={index} className="flex flex-col gap-2">
                {index > 0 && (
                  <select
                    aria-label={t('contacts.filter.join', { number: index + 1 })}
                    value={conditions[index - 1]!.query_operator}
                    onChange={(e) => change(index - 1, { ...conditions[index - 1]!, query_operator: e.target.value === 'OR' ? 'OR' : 'AND' })}
                    className={`${selectClasses} w-24 self-start py-1 text-xs font-semibold`}
                  >
                    <option value="AND">{t('contacts.filter.and')}</option>
                    <option value="OR">{t('contacts.filter.or')}</option>
                  </select>
                )}
                <div className="grid grid-cols-1 gap-2 rounded-lg border border-line p-2 sm:grid-cols-[1fr_1fr_1fr_auto]">
                  <select
                    aria-label={t('contacts.filter.field', { number: index + 1 })}
                    value={field ? `${field.model}:${field.key}` : ''}
                    onChange={(e) => {
                      const next = fields.find((f) => `${f.model}:${f.key}` === e.target.value);
                      if (next) change(index, { ...newCondition(next), values: next.kind === 'labels' ? [labelTitles[0] ?? ''] : newCondition(next).values, query_operator: condition.query_operator });
                    }}
                    className={selectClasses}
                  >
                    <optgroup label={t('contacts.filter.standardFields')}>
                      {fields.filter((f) => f.model === 'standard').map((f) => (
                        <option key={f.key} value={`${f.model}:${f.key}`}>{fieldLabel(f)}</option>
                      ))}
                    </optgroup>
                    {fields.some((f) => f.model === 'custom_attribute') && (
                      <optgroup label={t('contacts.filter.customFields')}>
                        {fields.filter((f) => f.model === 'custom_attribute').map((f) => (
                          <option key={f.key} value={`${f.model}:${f.key}`}>{fieldLabel(f)}</option>
                        ))}
                      </optgroup>
                    )}
                  </select>
                  <select
                    aria-label={t('contacts.filter.operator', { number: index + 1 })}
                    value={condition.filter_operator}
                    onChange={(e) => change(index, { ...condition, filter_operator: e.target.value })}
                    className={selectClasses}
                  >
                    {OPERATORS_BY_KIND[kind].map((op) => (
                      <option key={op} value={op}>{t(`contacts.filter.operators.${op}`)}</option>
                    ))}
                  </select>
                  {needsValue(condition.filter_operator) ? (
                    <ValueInput
                      label={t('contacts.filter.value', { number: index + 1 })}
                      kind={kind}
                      operator={condition.filter_operator}
                      options={options}
                      value={condition.values[0] ?? ''}
                      invalid={problem !== null}
                      onChange={(value) => change(index, { ...condition, values: [value] })}
                    />
                  ) : (
                    <span className="hidden sm:block" />
                  )}
                  <button
                    type="button"
                    onClick={() => setConditions((all) => all.filter((_, i) => i !== index))}
                    disabled={conditions.length === 1}
                    className="justify-self-end rounded-lg p-2 text-muted hover:bg-danger-soft hover:text-danger disabled:opacity-40"
                    aria-label={t('contacts.filter.remove', { number: index + 1 })}
                  >
                    <Trash className="size-4" aria-hidden="true" />
                  </button>
                </div>
                {problem && <p className="text-xs text-danger">{t(problem)}</p>}
              </li>
            );
          })}
        </ol>
        <Button
          variant="ghost"
          className="self-start"
          disabled={conditions.length >= MAX_CONDITIONS}
          onClick={() => setConditions((all) => [...all, newCondition(fields[0]!)])}
        >
          <Plus className="size-4" aria-hidden="true" />
          {t('contacts.filter.add')}
        </Button>
        {error && <FormAlert>{error}</FormAlert>}
        <div className="flex flex-col gap-2 border-t border-line pt-4 sm:flex-row sm:items-end">
          <label className="flex flex-1 flex-col gap-1.5 text-sm font-medium text-ink">
            {t('contacts.segments.name')}
            <input value={segmentName} onChange={(e) => setSegmentName(e.target.value)} maxLength={255} className={selectClasses} placeholder={t('contacts.segments.namePlaceholder')} />
          </label>
          <Button variant="secondary" busy={saving} disabled={segmentName.trim() === ''} onClick={() => void save()}>
            {t('contacts.segments.save')}
          </Button>
        </div>
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={() => onApply([])}>
            {t('contacts.filter.clear')}
          </Button>
          <Button onClick={apply}>{t('contacts.filter.apply')}</Button>
        </div>
      </div>
    </FormDialog>
  );
}

type ValueInputProps = {
  label: string;
  kind: FilterField['kind'];
  operator: string;
  options: string[] | undefined;
  value: string;
  invalid: boolean;
  onChange: (value: string) => void;
};

function ValueInput({ label, kind, operator, options, value, invalid, onChange }: ValueInputProps) {
  const { t } = useTranslation();
  const classes = `${inputClasses} ${invalid ? 'border-danger' : 'border-line'}`;
  if (kind === 'blocked' || kind === 'checkbox') {
    return (
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} className={classes}>
        <option value="true">{t('contacts.filter.yes')}</option>
        <option value="false">{t('contacts.filter.no')}</option>
      </select>
    );
  }
  if ((kind === 'labels' || kind === 'list') && options) {
    return (
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} className={classes}>
        {options.map((o) => (
          <option key={o} value={o}>{o}</option>
        ))}
      </select>
    );
  }
  if (operator === 'days_before') {
    return <input aria-label={label} type="number" min={0} value={value} onChange={(e) => onChange(e.target.value)} className={classes} placeholder={t('contacts.filter.days')} />;
  }
  if (kind === 'date' || kind === 'custom_date') {
    return <input aria-label={label} type="date" value={value} onChange={(e) => onChange(e.target.value)} className={classes} />;
  }
  return (
    <input
      aria-label={label}
      type={kind === 'number' ? 'number' : 'text'}
      value={value}
      aria-invalid={invalid || undefined}
      onChange={(e) => onChange(e.target.value)}
      className={classes}
    />
  );
}
