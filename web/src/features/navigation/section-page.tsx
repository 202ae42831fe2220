import { Bell, BookOpen, ChartColumn, Contact, Megaphone, type LucideIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';

export type SectionKey = 'contacts' | 'reports' | 'campaigns' | 'helpCenter' | 'notifications';

const SECTION_ICONS: Record<SectionKey, LucideIcon> = {
  contacts: Contact,
  reports: ChartColumn,
  campaigns: Megaphone,
  helpCenter: BookOpen,
  notifications: Bell,
};

/** A navigation destination whose module has not landed yet: its title and what it will hold. */
export function SectionPage({ section }: { section: SectionKey }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`sections.${section}.title`)} description={t(`sections.${section}.description`)} />
      <div className="p-4 md:p-8">
        <EmptyState
          icon={SECTION_ICONS[section]}
          title={t(`sections.${section}.emptyTitle`)}
          description={t(`sections.${section}.emptyDescription`)}
        />
      </div>
    </>
  );
}
