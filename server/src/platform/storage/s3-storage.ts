import type { Readable } from 'node:stream';
import type * as S3Sdk from '@aws-sdk/client-s3';
import { assertValidKey, type ByteRange, type ObjectInfo, type PutOptions, type Storage, type StoredObject } from './storage';

export type S3StorageOptions = {
  bucket: string;
  region: string;
  /** For S3-compatible services (MinIO, R2, Ceph...); AWS itself when unset. */
  endpoint?: string | undefined;
  /** Without keys, the SDK's usual chain applies (environment, instance role...). */
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
  /** `/<bucket>/<key>` URLs instead of `<bucket>.<host>`: what most self-hosted servers need. */
  forcePathStyle: boolean;
};

type Sdk = typeof S3Sdk;

/**
 * Objects in one bucket of an S3-compatible service; S3 writes are atomic by nature. The SDK
 * (~25 MB resident) is loaded only by nodes configured for S3.
 */
export class S3Storage implements Storage {
  readonly kind = 's3' as const;
  private readonly client: S3Sdk.S3Client;
  private readonly bucket: string;

  static async open(options: S3StorageOptions): Promise<S3Storage> {
    return new S3Storage(await import('@aws-sdk/client-s3'), options);
  }

  private constructor(
    private readonly sdk: Sdk,
    options: S3StorageOptions,
  ) {
    this.bucket = options.bucket;
    this.client = new sdk.S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      forcePathStyle: options.forcePathStyle,
      ...(options.accessKeyId && options.secretAccessKey
        ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
        : {}),
      // Checksums only where S3 requires them: the default streams uploads as `aws-chunked` with
      // trailing checksums, which many S3-compatible servers refuse.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, body: Readable | Buffer, options: PutOptions): Promise<void> {
    assertValidKey(key);
    await this.client.send(
      new this.sdk.PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentLength: options.size, ContentType: options.contentType }),
    );
  }

  async get(key: string, range?: ByteRange): Promise<StoredObject | undefined> {
    assertValidKey(key);
    try {
      const object = await this.client.send(
        new this.sdk.GetObjectCommand({ Bucket: this.bucket, Key: key, ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }),
      );
      const total = /\/(\d+)$/.exec(object.ContentRange ?? '')?.[1];
      return {
        size: total ? Number(total) : (object.ContentLength ?? 0),
        lastModified: object.LastModified ?? new Date(0),
        body: object.Body as Readable,
      };
    } catch (error) {
      if (this.isNotFound(error)) return undefined;
      throw error;
    }
  }

  async stat(key: string): Promise<ObjectInfo | undefined> {
    assertValidKey(key);
    try {
      const head = await this.client.send(new this.sdk.HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: head.ContentLength ?? 0, lastModified: head.LastModified ?? new Date(0) };
    } catch (error) {
      if (this.isNotFound(error)) return undefined;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== undefined;
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(new this.sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  close(): void {
    this.client.destroy();
  }

  /** No such key (GetObject names it; HeadObject has no body, so only its status says so). A missing bucket is an error. */
  private isNotFound(error: unknown): boolean {
    if (!(error instanceof this.sdk.S3ServiceException)) return false;
    return error.name === 'NoSuchKey' || (error.name === 'NotFound' && error.$metadata.httpStatusCode === 404);
  }
}
