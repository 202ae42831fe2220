import type { FastifyReply, FastifyRequest } from 'fastify';
import sharp from 'sharp';
import type { AppContext } from '../../context';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { randomToken } from '../../platform/tokens';
import type { UserActor } from '../auth/actor';
import * as users from '../users/service';

/** Profile photos ("Foto de Perfil"): a 512 px square and a 96 px thumbnail, PNG, under unguessable names. */

export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
const AVATAR_FIELDS = new Set(['avatar', 'profile[avatar]']);
const FILE_NAME = /^([A-Za-z0-9_-]{16,64})(-thumb)?\.png$/;

const keyOf = (name: string, thumb = false) => `avatars/${name}${thumb ? '-thumb' : ''}.png`;

/** The thumbnail's URL, next to the photo's. */
export const thumbnailUrl = (avatarUrl: string | null) => (avatarUrl ? avatarUrl.replace(/\.png$/, '-thumb.png') : '');

async function readAvatarPart(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Expected a multipart/form-data body with the photo in `avatar`');
  let data: Buffer | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: AVATAR_MAX_BYTES, files: 1 } })) {
      if (part.type !== 'file') continue;
      if (!AVATAR_FIELDS.has(part.fieldname)) {
        part.file.resume();
        throw invalidField(part.fieldname, 'does not take files (send the photo as avatar)', 'unexpected_file');
      }
      data = await part.toBuffer();
    }
  } catch (error) {
    request.raw.unpipe();
    request.raw.resume();
    if (error instanceof AppError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT') {
      throw new AppError('payload_too_large', 'The photo is too large (5 MB at most)', [{ field: 'avatar', message: 'is too large (5 MB at most)', code: 'too_large' }]);
    }
    throw new AppError('bad_request', 'The multipart body is malformed');
  }
  if (!data || data.length === 0) throw invalidField('avatar', 'is required', 'required');
  return data;
}

/** Stores a new photo (cropped to a square), replaces the previous one, and removes its files. */
export async function uploadAvatar(ctx: AppContext, actor: UserActor, request: FastifyRequest): Promise<void> {
  const data = await readAvatarPart(request);
  let photo: Buffer;
  let thumbnail: Buffer;
  try {
    const source = sharp(data, { limitInputPixels: 50_000_000 }).rotate();
    photo = await source.clone().resize(512, 512, { fit: 'cover' }).png().toBuffer();
    thumbnail = await source.clone().resize(96, 96, { fit: 'cover' }).png().toBuffer();
  } catch {
    throw invalidField('avatar', 'is not an image (PNG, JPEG, GIF or WebP)', 'invalid_image');
  }
  const name = randomToken(18);
  await ctx.storage.put(keyOf(name), photo, { contentType: 'image/png', size: photo.length });
  await ctx.storage.put(keyOf(name, true), thumbnail, { contentType: 'image/png', size: thumbnail.length });
  const previous = await ctx.transaction(async (tx) => {
    const user = await users.getUser(tx, actor.user.id);
    await users.updateAvatar(tx, actor.user.id, { avatarKey: name, avatarUrl: `${ctx.config.frontendUrl}/avatars/${name}.png` });
    return user?.avatarKey ?? null;
  });
  await removeFiles(ctx, previous);
}

/** Back to initials: the photo and its thumbnail go. */
export async function removeAvatar(ctx: AppContext, actor: UserActor): Promise<void> {
  const previous = await ctx.transaction(async (tx) => {
    const user = await users.getUser(tx, actor.user.id);
    await users.updateAvatar(tx, actor.user.id, { avatarKey: null, avatarUrl: null });
    return user?.avatarKey ?? null;
  });
  await removeFiles(ctx, previous);
}

async function removeFiles(ctx: AppContext, name: string | null): Promise<void> {
  if (!name) return;
  try {
    await ctx.storage.delete(keyOf(name));
    await ctx.storage.delete(keyOf(name, true));
  } catch (error) {
    ctx.log.warn({ err: error, name }, 'could not remove an old avatar');
  }
}

/** `GET /avatars/<name>.png` (or `-thumb.png`): public, as avatars show to customers too; names are random. */
export async function serveAvatar(ctx: AppContext, file: string, reply: FastifyReply) {
  const match = FILE_NAME.exec(file);
  if (!match) throw notFound('Avatar');
  const object = await ctx.storage.get(keyOf(match[1]!, match[2] !== undefined));
  if (!object) throw notFound('Avatar');
  return reply
    .type('image/png')
    .header('content-length', String(object.size))
    .header('cache-control', 'public, max-age=31536000, immutable')
    .header('x-content-type-options', 'nosniff')
    .send(object.body);
}
