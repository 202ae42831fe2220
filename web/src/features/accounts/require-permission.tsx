import { ShieldBan } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { hasPermission, type Permission } from './account-permissions';
import { useCurrentAccount } from './current-account';

/** Renders its children only for members allowed to; the server enforces the same rule. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  if (hasPermission(account, permission)) return children;
  return (
    <>
      <PageHeader title={t('forbidden.title')} />
      <div className="p-4 md:p-8">
        <EmptyState icon={ShieldBan} title={t('forbidden.emptyTitle')} description={t('forbidden.description')} />
      </div>
    </>
  );
}
