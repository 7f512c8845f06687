/**
 * A page snapshot's bytes: every page of the article as the user saw it (scripts removed), as JSON,
 * gzipped (CompressionStream: pages, workers and Node alike), addressed by the SHA-256 of the stored
 * bytes. Written by the worker at clip time, read by the reader and the archive page to re-extract.
 */

/** The JSON inside a snapshot's gzip. */
export const SNAPSHOT_FORMAT = 'jianbao-snapshot';

/** One page of the article as HTML (scripts removed), the material of a snapshot. */
export interface SnapshotPage {
  url: string;
  html: string;
}

export async function sha256Hex(data: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

async function streamBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function gzip(text: string): Promise<Uint8Array<ArrayBuffer>> {
  return streamBytes(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip')));
}

export async function gunzip(blob: Blob): Promise<string> {
  const bytes = await streamBytes(blob.stream().pipeThrough(new DecompressionStream('gzip')));
  return new TextDecoder().decode(bytes);
}

/** The pages of a stored snapshot; throws on anything else. */
export async function readSnapshot(blob: Blob): Promise<SnapshotPage[]> {
  const data = JSON.parse(await gunzip(blob)) as { format?: unknown; pages?: unknown };
  if (data.format !== SNAPSHOT_FORMAT || !Array.isArray(data.pages))
    throw new Error('not a Jianbao snapshot');
  return data.pages.filter(
    (p): p is SnapshotPage =>
      typeof p === 'object' && p !== null && typeof p.url === 'string' && typeof p.html === 'string',
  );
}
