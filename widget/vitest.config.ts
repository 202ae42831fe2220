import { defineConfig } from 'vitest/config';

// maxWorkers matches the server project's: Vitest runs projects with equal settings together.
export default defineConfig({ test: { name: 'widget', include: ['src/**/*.test.ts'], maxWorkers: 2 } });
