import { ChevronRight, LayoutPanelLeft } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SettingsSubpageHeader } from '../settings-subpage-header';

/** "Integrações": the integrations this installation offers, each with its own page. */
export function IntegrationsPage() {
  const { t } = useTranslation();
  return (
    <>
      <SettingsSubpageHeader title={t('settings.sections.integrations.title')} description={t('dashboardApps.integrationsDescription')} />
      <div className="p-4 md:p-8">
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          <li>
            <Link
              to="dashboard-apps"
              className="group flex h-full gap-3 rounded-xl border border-line bg-surface p-4 transition-colors hover:border-brand/60 hover:shadow-sm"
            >
              <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-brand-soft text-brand">
                <LayoutPanelLeft className="size-5" aria-hidden="true" />
              </span>
              <span className="min-w-0 flex-1">
                <span className="block text-sm font-semibold text-ink">{t('dashboardApps.title')}</span>
                <span className="mt-1 block text-sm text-muted">{t('dashboardApps.description')}</span>
              </span>
              <ChevronRight className="size-4 self-center text-muted group-hover:text-brand" aria-hidden="true" />
            </Link>
          </li>
        </ul>
      </div>
    </>
  );
}
