import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { deferredEntry } from './scripts/build/deferred-entry.ts';
import { appIcons, ICONS } from './scripts/icons/app-icons.ts';
import { liveIngest } from './scripts/live/live-ingest.ts';
import { pagefindDev } from './scripts/live/pagefind-dev.ts';
import { publicWithoutData } from './scripts/build/public-without-data.ts';

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    react(),
    tailwindcss(),
    liveIngest(),
    pagefindDev(),
    appIcons(),
    // The service worker and web app manifest (docs/decisions/045-saved-articles-and-offline.md). The page
    // registers the worker from its bundle (src/app/main.tsx), never from an inline script.
    ...(isSsrBuild ? [] : [VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: null,
      injectManifest: {
        // The shell: hashed JS and CSS, the Arabic font and the icons. HTML and data go network-first.
        globPatterns: ['assets/**/*.{js,css,woff2}', 'icons/*.png'],
        globIgnores: ['data/**'],
      },
      includeManifestIcons: false,
      manifest: {
        name: 'قارئ الأخبار',
        short_name: 'الأخبار',
        description: 'أخبار عربية مرتبة حسب المواضيع والوسوم، تُقرأ حتى دون اتصال.',
        lang: 'ar',
        dir: 'rtl',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#991b1b',
        background_color: '#ffffff',
        icons: ICONS.map((icon) => ({
          src: `/${icon.fileName}`,
          sizes: `${icon.size}x${icon.size}`,
          type: 'image/png',
          purpose: icon.maskable ? 'maskable' : 'any',
        })),
      },
    })]),
    // After vite-plugin-pwa: it moves the manifest link that plugin writes (scripts/build/deferred-entry.ts).
    deferredEntry(),
    publicWithoutData(),
  ],
  // The client build goes to dist-app/, which the prerender brings into dist/ file by file (only the
  // changed ones), with public/ but not its data (publicWithoutData). The SSR build is the prerenderer's
  // worker (scripts/prerender), written to dist-ssr/. The client build's manifest names the search page's
  // chunks, which its shell preloads (scripts/prerender/search-preloads.ts).
  build: { target: 'es2022', outDir: isSsrBuild ? 'dist-ssr' : 'dist-app', copyPublicDir: false, manifest: !isSsrBuild },
  // The ingest's build cache and its spare output (scripts/ingest/write-output.ts): a copy of the data that
  // the live preview never serves, thousands of files the watcher need not follow.
  server: { watch: { ignored: ['**/.cache/**'] } },
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
