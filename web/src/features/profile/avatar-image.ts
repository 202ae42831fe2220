/** The side of the square the photo is cropped to before upload (the server keeps 512 px and a 96 px thumbnail). */
export const AVATAR_SIZE = 512;

/** The centred square of an image of `width` × `height`: where to cut it. */
export function centreSquare(width: number, height: number): { x: number; y: number; side: number } {
  const side = Math.min(width, height);
  return { x: Math.round((width - side) / 2), y: Math.round((height - side) / 2), side };
}

/** Crops a picture to its centred square and scales it to `AVATAR_SIZE` (PNG), in the browser. */
export async function squareThumbnail(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const { x, y, side } = centreSquare(bitmap.width, bitmap.height);
  const size = Math.min(AVATAR_SIZE, side);
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.drawImage(bitmap, x, y, side, side, 0, 0, size, size);
  bitmap.close();
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encoding failed'))), 'image/png'));
}
