import { describe, expect, it } from 'vitest';
import { contentDisposition, displayFileName, storedFileName } from './file-names';
import { parseRange } from './routes';
import { sniffFileType } from './sniff';

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex');
const latin = (text: string) => Buffer.from(text, 'latin1');
const ftyp = (brand: string) => Buffer.concat([hex('00000020'), latin('ftyp'), latin(brand), hex('00000000'), Buffer.alloc(40)]);
const sniff = (head: Buffer, fileName = 'upload', declaredType = 'application/octet-stream') => sniffFileType(head, { fileName, declaredType });

describe('sniffFileType', () => {
  it('tells allowed types from their first bytes, whatever the name or claimed type', () => {
    const cases: [string, Buffer, string, string][] = [
      ['jpeg', hex('ffd8ffe000104a464946'), 'image/jpeg', 'image'],
      ['png', hex('89504e470d0a1a0a0000000d49484452'), 'image/png', 'image'],
      ['gif', latin('GIF89a\x01\x00\x01\x00'), 'image/gif', 'image'],
      ['webp', latin('RIFF\x24\x00\x00\x00WEBPVP8 '), 'image/webp', 'image'],
      ['heic', ftyp('heic'), 'image/heic', 'image'],
      ['avif', ftyp('avif'), 'image/avif', 'image'],
      ['pdf', latin('%PDF-1.7\n%\xe2\xe3'), 'application/pdf', 'file'],
      ['mp3 (ID3)', latin('ID3\x04\x00\x00\x00\x00\x00\x00'), 'audio/mpeg', 'audio'],
      ['mp3 (frame)', hex('fffb9064000000'), 'audio/mpeg', 'audio'],
      ['aac (ADTS)', hex('fff15080000000'), 'audio/aac', 'audio'],
      ['ogg opus', latin('OggS\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00OpusHead'), 'audio/ogg', 'audio'],
      ['wav', latin('RIFF\x24\x00\x00\x00WAVEfmt '), 'audio/wav', 'audio'],
      ['flac', latin('fLaC\x00\x00\x00\x22'), 'audio/flac', 'audio'],
      ['amr', latin('#!AMR\n\x3c'), 'audio/amr', 'audio'],
      ['m4a', ftyp('M4A '), 'audio/mp4', 'audio'],
      ['mp4', ftyp('isom'), 'video/mp4', 'video'],
      ['quicktime', ftyp('qt  '), 'video/quicktime', 'video'],
      ['3gp', ftyp('3gp5'), 'video/3gpp', 'video'],
      ['webm', Buffer.concat([hex('1a45dfa3 9f 4286 81 01 42f7 81 01 4282 84'), latin('webm'), Buffer.alloc(20)]), 'video/webm', 'video'],
      ['zip', hex('504b0304140000000800'), 'application/zip', 'file'],
      ['text', Buffer.from('Olá, tudo bem?\nLinha 2\tcom tab\r\n'), 'text/plain', 'file'],
    ];
    for (const [label, head, contentType, fileType] of cases) {
      expect(sniff(head, 'whatever.bin', 'image/jpeg'), label).toMatchObject({ contentType, fileType });
    }
  });

  it('uses the name or claimed type only to choose inside one container', () => {
    expect(sniff(ftyp('isom'), 'voice.m4a', 'audio/mp4')).toMatchObject({ contentType: 'audio/mp4', fileType: 'audio' });
    const webm = Buffer.concat([hex('1a45dfa3 9f 4282 84'), latin('webm'), Buffer.alloc(20)]);
    expect(sniff(webm, 'voice.webm', 'audio/webm;codecs=opus')).toMatchObject({ contentType: 'audio/webm', fileType: 'audio' });
    const zip = hex('504b030414000600080000002100');
    expect(sniff(zip, 'Relatório.DOCX')?.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(sniff(zip, 'conta.xlsx')?.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(sniff(zip, 'slides.pptx')?.contentType).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(sniff(zip, 'archive.jpg', 'image/jpeg')?.contentType).toBe('application/zip');
    const ole = hex('d0cf11e0a1b11ae10000');
    expect(sniff(ole, 'old.doc')?.contentType).toBe('application/msword');
    expect(sniff(ole, 'mail.msg')).toBeUndefined();
    expect(sniff(Buffer.from('a,b\n1,2\n'), 'table.csv')?.contentType).toBe('text/csv');
    expect(sniff(Buffer.from('a,b\n1,2\n'), 'export', 'text/csv')?.contentType).toBe('text/csv');
  });

  it('refuses executables, unknown binaries and other containers', () => {
    const refused: [string, Buffer][] = [
      ['ELF', hex('7f454c4602010100000000000000000003003e00')],
      ['Windows exe', latin('MZ\x90\x00\x03\x00\x00\x00\x04\x00')],
      ['Mach-O', hex('cffaedfe0700000103000000')],
      ['shell script with NUL', Buffer.from('#!/bin/sh\necho hi\u0000')],
      ['matroska', Buffer.concat([hex('1a45dfa3 a3 4282 88'), latin('matroska'), Buffer.alloc(20)])],
      ['random bytes', hex('00010203040506070809')],
      ['latin-1 text (not UTF-8)', latin('Ol\xe1 mundo')],
      ['empty', Buffer.alloc(0)],
    ];
    for (const [label, head] of refused) expect(sniff(head, 'photo.jpg', 'image/jpeg'), label).toBeUndefined();
  });

  it('forgives a UTF-8 character cut by the end of the sniffed head, only when the file goes on', () => {
    const text = Buffer.from(`xxxxxx${'ação '.repeat(1000)}`);
    const cut = text.subarray(0, 4096);
    expect(cut.subarray(-1)[0]! & 0xc0).toBe(0xc0); // ends on the first byte of a two-byte character
    expect(sniffFileType(cut, { fileName: 'a.txt', declaredType: '' }, true)?.contentType).toBe('text/plain');
    expect(sniffFileType(cut, { fileName: 'a.txt', declaredType: '' }, false)).toBeUndefined();
  });
});

describe('file names', () => {
  it('keeps the client’s name for people, without folders or control characters', () => {
    expect(displayFileName('C:\\Users\\ana\\Fotos\\Praia 2026.JPG', 'jpg')).toBe('Praia 2026.JPG');
    expect(displayFileName('../../etc/passwd', 'txt')).toBe('passwd.txt');
    expect(displayFileName('re\u0000la\u0007tório.pdf', 'pdf')).toBe('relatório.pdf');
    expect(displayFileName('', 'png')).toBe('file.png');
    expect(displayFileName('..', 'png')).toBe('file.png');
    expect(displayFileName(undefined, 'ogg')).toBe('file.ogg');
    const long = displayFileName(`${'ã'.repeat(300)}.docx`, 'docx');
    expect([...long]).toHaveLength(255);
    expect(long.endsWith('.docx')).toBe(true);
  });

  it('makes a safe ASCII name for keys and URLs', () => {
    expect(storedFileName('Relatório de Ação (final).PDF')).toBe('Relatorio_de_Acao_final.pdf');
    expect(storedFileName('.bashrc')).toBe('file.bashrc');
    expect(storedFileName('文件.png')).toBe('file.png');
    expect(storedFileName('__--..x')).toBe('file.x');
    expect(storedFileName('__--a..b')).toBe('a.b');
    expect(storedFileName('a'.repeat(200) + '.jpeg')).toBe(`${'a'.repeat(75)}.jpeg`);
    for (const name of ['../x', 'a/b.png', 'CON', 'ü.ü', ' ', '%2e%2e']) expect(storedFileName(name)).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/);
  });

  it('writes Content-Disposition for old and new clients', () => {
    expect(contentDisposition('attachment', 'Relatório "final".pdf')).toBe(
      `attachment; filename="Relat_rio _final_.pdf"; filename*=UTF-8''Relat%C3%B3rio%20%22final%22.pdf`,
    );
    expect(contentDisposition('inline', "it's (1).png")).toBe(`inline; filename="it's (1).png"; filename*=UTF-8''it%27s%20%281%29.png`);
  });
});

describe('parseRange', () => {
  it('reads one byte range and ignores what it cannot serve as asked', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
    for (const ignored of [undefined, '', 'bytes=0-1,5-6', 'items=0-1', 'bytes=5-1', 'bytes=-', 'bytes=a-b']) {
      expect(parseRange(ignored, 1000), ignored).toBeUndefined();
    }
  });
});
