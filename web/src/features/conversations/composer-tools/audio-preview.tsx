import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** A recorded voice note, playable before it is sent. */
export function AudioPreview({ file }: { file: File }) {
  const { t } = useTranslation();
  const audio = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(file);
    if (audio.current) audio.current.src = objectUrl;
    return () => URL.revokeObjectURL(objectUrl);
  }, [file]);
  return <audio ref={audio} controls aria-label={t('workspace.composer.voice.listen', { name: file.name })} className="h-8 max-w-60" />;
}
