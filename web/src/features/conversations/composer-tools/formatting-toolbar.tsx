import { Bold, Code, Italic, Link, List, ListOrdered, Strikethrough, type LucideIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Format } from './markdown-format';

const ICONS: Record<Format, LucideIcon> = {
  bold: Bold,
  italic: Italic,
  strike: Strikethrough,
  code: Code,
  bulletList: List,
  orderedList: ListOrdered,
  link: Link,
};

/** "Formatação de Texto": one button per format the inbox's channel can deliver. */
export function FormattingToolbar({ formats, onFormat, buttonClassName }: { formats: Format[]; onFormat(format: Format): void; buttonClassName: string }) {
  const { t } = useTranslation();
  if (formats.length === 0) return null;
  return (
    <div role="toolbar" aria-label={t('workspace.composer.formatting')} className="flex items-center gap-0.5">
      {formats.map((format) => {
        const Icon = ICONS[format];
        return (
          <button
            key={format}
            type="button"
            // Keeps the selection in the reply box while the button is pressed.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onFormat(format)}
            className={buttonClassName}
            aria-label={t(`workspace.composer.format.${format}`)}
            title={t(`workspace.composer.format.${format}`)}
          >
            <Icon className="size-4" aria-hidden="true" />
          </button>
        );
      })}
    </div>
  );
}
