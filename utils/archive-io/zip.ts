/**
 * The ZIP archive (format version 2): `archive.json` (the JSON export, byte for byte) plus every
 * asset its records refer to, `assets/<sha256>` for images and `snapshots/<sha256>.json.gz` for page
 * snapshots, stored uncompressed (they are compressed already). Entries are written in a fixed order
 * with a fixed time, so two exports of one archive differ only in archive.json's `exportedAt`.
 * Written with fflate's streaming Zip into Blob parts of a few MB, which the browser may keep on disk.
 * Import checks every asset's hash and that every referenced asset is there; all or nothing.
 */
import { Unzip, UnzipInflate, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { Clip } from '../model/article';
import { assetRefs } from '../model/asset-html';
import { sha256Hex } from '../model/snapshot';
import { exportArchive, type ExportOptions, type ExportSource, type ExportedArchive } from './export';
import { availableSpace, checkFileSize, readArchive } from './parse';
import { joinBytes } from './index-blocks';
import { ImportStream, type ImportOptions, type ImportOutcome, type ImportTarget } from './import';

export const ZIP_ARCHIVE_JSON = 'archive.json';
const IMAGE_DIR = 'assets/';
const SNAPSHOT_DIR = 'snapshots/';
const SNAPSHOT_SUFFIX = '.json.gz';
/** 1980-01-01, the earliest time a ZIP entry can carry: the same bytes for the same archive. */
const ENTRY_TIME = new Date(1980, 0, 1, 12);
const PART_BYTES = 8 * 1024 * 1024;
const ASSETS_IN_FLIGHT = 16;

/** What the ZIP export needs from the worker besides the records. */
export interface AssetSource {
  /** the assets the clips refer to (all clips, or these ids), sorted */
  refs(ids: readonly string[] | null): Promise<{ images: string[]; snapshots: string[] }>;
  get(sha256: string): Promise<Blob | null>;
}

/** The ZIP import's worker side: records as in a JSON import, and assets staged with them. */
export interface ZipImportTarget extends ImportTarget {
  asset(importId: string, sha256: string, type: string, blob: Blob): Promise<void>;
}

class BlobSink {
  private readonly parts: Blob[] = [];
  private pending: Uint8Array[] = [];
  private size = 0;
  push(chunk: Uint8Array) {
    this.pending.push(chunk);
    this.size += chunk.length;
    if (this.size >= PART_BYTES) this.flush();
  }
  flush() {
    if (this.pending.length) this.parts.push(new Blob(this.pending as BlobPart[]));
    this.pending = [];
    this.size = 0;
  }
  blob(): Blob {
    this.flush();
    return new Blob(this.parts, { type: 'application/zip' });
  }
}

async function addEntry(zip: Zip, name: string, blob: Blob, compress: boolean): Promise<void> {
  const entry = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
  entry.mtime = ENTRY_TIME;
  zip.add(entry);
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    entry.push(value);
  }
  entry.push(new Uint8Array(0), true);
}

export async function exportZip(
  source: ExportSource,
  assets: AssetSource,
  options: ExportOptions & { assetsInFlight?: number } = {},
): Promise<ExportedArchive & { assets: number }> {
  const inFlight = options.assetsInFlight ?? ASSETS_IN_FLIGHT;
  const archive = await exportArchive(source, options);
  const refs = await assets.refs(options.ids ?? null);
  const sink = new BlobSink();
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else sink.push(chunk);
  });
  await addEntry(zip, ZIP_ARCHIVE_JSON, archive.blob, true);
  const entries = [
    ...refs.images.map((sha) => [sha, IMAGE_DIR + sha] as const),
    ...refs.snapshots.map((sha) => [sha, SNAPSHOT_DIR + sha + SNAPSHOT_SUFFIX] as const),
  ];
  let written = 0;
  // a few requests in flight (each a message and a Blob on the channel), entries still in order
  for (let i = 0; i < entries.length; i += inFlight) {
    const batch = entries.slice(i, i + inFlight);
    const blobs = await Promise.all(batch.map(([sha]) => assets.get(sha)));
    for (const [j, [, name]] of batch.entries()) {
      // an asset lost from the store: the records still refer to it; the import will say so
      if (!blobs[j]) continue;
      await addEntry(zip, name, blobs[j], false);
      written++;
    }
  }
  zip.end();
  if (failure) throw failure;
  return {
    blob: sink.blob(),
    fileName: archive.fileName.replace(/\.json$/, '.zip'),
    count: archive.count,
    assets: written,
  };
}

export type ZipImportError =
  | { code: 'bad-zip'; detail: string }
  | { code: 'missing-asset'; sha256: string; id: string }
  | { code: 'bad-asset'; name: string };

export type ZipImportOutcome = ImportOutcome | { ok: false; error: ZipImportError };

const MAGIC: Array<[string, number[]]> = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/gif', [0x47, 0x49, 0x46, 0x38]],
  ['image/webp', [0x52, 0x49, 0x46, 0x46]],
  ['image/bmp', [0x42, 0x4d]],
];

/** An image's type: as the clip recorded it, else from its first bytes. */
function imageType(bytes: Uint8Array, recorded: string | undefined): string {
  if (recorded) return recorded;
  for (const [type, magic] of MAGIC) if (magic.every((b, i) => bytes[i] === b)) return type;
  return /^\s*<(\?xml|svg)/.test(new TextDecoder().decode(bytes.subarray(0, 100)))
    ? 'image/svg+xml'
    : 'image/unknown';
}

/**
 * The ZIP's entries as they are unpacked, a piece of the file at a time (fflate's streaming Unzip):
 * archive.json as text for readArchive, every other entry's bytes kept for the asset checks.
 */
async function* unzipEntries(
  file: Blob,
  assets: Map<string, Uint8Array[]>,
  found: { json: boolean },
): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let text: string[] = [];
  let failure: Error | null = null;
  const unzip = new Unzip((entry) => {
    const json = entry.name === ZIP_ARCHIVE_JSON;
    if (json) found.json = true;
    const parts: Uint8Array[] = [];
    if (!json) assets.set(entry.name, parts);
    entry.ondata = (error, chunk, final) => {
      if (error) failure ??= error;
      else if (json) text.push(decoder.decode(chunk, { stream: !final }));
      else parts.push(chunk);
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    try {
      unzip.push(value ?? new Uint8Array(0), done);
    } catch (error) {
      failure ??= error as Error;
    }
    if (failure) throw new BadZip(String(failure.message ?? failure));
    for (const piece of text) yield piece;
    text = [];
    if (done) return;
  }
}

class BadZip extends Error {}

export async function importZip(
  file: Blob,
  options: ImportOptions & { target: ZipImportTarget },
): Promise<ZipImportOutcome> {
  const tooBig = checkFileSize(file.size, options.available ?? (await availableSpace()));
  if (tooBig) return { ok: false, error: tooBig };
  let expected = 0;
  const stream = new ImportStream(options, () => expected);
  // every asset a record refers to must be in the ZIP under its hash, and hash to it
  const types = new Map<string, string>();
  const needed = new Map<string, { name: string; type: string | null; id: string }>();
  const noteRefs = (clip: Clip) => {
    for (const asset of clip.assets) types.set(asset.sha256, asset.type);
    const snapshots = new Set(
      [clip.snapshot?.sha256, ...clip.versions.map((v) => v.snapshot)].filter(Boolean),
    );
    for (const sha of assetRefs(clip)) {
      if (needed.has(sha)) continue;
      needed.set(
        sha,
        snapshots.has(sha)
          ? { name: SNAPSHOT_DIR + sha + SNAPSHOT_SUFFIX, type: 'application/gzip', id: clip.id }
          : { name: IMAGE_DIR + sha, type: null, id: clip.id },
      );
    }
  };
  const abort = async (error: ZipImportError): Promise<ZipImportOutcome> => {
    await stream.abort();
    return { ok: false, error };
  };
  try {
    let entries = new Map<string, Uint8Array[]>();
    const found = { json: false };
    let read;
    try {
      read = await readArchive(
        () => {
          entries = new Map();
          return unzipEntries(file, entries, found);
        },
        options.sanitize,
        (batch) => {
          expected = batch.count;
          batch.clips.forEach(noteRefs);
          return stream.send(batch);
        },
        { keepText: (await options.target.takesText?.()) ?? true },
      );
    } catch (error) {
      if (error instanceof BadZip) return abort({ code: 'bad-zip', detail: error.message.slice(0, 200) });
      throw error;
    }
    if (!found.json) return abort({ code: 'bad-zip', detail: `no ${ZIP_ARCHIVE_JSON} in the ZIP` });
    if (!read.ok) {
      await stream.abort();
      return read;
    }
    for (const [sha, { name, type, id }] of needed) {
      const parts = entries.get(name);
      if (!parts) return abort({ code: 'missing-asset', sha256: sha, id });
      const bytes = joinBytes(parts);
      if ((await sha256Hex(new Uint8Array(bytes))) !== sha) return abort({ code: 'bad-asset', name });
      const assetType = type ?? imageType(bytes, types.get(sha));
      await options.target.asset(
        await stream.id(),
        sha,
        assetType,
        new Blob([bytes as BlobPart], { type: assetType }),
      );
      entries.delete(name);
    }
    return { ok: true, summary: await stream.finish() };
  } catch (error) {
    await stream.abort();
    return { ok: false, error: { code: 'failed', detail: String((error as Error)?.message ?? error) } };
  }
}
