import { Compass } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';

/** Unknown path: inside the shell it keeps the navigation; outside it links back to the start. */
export function NotFoundPage({ homePath = '/' }: { homePath?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <div className="p-4 md:p-8">
        <EmptyState icon={Compass} title={t('notFound.emptyTitle')} description={t('notFound.description')}>
          <Link to={homePath} className="text-sm font-medium text-brand hover:underline">
            {t('notFound.backHome')}
          </Link>
        </EmptyState>
      </div>
    </>
  );
}
