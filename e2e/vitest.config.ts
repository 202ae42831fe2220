// The end-to-end suite (`npm run test:e2e`): the built app in a child process, driven in Chromium.
// Kept apart from the root config, whose `npm test` runs only the server project.
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The journeys share one installation, so they run in story order: onboarding creates the first
 * account and must come first. Journeys not listed run afterwards, by name.
 */
const JOURNEY_ORDER = ['onboarding', 'invite-agent', 'password-reset', 'language', 'phone'];

const journeyRank = (spec: TestSpecification) => {
  const journey = basename(spec.moduleId).replace(/\.e2e\.test\.ts$/, '');
  const index = JOURNEY_ORDER.indexOf(journey);
  return { index: index === -1 ? JOURNEY_ORDER.length : index, journey };
};

class JourneySequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => {
      const [ra, rb] = [journeyRank(a), journeyRank(b)];
      return ra.index - rb.index || ra.journey.localeCompare(rb.journey);
    });
  }
}

// NO_COLOR (CI) also for Playwright's call logs, which only listen to FORCE_COLOR.
const noColor = Boolean(process.env.NO_COLOR);

export default defineConfig({
  test: {
    name: 'e2e',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['journeys/**/*.e2e.test.ts'],
    globalSetup: ['support/global-setup.ts'],
    // One server and one browser at a time: journeys run one after the other, in story order.
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    sequence: { sequencer: JourneySequencer },
    testTimeout: 180_000,
    hookTimeout: 240_000,
    teardownTimeout: 60_000,
    reporters: ['verbose'],
    env: noColor ? { NO_COLOR: '1', FORCE_COLOR: '0' } : {},
  },
});
