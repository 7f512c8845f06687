/**
 * A Web Worker of the archive page that builds an import's index blocks (index-blocks.ts), so that
 * the index is built beside the reading and checking, on other cores, and not in the service worker.
 * Messages: `{ docs }` first, then `{ block, clips }` for each run of a block's clips and
 * `{ block, end: true }`; each run is answered with `{ indexed }` (the page reads on as the builders
 * keep up), each end with `{ block, parts }` (or `{ block, error }`); `ms`, the time it took, is for
 * the benchmark (timing.ts).
 */
import { LocalBlockSink, type IndexInput } from './index-blocks';

type Request = { docs: number } | { block: number; clips: IndexInput[] } | { block: number; end: true };

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
};
let sink: LocalBlockSink | null = null;

scope.onmessage = ({ data }) => {
  if ('docs' in data) sink = new LocalBlockSink(data.docs);
  else if ('clips' in data) {
    const started = performance.now();
    sink!.add(data.block, data.clips);
    scope.postMessage({ indexed: data.clips.length, ms: performance.now() - started });
  } else {
    const started = performance.now();
    sink!.end(data.block).then(
      (parts) =>
        scope.postMessage(
          { block: data.block, parts, ms: performance.now() - started },
          // every part has a buffer of its own (encodeBlock): handed over, not copied
          [...new Set(parts.map((part) => part.buffer as ArrayBuffer))],
        ),
      (error) => scope.postMessage({ block: data.block, error: String((error as Error)?.message ?? error) }),
    );
  }
};
