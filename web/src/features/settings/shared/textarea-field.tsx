import { useId, type TextareaHTMLAttributes } from 'react';
import { inputClasses } from '../../../components/text-field';

type TextareaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'onChange' | 'value'> & {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
};

export function TextareaField({ label, value, onValueChange, error, hint, className = '', rows = 3, ...rest }: TextareaFieldProps) {
  const id = useId();
  const message = error ?? hint;
  return (
    <div className={`flex flex-col gap-1.5 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
      </label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={message ? `${id}-message` : undefined}
        className={`${inputClasses} ${error ? 'border-danger' : 'border-line'}`}
        {...rest}
      />
      {message && (
        <p id={`${id}-message`} className={`text-xs ${error ? 'text-danger' : 'text-muted'}`}>
          {message}
        </p>
      )}
    </div>
  );
}
