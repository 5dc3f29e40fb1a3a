import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { deferredEntry } from './scripts/build/deferred-entry.ts';
import { liveIngest } from './scripts/live/live-ingest.ts';

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), tailwindcss(), liveIngest(), deferredEntry()],
  // The SSR build is the prerenderer's worker (scripts/prerender), written to dist-ssr/; public/ is the
  // client build's.
  build: { target: 'es2022', copyPublicDir: !isSsrBuild },
  test: {
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'reports/unit.json' },
    projects: [
      {
        extends: true,
        test: { name: 'scripts', environment: 'node', include: ['scripts/**/*.test.ts', 'src/data/**/*.test.ts', 'src/shared/lib/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
    ],
  },
}));
