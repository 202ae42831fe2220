import { useId, type ReactNode } from 'react';

type ChoiceListProps<Value extends string> = {
  legend: string;
  value: Value;
  options: readonly { value: Value; label: ReactNode; hint?: string }[];
  onChange: (value: Value) => void;
};

/** Radio buttons under a legend (one choice of a few). */
export function ChoiceList<Value extends string>({ legend, value, options, onChange }: ChoiceListProps<Value>) {
  const name = useId();
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-2 text-sm font-medium text-ink">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="flex cursor-pointer items-start gap-2.5 rounded-lg border border-line px-3 py-2.5 text-sm text-ink has-checked:border-brand has-checked:bg-brand-soft/40">
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} className="mt-0.5 accent-brand" />
          <span>
            <span className="block">{option.label}</span>
            {option.hint && <span className="block text-xs text-muted">{option.hint}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function CheckboxRow({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex cursor-pointer items-start gap-2.5 text-sm text-ink">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} className="mt-0.5 size-4 accent-brand" />
      <span>{label}</span>
    </label>
  );
}
