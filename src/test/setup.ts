import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// What a test waits for first runs code for the first time in its file (a route's, the whole app's lazy
// imports): on a loaded 2-core machine that passes the default 1 s, for a single component too (the first
// search results took 0.85–0.98 s with two busy loops running).
configure({ asyncUtilTimeout: 8000 });

afterEach(() => {
  cleanup();
});
