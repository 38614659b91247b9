import { defineConfig } from 'vitest/config';
import { common, E2E } from './vitest.config.js';

// `npm run test:e2e`: the tests that drive the real binary in tmux and the packed package.
export default defineConfig({
  test: { ...common, include: E2E },
});
