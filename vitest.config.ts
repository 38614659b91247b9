import { defineConfig } from 'vitest/config';

/**
 * The end-to-end tests: they drive the real binary in a real terminal (tmux) or pack the npm
 * package. `npm run test:e2e` runs them (vitest.e2e.config.ts); `npm test` runs the rest.
 */
export const E2E = ['test/e2e-*.test.ts', 'test/pack.test.ts'];

export const common = {
  // An upper bound, not a wait: tests wait for conditions. Generous, because on a busy 2-core
  // machine a test that spawns the CLI a dozen times took over 20 s (and passes in 1-7 s idle).
  testTimeout: 90_000,
  hookTimeout: 60_000,
  env: { FORCE_COLOR: '0' },
  globalSetup: ['test/setup/build.ts'],
};

export default defineConfig({
  test: {
    ...common,
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['**/node_modules/**', ...E2E],
  },
});
