import { defineConfig } from 'vitest/config';

// Real headless Chromium against the production build in .output/chrome-mv3 (built by `npm run test:e2e`).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
