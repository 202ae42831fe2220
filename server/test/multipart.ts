export type Part = { name: string; filename?: string; contentType?: string; data: Buffer | string };

export const BOUNDARY = '----rockethub-test-boundary';

/** A multipart/form-data body, as `t.request(...)` options. */
export function multipart(parts: Part[]) {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`;
    const type = part.contentType ? `\r\nContent-Type: ${part.contentType}` : '';
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`), Buffer.from(part.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

export const filePart = (data: Buffer | string, filename: string, contentType = 'application/octet-stream'): Part => ({
  name: 'attachments[]',
  filename,
  contentType,
  data,
});
