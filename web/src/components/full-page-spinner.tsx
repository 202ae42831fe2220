import { LoaderCircle } from 'lucide-react';
import { useTranslation } from 'react-i18next';

export function FullPageSpinner() {
  const { t } = useTranslation();
  return (
    <div className="flex h-full items-center justify-center" role="status">
      <LoaderCircle className="size-7 animate-spin text-brand" aria-hidden="true" />
      <span className="sr-only">{t('common.loading')}</span>
    </div>
  );
}
