import { defineConfig } from 'vitest/config';

// Component and cache tests in a simulated browser; maxWorkers matches the other projects'.
export default defineConfig({ test: { name: 'web', include: ['src/**/*.test.{ts,tsx}'], environment: 'jsdom', maxWorkers: 2 } });
