import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/editor/**', 'node_modules/**'],
    testTimeout: 30000,
    globalSetup: ['test/global-setup.ts'],
  },
});
