/**
 * The full-text index, kept in IndexedDB beside the clips: a bigram (and word-stem) inverted index
 * organised like a small log-structured merge tree, because in Chromium every IndexedDB request
 * costs about 0.2 ms (updating 2,000 posting records per saved clip took 500–900 ms), while one
 * larger record costs hardly more than a small one.
 *
 * - codec.ts: varints, postings, shards (bytes only).
 * - build.ts: a clip's terms, segment sizes, SegmentBuilder.
 * - layout.ts: the records and keys, and the writes inside a clip writer's transaction: one clip
 *   (indexClip/unindexClip, to the tail) or many (BulkIndexer, straight into segments).
 * - compaction.ts: tail → segment, and merges of segments.
 * - doc-table.ts: the live docs in columns (filters, ranking, sorts, facets), kept as one record.
 * - store.ts: SearchIndex, one per open database: its caches, its doc table and its compaction queue.
 * - queries.ts: which docs match a query term.
 */
export {
  BUILD_PIECE,
  clipTerms,
  FLUSH_AT,
  indexedFields,
  levelFor,
  MERGE_FANOUT,
  SegmentPieces,
  shardsFor,
  type IndexedFields,
} from './build';
export { decodeShard, termHash } from './codec';
export { MAX_MERGED_LEVEL } from './compaction';
export {
  BULK_WRITE_STORES,
  BulkIndexer,
  CATALOG_KEY,
  CLIP_WRITE_STORES,
  indexClip,
  rebuildIndex,
  STATE_KEY,
  unindexClip,
  type IndexWriteTx,
} from './layout';
export { DocSet, docsMatching, indexSize } from './queries';
export { DocTable } from './doc-table';
export { SearchIndex, type IndexSnapshot } from './store';
