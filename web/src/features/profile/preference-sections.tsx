import { Play } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { SelectField } from '../../components/select-field';
import type { Availability } from '../../lib/api-types';
import { currentUiLanguage, setUiLanguage, UI_LANGUAGES, type UiLanguage } from '../../lib/i18n';
import { audioSettingsPatch, readAudioSettings, type AlertEvents, type AudioSettings } from '../audio-alerts/audio-settings';
import { playTone, TONES, type Tone } from '../audio-alerts/tones';
import { CheckboxRow, ChoiceList } from './choice-list';
import { SaveForm } from './field-section';
import { useSaveProfile, type ProfileUser } from './profile-api';
import { useAvailability } from './use-availability';

type SendKey = 'enter' | 'cmd_enter';

/** "Tecla de Atalho para Enviar Mensagens": the composer sends with Enter, or with Cmd/Ctrl + Enter. */
export function SendKeyForm({ user }: { user: ProfileUser }) {
  const { t } = useTranslation();
  const [key, setKey] = useState<SendKey>(user.ui_settings.editor_message_key === 'cmd_enter' ? 'cmd_enter' : 'enter');
  const save = useSaveProfile();
  return (
    <SaveForm
      fields={['ui_settings']}
      onSave={() => save.mutate({ ui_settings: { editor_message_key: key, enter_to_send_enabled: key === 'enter' } })}
      busy={save.isPending}
      error={save.error}
      saved={save.isSuccess}
      savedText={t('profilePage.saved')}
    >
      {() => (
        <ChoiceList
          legend={t('profilePage.sendKey.legend')}
          value={key}
          onChange={setKey}
          options={[
            { value: 'enter', label: t('profilePage.sendKey.enter'), hint: t('profilePage.sendKey.enterHint') },
            { value: 'cmd_enter', label: t('profilePage.sendKey.cmdEnter'), hint: t('profilePage.sendKey.cmdEnterHint') },
          ]}
        />
      )}
    </SaveForm>
  );
}

/** "Notificações de Áudio": the tone (with a preview), which conversations sound, and when. */
export function AudioAlertsForm({ user }: { user: ProfileUser }) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<AudioSettings>(() => readAudioSettings(user.ui_settings));
  const save = useSaveProfile();
  const change = (patch: Partial<AudioSettings>) => setSettings((current) => ({ ...current, ...patch }));
  return (
    <SaveForm
      fields={['ui_settings']}
      onSave={() => save.mutate({ ui_settings: audioSettingsPatch(settings) })}
      busy={save.isPending}
      error={save.error}
      saved={save.isSuccess}
      savedText={t('profilePage.saved')}
    >
      {() => (
        <>
          <div className="flex items-end gap-2">
            <SelectField<Tone>
              label={t('profilePage.audio.tone')}
              value={settings.tone}
              onValueChange={(tone) => change({ tone })}
              options={TONES.map((tone) => ({ value: tone, label: t(`profilePage.audio.tones.${tone}`) }))}
              className="flex-1"
            />
            <Button variant="secondary" onClick={() => void playTone(settings.tone)} aria-label={t('profilePage.audio.preview')}>
              <Play className="size-4" aria-hidden="true" />
              {t('profilePage.audio.preview')}
            </Button>
          </div>
          <ChoiceList<AlertEvents>
            legend={t('profilePage.audio.events')}
            value={settings.events}
            onChange={(events) => change({ events })}
            options={[
              { value: 'none', label: t('profilePage.audio.none') },
              { value: 'mine', label: t('profilePage.audio.mine') },
              { value: 'all', label: t('profilePage.audio.all') },
            ]}
          />
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-2 text-sm font-medium text-ink">{t('profilePage.audio.conditions')}</legend>
            <CheckboxRow label={t('profilePage.audio.onlyInactive')} checked={settings.onlyWhenInactive} onChange={(onlyWhenInactive) => change({ onlyWhenInactive })} />
            <CheckboxRow label={t('profilePage.audio.repeat')} checked={settings.repeatUntilRead} onChange={(repeatUntilRead) => change({ repeatUntilRead })} />
          </fieldset>
        </>
      )}
    </SaveForm>
  );
}

const toServerLocale = (language: UiLanguage) => (language === 'pt-BR' ? 'pt_BR' : 'en');

/** The interface language: applied at once here, and kept in the profile (emails follow it too). */
export function LanguageForm() {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<UiLanguage>(currentUiLanguage());
  const save = useSaveProfile();
  return (
    <SaveForm
      fields={['locale']}
      onSave={() => save.mutate({ locale: toServerLocale(language) }, { onSuccess: () => setUiLanguage(language) })}
      busy={save.isPending}
      error={save.error}
      saved={save.isSuccess}
      savedText={t('profilePage.saved')}
    >
      {() => (
        <SelectField<UiLanguage>
          label={t('profilePage.language.label')}
          value={language}
          onValueChange={setLanguage}
          options={UI_LANGUAGES.map((code) => ({ value: code, label: t(`language.names.${code}`) }))}
        />
      )}
    </SaveForm>
  );
}

/** Availability in the current account (the same choice as the avatar menu). */
export function AvailabilityForm() {
  const { t } = useTranslation();
  const { availability, setAvailability, error } = useAvailability();
  const [choice, setChoice] = useState<Availability>(availability);
  const [saved, setSaved] = useState(false);
  return (
    <SaveForm
      fields={['availability']}
      onSave={() => {
        setAvailability(choice);
        setSaved(true);
      }}
      busy={false}
      error={error}
      saved={saved && choice === availability}
      savedText={t('profilePage.saved')}
    >
      {() => (
        <ChoiceList<Availability>
          legend={t('profilePage.availability.legend')}
          value={choice}
          onChange={(value) => {
            setChoice(value);
            setSaved(false);
          }}
          options={(['online', 'busy', 'offline'] as const).map((value) => ({ value, label: t(`availability.${value}`) }))}
        />
      )}
    </SaveForm>
  );
}
