import { describe, expect, it } from 'vitest';
import { audioSettingsPatch, readAudioSettings, shouldAlertFor, shouldRemind, type AudioSettings } from './audio-settings';
import { toneWav, TONES } from './tones';

const ME = 7;
const incoming = (assigneeId: number | null) => ({ message_type: 0, private: false, conversation: { assignee_id: assigneeId } });
const settings = (patch: Partial<AudioSettings>): AudioSettings => ({ tone: 'ding', events: 'all', onlyWhenInactive: false, repeatUntilRead: false, ...patch });

describe('audio alert settings', () => {
  it('reads what the profile stores, with Chatwoot defaults for what it does not', () => {
    expect(readAudioSettings({})).toEqual({ tone: 'ding', events: 'none', onlyWhenInactive: true, repeatUntilRead: false });
    const stored = { notification_tone: 'bell', enable_audio_alerts: 'mine', always_play_audio_alert: true, alert_if_unread_assigned_conversation_exist: true };
    expect(readAudioSettings(stored)).toEqual({ tone: 'bell', events: 'mine', onlyWhenInactive: false, repeatUntilRead: true });
    expect(audioSettingsPatch(readAudioSettings(stored))).toEqual(stored);
    expect(readAudioSettings({ notification_tone: 'siren', enable_audio_alerts: 'loud' })).toMatchObject({ tone: 'ding', events: 'none' });
  });

  it('sounds for customer messages per "Nenhum" / "Atribuído" / "Todos"', () => {
    expect(shouldAlertFor(incoming(ME), settings({ events: 'none' }), ME, false)).toBe(false);
    expect(shouldAlertFor(incoming(ME), settings({ events: 'mine' }), ME, false)).toBe(true);
    expect(shouldAlertFor(incoming(99), settings({ events: 'mine' }), ME, false)).toBe(false);
    expect(shouldAlertFor(incoming(null), settings({ events: 'mine' }), ME, false)).toBe(false);
    expect(shouldAlertFor(incoming(99), settings({ events: 'all' }), ME, false)).toBe(true);
  });

  it('never sounds for agents’ replies, notes or activity lines', () => {
    for (const message of [{ ...incoming(ME), message_type: 1 }, { ...incoming(ME), private: true }, { ...incoming(ME), message_type: 2 }]) {
      expect(shouldAlertFor(message, settings({ events: 'all' }), ME, false)).toBe(false);
    }
  });

  it('keeps quiet while the window is in front when asked to', () => {
    expect(shouldAlertFor(incoming(ME), settings({ onlyWhenInactive: true }), ME, true)).toBe(false);
    expect(shouldAlertFor(incoming(ME), settings({ onlyWhenInactive: true }), ME, false)).toBe(true);
    expect(shouldAlertFor(incoming(ME), settings({ onlyWhenInactive: false }), ME, true)).toBe(true);
  });

  it('reminds every 30 s only while assigned conversations are unread', () => {
    expect(shouldRemind(settings({ repeatUntilRead: true }), 2, false)).toBe(true);
    expect(shouldRemind(settings({ repeatUntilRead: true }), 0, false)).toBe(false);
    expect(shouldRemind(settings({ repeatUntilRead: false }), 2, false)).toBe(false);
    expect(shouldRemind(settings({ repeatUntilRead: true, events: 'none' }), 2, false)).toBe(false);
    expect(shouldRemind(settings({ repeatUntilRead: true, onlyWhenInactive: true }), 2, true)).toBe(false);
  });
});

describe('alert tones', () => {
  it.each(TONES)('%s is a playable 16-bit mono WAV with sound in it', (tone) => {
    const wav = toneWav(tone);
    const view = new DataView(wav.buffer);
    const text = (at: number) => String.fromCharCode(...wav.subarray(at, at + 4));
    expect([text(0), text(8), text(12), text(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint16(34, true)).toBe(16);
    expect(view.getUint32(40, true)).toBe(wav.length - 44);
    let peak = 0;
    for (let i = 44; i < wav.length; i += 2) peak = Math.max(peak, Math.abs(view.getInt16(i, true)));
    expect(peak).toBeGreaterThan(5000);
  });

  it('gives each tone its own sound', () => {
    const lengths = new Set(TONES.map((tone) => toneWav(tone).join(',').slice(0, 4000)));
    expect(lengths.size).toBe(TONES.length);
  });
});
