import { Mic, Square, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useVoiceRecorder } from './use-voice-recorder';

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** "Mensagens de Voz": record, then the note joins the attachments, where it can be listened to before sending. */
export function VoiceRecorder({ onRecorded, buttonClassName }: { onRecorded(file: File): void; buttonClassName: string }) {
  const { t } = useTranslation();
  const recorder = useVoiceRecorder(onRecorded);

  if (recorder.state === 'recording') {
    return (
      <div role="group" aria-label={t('workspace.composer.voice.recording')} className="flex items-center gap-1 rounded-lg bg-danger/10 px-2 py-0.5 text-xs text-danger">
        <span className="size-2 animate-pulse rounded-full bg-danger" aria-hidden="true" />
        <span role="timer" aria-live="off" className="tabular-nums">
          {clock(recorder.seconds)}
        </span>
        <button type="button" onClick={recorder.stop} className="rounded p-1 hover:bg-danger/15" aria-label={t('workspace.composer.voice.stop')} title={t('workspace.composer.voice.stop')}>
          <Square className="size-3.5 fill-current" aria-hidden="true" />
        </button>
        <button type="button" onClick={recorder.cancel} className="rounded p-1 hover:bg-danger/15" aria-label={t('workspace.composer.voice.cancel')} title={t('workspace.composer.voice.cancel')}>
          <Trash2 className="size-3.5" aria-hidden="true" />
        </button>
      </div>
    );
  }
  const problem = recorder.state === 'denied' ? t('workspace.composer.voice.denied') : recorder.state === 'unsupported' ? t('workspace.composer.voice.unsupported') : null;
  return (
    <>
      <button
        type="button"
        onClick={() => void recorder.start()}
        disabled={recorder.state === 'starting'}
        className={buttonClassName}
        aria-label={t('workspace.composer.voice.record')}
        title={t('workspace.composer.voice.record')}
      >
        <Mic className="size-4" aria-hidden="true" />
      </button>
      {problem && (
        <span role="alert" className="text-xs text-danger">
          {problem}
        </span>
      )}
    </>
  );
}
