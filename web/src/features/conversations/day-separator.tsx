import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { dayLabel } from './time-format';

export const DaySeparator = memo(function DaySeparator({ at }: { at: number }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="my-3 flex items-center gap-3" role="separator" aria-label={dayLabel(at, i18n.language, { today: t('workspace.history.today'), yesterday: t('workspace.history.yesterday') })}>
      <span className="h-px flex-1 bg-line" aria-hidden="true" />
      <span className="rounded-full bg-surface px-3 py-0.5 text-xs font-medium text-muted shadow-sm" aria-hidden="true">
        {dayLabel(at, i18n.language, { today: t('workspace.history.today'), yesterday: t('workspace.history.yesterday') })}
      </span>
      <span className="h-px flex-1 bg-line" aria-hidden="true" />
    </li>
  );
});
