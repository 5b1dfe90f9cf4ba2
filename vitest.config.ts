// Four suites. `npm test` runs three: fast unit tests (engine, contract, handlers with SDK
// mocks), infra tests (synthesized CDK templates, cdk-nag), and integration tests that drive
// the real handlers over embedded DynamoDB and SQS engines. `npm run test:reliability` runs
// the fourth (faults, hostile input, isolation, privacy) and prints its figures.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          setupFiles: ['test/support/quiet-functions.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'reliability',
          include: ['test/reliability/**/*.test.ts'],
          testTimeout: 1_800_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
