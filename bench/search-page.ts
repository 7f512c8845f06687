/** Bundled into a Chromium page by search.bench.ts: the same store figures, on Chromium's IndexedDB. */
import { openArchive } from '../utils/archive/db';
import { measureStore } from './search-core';

(globalThis as { jianbaoStoreBench?: unknown }).jianbaoStoreBench = (clips: number) =>
  measureStore(
    () => openArchive(undefined, `bench-${clips}`),
    clips,
    (line) => console.log(line),
  );
