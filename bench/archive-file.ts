/** Node only (the rest of bench/generate.ts is bundled into pages too): archive files for the bench and e2e. */
import fs from 'node:fs';
import type { Clip } from '../utils/model/article';
import { ARCHIVE_TAIL, archiveHead, clipLine } from '../utils/archive-io/format';

/** Writes an archive file of `count` clips, clip i being `clipAt(i)`, one line at a time. */
export function writeArchiveFile(file: string, count: number, clipAt: (i: number) => Clip): void {
  const out = fs.openSync(file, 'w');
  fs.writeSync(
    out,
    archiveHead({ format: 'jianbao-archive', version: 1, exportedAt: new Date().toISOString(), count }),
  );
  for (let i = 0; i < count; i++) fs.writeSync(out, (i ? ',\n' : '') + clipLine(clipAt(i)));
  fs.writeSync(out, ARCHIVE_TAIL);
  fs.closeSync(out);
}
