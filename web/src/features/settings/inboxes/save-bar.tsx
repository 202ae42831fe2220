import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form-alert';

type SaveBarProps = { busy: boolean; saved: boolean; error: string | null };

/** The end of a settings form: why the save failed, or that it went through, and the button. */
export function SaveBar({ busy, saved, error }: SaveBarProps) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-3 border-t border-line pt-4">
      {error && <FormAlert>{error}</FormAlert>}
      {saved && !busy && <FormAlert tone="success">{t('settingsCommon.saved')}</FormAlert>}
      <div>
        <Button type="submit" busy={busy}>
          {t('common.save')}
        </Button>
      </div>
    </div>
  );
}
