import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    env: { FORCE_COLOR: '0' },
    globalSetup: ['test/setup/build.ts'],
  },
});
