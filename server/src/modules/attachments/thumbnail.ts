import type SharpModule from 'sharp';
import type { Logger } from '../../platform/logger';

/** The longest side of a thumbnail, in pixels. */
export const THUMBNAIL_SIZE = 320;

export type ImageDescription = {
  /** As shown, after the EXIF orientation (a portrait photo stored sideways is taller than wide). */
  width: number;
  height: number;
  /** WebP, at most 320 px on its longest side; undefined when the image cannot be decoded (HEIC). */
  thumbnail: Buffer | undefined;
};

type Sharp = typeof SharpModule;
let sharpModule: Promise<Sharp> | undefined;

/** libvips (~25 MB resident) is loaded on the first image, not at start. */
function loadSharp(): Promise<Sharp> {
  sharpModule ??= import('sharp').then(({ default: sharp }) => {
    // One-off images: libvips' operation cache would only hold memory.
    sharp.cache(false);
    return sharp;
  });
  return sharpModule;
}

/**
 * Size and thumbnail of an image file. Reads the file from disk, a region at a time (no full copy
 * in the JavaScript heap). Undefined when the bytes are not a readable image at all.
 */
export async function describeImage(path: string, log: Logger): Promise<ImageDescription | undefined> {
  const sharp = await loadSharp();
  const options = { failOn: 'error' as const };
  let width: number;
  let height: number;
  try {
    const metadata = await sharp(path, options).metadata();
    ({ width, height } = metadata.autoOrient);
  } catch (error) {
    log.debug({ err: error }, 'image metadata unreadable');
    return undefined;
  }
  try {
    const thumbnail = await sharp(path, options)
      .autoOrient()
      .resize({ width: THUMBNAIL_SIZE, height: THUMBNAIL_SIZE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    return { width, height, thumbnail };
  } catch (error) {
    // Some formats can be measured but not decoded by the bundled libvips (HEVC-coded HEIC).
    log.debug({ err: error }, 'image thumbnail not made');
    return { width, height, thumbnail: undefined };
  }
}
