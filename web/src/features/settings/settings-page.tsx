import { ChevronRight } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { hasPermission } from '../accounts/account-permissions';
import { useCurrentAccount } from '../accounts/current-account';
import { SETTINGS_SECTIONS, type SettingsSection } from './settings-sections';

/** "Configurações": the sections this member may manage. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const sections = SETTINGS_SECTIONS.filter((section) => !section.permission || hasPermission(account, section.permission));

  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <div className="p-4 md:p-8">
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {sections.map((section) => (
            <li key={section.key}>
              <SectionCard section={section} />
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}

function SectionCard({ section }: { section: SettingsSection }) {
  const { t } = useTranslation();
  const Icon = section.icon;
  const body = (
    <>
      <span
        className={`flex size-10 shrink-0 items-center justify-center rounded-lg ${
          section.path ? 'bg-brand-soft text-brand' : 'bg-subtle text-muted'
        }`}
      >
        <Icon className="size-5" aria-hidden="true" />
      </span>
      <span className="min-w-0 flex-1">
        <span className="flex flex-wrap items-center gap-2 text-sm font-semibold text-ink">
          {t(`settings.sections.${section.key}.title`)}
          {!section.path && (
            <span className="rounded-full bg-subtle px-2 py-0.5 text-[11px] font-medium text-muted">
              {t('settings.notAvailable')}
            </span>
          )}
        </span>
        <span className="mt-1 block text-sm text-muted">{t(`settings.sections.${section.key}.description`)}</span>
      </span>
    </>
  );

  if (!section.path) {
    return <div className="flex h-full gap-3 rounded-xl border border-line bg-surface p-4 opacity-75">{body}</div>;
  }
  return (
    <Link
      to={section.path}
      className="group flex h-full gap-3 rounded-xl border border-line bg-surface p-4 transition-colors hover:border-brand/60 hover:shadow-sm"
    >
      {body}
      <ChevronRight className="size-4 self-center text-muted group-hover:text-brand" aria-hidden="true" />
    </Link>
  );
}
