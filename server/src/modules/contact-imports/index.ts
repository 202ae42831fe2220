import type { Module } from '../module';
import { contactImportRoutes } from './routes';
import { IMPORT_JOB, markFailed, runImport } from './service';

/** CSV import (a background job per file, in batches) and export of contacts. */
export const contactImportsModule: Module = {
  name: 'contact-imports',
  routes: contactImportRoutes,
  jobs: (ctx) => [
    {
      name: IMPORT_JOB,
      handle: async (data, meta) => {
        const importId = typeof data.importId === 'number' ? data.importId : undefined;
        if (importId === undefined) return;
        try {
          await runImport(ctx, importId);
        } catch (error) {
          // The queue retries (resuming after the last committed batch); after the last retry the import is failed.
          if (meta.attempt > meta.retryLimit) await markFailed(ctx, importId, error);
          throw error;
        }
      },
    },
  ],
};
