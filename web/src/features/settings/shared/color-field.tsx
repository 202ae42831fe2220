import { useId } from 'react';
import { inputClasses } from '../../../components/text-field';

type ColorFieldProps = { label: string; value: string; onValueChange: (value: string) => void; error?: string | undefined };

/** A color as #rrggbb: the browser's picker beside the code, either can be used. */
export function ColorField({ label, value, onValueChange, error }: ColorFieldProps) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          type="color"
          value={/^#[0-9a-fA-F]{6}$/.test(value) ? value : '#1f93ff'}
          onChange={(event) => onValueChange(event.target.value)}
          // The code field beside it is the accessible way to set the color; this is a shortcut for the mouse.
          aria-hidden="true"
          tabIndex={-1}
          className="h-9 w-11 shrink-0 cursor-pointer rounded-lg border border-line bg-surface p-1"
        />
        <input
          id={id}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          maxLength={7}
          aria-invalid={error ? true : undefined}
          className={`${inputClasses} ${error ? 'border-danger' : 'border-line'} font-mono`}
        />
      </div>
      {error && <p className="text-xs text-danger">{error}</p>}
    </div>
  );
}
