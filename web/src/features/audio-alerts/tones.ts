/** The alert tones "Notificações de Áudio" offers (the server accepts the same names). */
export const TONES = ['ding', 'bell', 'chime', 'magic', 'ping'] as const;
export type Tone = (typeof TONES)[number];

export const isTone = (value: unknown): value is Tone => typeof value === 'string' && (TONES as readonly string[]).includes(value);

/** Each tone as notes: frequency (Hz), start and length (s); a soft bell-like decay shapes every note. */
const NOTES: Record<Tone, { hz: number; at: number; length: number }[]> = {
  ding: [{ hz: 1318.5, at: 0, length: 0.6 }],
  bell: [
    { hz: 880, at: 0, length: 0.9 },
    { hz: 1760, at: 0, length: 0.5 },
  ],
  chime: [
    { hz: 1046.5, at: 0, length: 0.45 },
    { hz: 1318.5, at: 0.15, length: 0.45 },
    { hz: 1568, at: 0.3, length: 0.6 },
  ],
  magic: [
    { hz: 1568, at: 0, length: 0.3 },
    { hz: 1318.5, at: 0.08, length: 0.3 },
    { hz: 2093, at: 0.16, length: 0.5 },
  ],
  ping: [{ hz: 1975.5, at: 0, length: 0.25 }],
};

const SAMPLE_RATE = 22_050;

/** A tone as a 16-bit mono WAV file, synthesised (no audio files to ship). */
export function toneWav(tone: Tone): Uint8Array<ArrayBuffer> {
  const notes = NOTES[tone];
  const seconds = Math.max(...notes.map((n) => n.at + n.length)) + 0.05;
  const count = Math.ceil(seconds * SAMPLE_RATE);
  const samples = new Float32Array(count);
  for (const note of notes) {
    const start = Math.floor(note.at * SAMPLE_RATE);
    const end = Math.min(count, start + Math.floor(note.length * SAMPLE_RATE));
    for (let i = start; i < end; i += 1) {
      const t = (i - start) / SAMPLE_RATE;
      const attack = Math.min(1, t / 0.005);
      const decay = Math.exp((-5 * t) / note.length);
      samples[i]! += 0.35 * attack * decay * Math.sin(2 * Math.PI * note.hz * t);
    }
  }
  const bytes = new Uint8Array(new ArrayBuffer(44 + count * 2));
  const view = new DataView(bytes.buffer);
  const text = (offset: number, value: string) => [...value].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + count * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, count * 2, true);
  for (let i = 0; i < count; i += 1) view.setInt16(44 + i * 2, Math.max(-1, Math.min(1, samples[i]!)) * 0x7fff, true);
  return bytes;
}

const urls = new Map<Tone, string>();

/** Plays a tone; browsers may refuse before the user has interacted with the page, which is fine for an alert. */
export function playTone(tone: Tone): Promise<void> {
  let url = urls.get(tone);
  if (!url) {
    url = URL.createObjectURL(new Blob([toneWav(tone)], { type: 'audio/wav' }));
    urls.set(tone, url);
  }
  const audio = new Audio(url);
  audio.dataset.tone = tone;
  return audio.play().catch(() => undefined);
}
