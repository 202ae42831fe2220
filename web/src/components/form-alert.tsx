import { CircleCheck, CircleExclamationPoint, Info } from 'lucide-react';
import type { ReactNode } from 'react';

type FormAlertProps = { tone?: 'error' | 'success' | 'info'; children: ReactNode };

const TONE_CLASSES = {
  error: 'border-danger/30 bg-danger-soft text-danger',
  success: 'border-success/30 bg-success-soft text-success',
  info: 'border-brand/30 bg-brand-soft text-ink',
} as const;

export function FormAlert({ tone = 'error', children }: FormAlertProps) {
  const Icon = { error: CircleExclamationPoint, success: CircleCheck, info: Info }[tone];
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={`flex items-start gap-2 rounded-lg border px-3 py-2.5 text-sm ${TONE_CLASSES[tone]}`}
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
      <div>{children}</div>
    </div>
  );
}
