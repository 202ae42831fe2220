import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ImageUp, Trash2 } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { initialsOf } from '../../components/user-avatar';
import { apiErrorMessage } from '../../lib/api-form-errors';
import { queryKeys } from '../../lib/query-keys';
import { squareThumbnail } from './avatar-image';
import { removeAvatar, uploadAvatar, type ProfileUser } from './profile-api';

const MAX_BYTES = 5 * 1024 * 1024;

/** "Foto de Perfil": "Alterar Foto" picks an image, shown cropped to a square; "Salvar" uploads it; initials when none. */
export function AvatarSection({ user }: { user: ProfileUser }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<{ blob: Blob; url: string } | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);

  useEffect(() => () => (picked ? URL.revokeObjectURL(picked.url) : undefined), [picked]);

  const upload = useMutation({
    mutationFn: (blob: Blob) => uploadAvatar(blob),
    onSuccess: (updated) => {
      client.setQueryData(queryKeys.profile, updated);
      setPicked(null);
    },
  });
  const remove = useMutation({ mutationFn: removeAvatar, onSuccess: (updated) => client.setQueryData(queryKeys.profile, updated) });

  const choose = async (file: File | undefined) => {
    setPickError(null);
    upload.reset();
    if (!file) return;
    if (!file.type.startsWith('image/') || file.size > MAX_BYTES) {
      setPickError(t('profilePage.photo.invalid'));
      return;
    }
    try {
      const blob = await squareThumbnail(file);
      setPicked({ blob, url: URL.createObjectURL(blob) });
    } catch {
      setPickError(t('profilePage.photo.invalid'));
    }
  };

  const shown = picked?.url ?? (user.avatar_url || null);
  const error = pickError ?? (upload.isError ? apiErrorMessage(upload.error, t) : remove.isError ? apiErrorMessage(remove.error, t) : null);

  return (
    <div className="flex flex-col gap-4">
      {error && <FormAlert>{error}</FormAlert>}
      {upload.isSuccess && <FormAlert tone="success">{t('profilePage.photo.saved')}</FormAlert>}
      <div className="flex items-center gap-4">
        {shown ? (
          <img src={shown} alt={t('profilePage.photo.alt')} className="size-20 rounded-full border border-line object-cover" data-testid="profile-photo" />
        ) : (
          <span className="flex size-20 items-center justify-center rounded-full bg-brand-soft text-2xl font-semibold text-brand" data-testid="profile-initials">
            {initialsOf(user.name)}
          </span>
        )}
        <div className="flex flex-wrap gap-2">
          <input ref={input} type="file" accept="image/png,image/jpeg,image/webp,image/gif" className="sr-only" tabIndex={-1} aria-hidden="true" onChange={(event) => void choose(event.target.files?.[0])} />
          <Button variant="secondary" onClick={() => input.current?.click()}>
            <ImageUp className="size-4" aria-hidden="true" />
            {t('profilePage.photo.change')}
          </Button>
          {!picked && user.avatar_url && (
            <Button variant="ghost" onClick={() => remove.mutate()} busy={remove.isPending}>
              <Trash2 className="size-4" aria-hidden="true" />
              {t('profilePage.photo.remove')}
            </Button>
          )}
        </div>
      </div>
      {picked && (
        <div className="flex gap-2">
          <Button onClick={() => upload.mutate(picked.blob)} busy={upload.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="ghost" onClick={() => setPicked(null)}>
            {t('common.cancel')}
          </Button>
        </div>
      )}
    </div>
  );
}
