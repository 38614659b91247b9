import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // An upper bound, not a wait: tests wait for conditions. Generous, because on a busy 2-core
    // machine a test that spawns the CLI a dozen times took over 20 s (and passes in 1-7 s idle).
    testTimeout: 90_000,
    hookTimeout: 60_000,
    env: { FORCE_COLOR: '0' },
    globalSetup: ['test/setup/build.ts'],
  },
});
