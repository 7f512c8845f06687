import { defineConfig } from 'vitest/config';

// Real headless Chromium and Firefox ESR against the production builds in .output/chrome-mv3 and
// .output/firefox-mv2 (both built by `npm run test:e2e`).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
