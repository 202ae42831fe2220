import { isTone, type Tone } from './tones';

export type AlertEvents = 'none' | 'mine' | 'all';

/** The audio alert choices as the profile keeps them in `ui_settings` (Chatwoot's names). */
export type AudioSettings = {
  tone: Tone;
  events: AlertEvents;
  /** "Enviar alertas de áudio apenas se a janela do navegador não estiver ativa". */
  onlyWhenInactive: boolean;
  /** "Enviar alertas a cada 30s até que todas as conversas atribuídas sejam lidas". */
  repeatUntilRead: boolean;
};

export function readAudioSettings(ui: Record<string, unknown>): AudioSettings {
  const events = ui.enable_audio_alerts;
  return {
    tone: isTone(ui.notification_tone) ? ui.notification_tone : 'ding',
    events: events === 'mine' || events === 'all' || events === 'none' ? events : 'none',
    onlyWhenInactive: ui.always_play_audio_alert !== true,
    repeatUntilRead: ui.alert_if_unread_assigned_conversation_exist === true,
  };
}

export function audioSettingsPatch(s: AudioSettings): Record<string, unknown> {
  return {
    notification_tone: s.tone,
    enable_audio_alerts: s.events,
    always_play_audio_alert: !s.onlyWhenInactive,
    alert_if_unread_assigned_conversation_exist: s.repeatUntilRead,
  };
}

type IncomingMessage = {
  message_type?: unknown;
  private?: unknown;
  sender_type?: unknown;
  conversation?: { assignee_id?: unknown } | null;
};

/**
 * Whether a live `message.created` should sound: customer messages only, of conversations assigned
 * to the user ("Atribuído") or of any conversation ("Todos"), and — unless the user wants it always —
 * only while the window is not in front.
 */
export function shouldAlertFor(message: IncomingMessage, settings: AudioSettings, userId: number, windowActive: boolean): boolean {
  if (settings.events === 'none') return false;
  if (message.message_type !== 0 || message.private === true) return false;
  if (settings.onlyWhenInactive && windowActive) return false;
  if (settings.events === 'mine') return message.conversation?.assignee_id === userId;
  return true;
}

/** Whether the 30-second reminder should sound now. */
export function shouldRemind(settings: AudioSettings, unreadAssigned: number, windowActive: boolean): boolean {
  if (!settings.repeatUntilRead || settings.events === 'none') return false;
  if (settings.onlyWhenInactive && windowActive) return false;
  return unreadAssigned > 0;
}
