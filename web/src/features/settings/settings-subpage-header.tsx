import { ArrowLeft } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type SettingsSubpageHeaderProps = { title: string; description?: string; actions?: ReactNode };

/**
 * Header of a settings section, with the way back to the list of sections. The back link says only
 * "Voltar" so that "Configurações" stays the name of a single link (the navigation bar's).
 */
export function SettingsSubpageHeader({ title, description, actions }: SettingsSubpageHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="flex flex-wrap items-end justify-between gap-3 border-b border-line px-4 py-4 md:px-8 md:py-5">
      <div className="min-w-0">
        <Link to=".." relative="path" className="inline-flex items-center gap-1 text-xs font-medium text-muted hover:text-brand">
          <ArrowLeft className="size-3.5" aria-hidden="true" />
          {t('common.back')}
        </Link>
        <h1 className="mt-1 text-xl font-semibold tracking-tight text-ink">{title}</h1>
        {description && <p className="mt-1 text-sm text-muted">{description}</p>}
      </div>
      {actions && <div className="flex items-center gap-2">{actions}</div>}
    </header>
  );
}
