import { join } from 'node:path';
import type { Config } from '../../config';
import { DiskStorage } from './disk-storage';
import { S3Storage } from './s3-storage';
import type { Storage } from './storage';

/** The storage the configuration names: `DATA_DIR/storage` on the local disk, or an S3-compatible bucket. */
export async function openStorage(config: Pick<Config, 'storage' | 'dataDir'>): Promise<Storage> {
  if (config.storage.service === 's3') return S3Storage.open(config.storage);
  return new DiskStorage(join(config.dataDir, 'storage'));
}
