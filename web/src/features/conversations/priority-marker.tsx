import { ArrowDown, ArrowUp, ChevronsUp, Minus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ConversationPriority } from './conversation-types';

const STYLE: Record<ConversationPriority, { icon: typeof ArrowUp; className: string }> = {
  urgent: { icon: ChevronsUp, className: 'bg-danger-soft text-danger' },
  high: { icon: ArrowUp, className: 'bg-warning-soft text-warning' },
  medium: { icon: Minus, className: 'bg-brand-soft text-brand' },
  low: { icon: ArrowDown, className: 'bg-subtle text-muted' },
};

export function PriorityMarker({ priority }: { priority: ConversationPriority | null }) {
  const { t } = useTranslation();
  if (!priority) return null;
  const { icon: Icon, className } = STYLE[priority];
  const label = t('workspace.priority.marker', { priority: t(`workspace.priority.${priority}`) });
  return (
    <span title={label} aria-label={label} role="img" className={`inline-flex size-4 items-center justify-center rounded ${className}`}>
      <Icon className="size-3" aria-hidden="true" />
    </span>
  );
}
