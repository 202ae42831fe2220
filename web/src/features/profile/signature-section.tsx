import { Bold, ImagePlus, Italic } from 'lucide-react';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { inputClasses, TextField } from '../../components/text-field';
import { SaveForm } from './field-section';
import { useSaveProfile, type ProfileUser } from './profile-api';
import { appendImage, renderSignature, wrapSelection } from './signature-markdown';

const toolButton = 'flex size-8 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-ink';

/** "Assinatura de Mensagem Pessoal": Markdown with bold, italic and an optional inline image, previewed as sent. */
export function SignatureSection({ user }: { user: ProfileUser }) {
  const { t } = useTranslation();
  const [signature, setSignature] = useState(user.message_signature ?? '');
  const [imageOpen, setImageOpen] = useState(false);
  const [imageUrl, setImageUrl] = useState('');
  const [imageError, setImageError] = useState<string | undefined>();
  const area = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();
  const save = useSaveProfile();
  const preview = useMemo(() => renderSignature(signature), [signature]);

  const wrap = (mark: string) => {
    const el = area.current;
    if (!el) return;
    const next = wrapSelection(signature, el.selectionStart, el.selectionEnd, mark, t('profilePage.signature.placeholderText'));
    setSignature(next.text);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(next.start, next.end);
    });
  };

  const addImage = () => {
    if (!/^https:\/\/\S+$/i.test(imageUrl.trim())) {
      setImageError(t('profilePage.signature.imageInvalid'));
      return;
    }
    setSignature(appendImage(signature, imageUrl, t('profilePage.signature.imageAlt')));
    setImageUrl('');
    setImageOpen(false);
    setImageError(undefined);
  };

  return (
    <SaveForm
      fields={['message_signature']}
      onSave={() => save.mutate({ message_signature: signature.trim() })}
      busy={save.isPending}
      error={save.error}
      saved={save.isSuccess}
      savedText={t('profilePage.signature.saved')}
      submitLabel={t('profilePage.signature.submit')}
    >
      {(errors) => (
        <>
          <div className="flex flex-col gap-1.5">
            <label htmlFor={fieldId} className="text-sm font-medium text-ink">
              {t('profilePage.signature.label')}
            </label>
            <div className="flex gap-1" role="toolbar" aria-label={t('profilePage.signature.toolbar')}>
              <button type="button" className={toolButton} onClick={() => wrap('**')} title={t('profilePage.signature.bold')} aria-label={t('profilePage.signature.bold')}>
                <Bold className="size-4" aria-hidden="true" />
              </button>
              <button type="button" className={toolButton} onClick={() => wrap('_')} title={t('profilePage.signature.italic')} aria-label={t('profilePage.signature.italic')}>
                <Italic className="size-4" aria-hidden="true" />
              </button>
              <button type="button" className={toolButton} onClick={() => setImageOpen((o) => !o)} title={t('profilePage.signature.image')} aria-label={t('profilePage.signature.image')}>
                <ImagePlus className="size-4" aria-hidden="true" />
              </button>
            </div>
            <textarea
              id={fieldId}
              ref={area}
              rows={4}
              value={signature}
              onChange={(event) => setSignature(event.target.value)}
              className={`${inputClasses} ${errors.message_signature ? 'border-danger' : 'border-line'} font-mono`}
              aria-invalid={errors.message_signature ? true : undefined}
            />
            {errors.message_signature && <p className="text-xs text-danger">{errors.message_signature}</p>}
            <p className="text-xs text-muted">{t('profilePage.signature.hint')}</p>
          </div>
          {imageOpen && (
            <div className="flex items-end gap-2">
              <TextField
                label={t('profilePage.signature.imageUrl')}
                type="url"
                placeholder="https://"
                value={imageUrl}
                onValueChange={setImageUrl}
                error={imageError}
                className="flex-1"
              />
              <Button variant="secondary" onClick={addImage}>
                {t('profilePage.signature.insertImage')}
              </Button>
            </div>
          )}
          {signature.trim() && (
            <div>
              <p className="mb-1 text-xs font-medium text-muted uppercase">{t('profilePage.signature.preview')}</p>
              <div
                data-testid="signature-preview"
                className="rounded-lg border border-line bg-subtle px-3 py-2 text-sm text-ink [&_a]:text-brand [&_a]:underline [&_img]:mt-1 [&_img]:max-h-20"
                dangerouslySetInnerHTML={{ __html: preview }}
              />
            </div>
          )}
        </>
      )}
    </SaveForm>
  );
}
