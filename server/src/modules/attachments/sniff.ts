import type { FileType } from '../../db/schema';

/** How many leading bytes of an upload are kept to tell its type. */
export const SNIFF_BYTES = 4096;

export type SniffedType = { contentType: string; fileType: Extract<FileType, 'image' | 'audio' | 'video' | 'file'>; extension: string };

/** What the client said about the file: used only to choose between types of one container (mp4 audio or video, zip or docx). */
export type TypeHints = { fileName: string; declaredType: string };

const type = (contentType: string, extension: string): SniffedType => {
  const major = contentType.split('/')[0];
  const fileType = major === 'image' || major === 'audio' || major === 'video' ? major : 'file';
  return { contentType, fileType, extension };
};

const ZIP_DOCUMENTS: Record<string, SniffedType> = {
  docx: type('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'),
  xlsx: type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'),
  pptx: type('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'),
  odt: type('application/vnd.oasis.opendocument.text', 'odt'),
  ods: type('application/vnd.oasis.opendocument.spreadsheet', 'ods'),
  odp: type('application/vnd.oasis.opendocument.presentation', 'odp'),
};

const OLE_DOCUMENTS: Record<string, SniffedType> = {
  doc: type('application/msword', 'doc'),
  xls: type('application/vnd.ms-excel', 'xls'),
  ppt: type('application/vnd.ms-powerpoint', 'ppt'),
};

/** ISO base media brands (bytes 8-11 after `ftyp`) that are still images. */
const HEIF_BRANDS: Record<string, SniffedType> = {
  heic: type('image/heic', 'heic'),
  heix: type('image/heic', 'heic'),
  heim: type('image/heic', 'heic'),
  heis: type('image/heic', 'heic'),
  mif1: type('image/heif', 'heif'),
  msf1: type('image/heif', 'heif'),
  avif: type('image/avif', 'avif'),
  avis: type('image/avif', 'avif'),
};

/**
 * The type of an upload from its first bytes (magic numbers), never from what the client claims;
 * undefined for anything outside the allow-list: JPEG, PNG, GIF, WebP, HEIC/HEIF/AVIF images;
 * MP3, AAC, Ogg/Opus, WAV, FLAC, AMR, M4A and WebM audio; MP4, QuickTime, 3GP and WebM video; PDF;
 * ZIP and the documents inside ZIP or OLE containers (docx, xlsx, pptx, odt..., doc, xls, ppt);
 * plain UTF-8 text and CSV.
 */
export function sniffFileType(head: Buffer, hints: TypeHints, truncated = head.length >= SNIFF_BYTES): SniffedType | undefined {
  const ascii = (start: number, end: number) => head.toString('latin1', start, end);
  const bytes = (...values: number[]) => values.every((v, i) => head[i] === v);
  const extension = extensionOf(hints.fileName);
  const saysAudio = hints.declaredType.toLowerCase().startsWith('audio/');

  if (bytes(0xff, 0xd8, 0xff)) return type('image/jpeg', 'jpg');
  if (bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return type('image/png', 'png');
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return type('image/gif', 'gif');
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return type('image/webp', 'webp');
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return type('audio/wav', 'wav');
  if (ascii(0, 5) === '%PDF-') return type('application/pdf', 'pdf');

  if (ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    const image = HEIF_BRANDS[brand];
    if (image) return image;
    if (brand === 'qt  ') return type('video/quicktime', 'mov');
    if (brand.startsWith('M4A') || brand.startsWith('M4B')) return type('audio/mp4', 'm4a');
    if (brand.startsWith('3gp') || brand.startsWith('3g2')) return saysAudio ? type('audio/3gpp', '3gp') : type('video/3gpp', '3gp');
    return saysAudio ? type('audio/mp4', 'm4a') : type('video/mp4', 'mp4');
  }
  if (bytes(0x1a, 0x45, 0xdf, 0xa3)) {
    // EBML: WebM declares its doctype in the header; other Matroska files are not on the list.
    if (!ascii(0, 64).includes('webm')) return undefined;
    return saysAudio ? type('audio/webm', 'weba') : type('video/webm', 'webm');
  }
  if (ascii(0, 4) === 'OggS') return ascii(0, 128).includes('theora') ? type('video/ogg', 'ogv') : type('audio/ogg', 'ogg');
  if (ascii(0, 4) === 'fLaC') return type('audio/flac', 'flac');
  if (ascii(0, 6) === '#!AMR\n') return type('audio/amr', 'amr');
  if (ascii(0, 3) === 'ID3') return type('audio/mpeg', 'mp3');
  if (head[0] === 0xff && head[1] !== undefined && (head[1] & 0xe0) === 0xe0) {
    // MPEG audio frame sync: layer bits 00 mean an AAC (ADTS) stream, the others MP1/2/3.
    return (head[1] & 0x06) === 0 ? type('audio/aac', 'aac') : type('audio/mpeg', 'mp3');
  }

  if (bytes(0x50, 0x4b, 0x03, 0x04) || bytes(0x50, 0x4b, 0x05, 0x06)) return ZIP_DOCUMENTS[extension] ?? type('application/zip', 'zip');
  if (bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return OLE_DOCUMENTS[extension];

  if (isText(head, truncated)) {
    const csv = extension === 'csv' || hints.declaredType.toLowerCase().startsWith('text/csv');
    return csv ? type('text/csv', 'csv') : type('text/plain', 'txt');
  }
  return undefined;
}

/** A file name's extension, lower-case and without the dot ('' when it has none). */
export function extensionOf(fileName: string): string {
  const match = /\.([^./\\]+)$/.exec(fileName);
  return match?.[1]?.toLowerCase() ?? '';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * UTF-8 text without NUL or other control characters (tab, line breaks, form feed and escape allowed).
 * A head cut short may end inside a character: up to 3 trailing bytes are forgiven then.
 */
function isText(head: Buffer, truncated: boolean): boolean {
  if (head.length === 0) return false;
  for (let cut = 0; cut <= (truncated ? 3 : 0); cut++) {
    let text: string;
    try {
      text = utf8.decode(head.subarray(0, head.length - cut));
    } catch {
      continue;
    }
    return !hasControlCharacters(text);
  }
  return false;
}

/** Tab, line feed, form feed, carriage return and escape (coloured logs) are text; other C0 controls and DEL are not. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x1b]);

function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && !TEXT_CONTROLS.has(code)) || code === 0x7f) return true;
  }
  return false;
}
