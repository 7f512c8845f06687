/**
 * Every message between the popup, the reader and the service worker, in one place.
 * Requests are described by valibot schemas, so the worker checks each incoming payload against the
 * same declaration the senders are typed with; responses are plain types.
 */
import * as v from 'valibot';
import type { Clip, ClipSummary } from '../model/article';
import { ArticleSchema, ClipSchema } from '../model/clip-schema';
import type { Facets, SearchFilters, SearchResult, SortOrder } from '../archive/search';
import type { ExportedText, ExportPageText } from '../archive-io/export';
import { BlobDeliverySchema, ImportChunkSchema, ImportRecordsSchema } from '../archive-io/blob-channel';
import type { ClipOutcome, ImportSummary } from '../archive/records';
import type { ConnectionReport } from '../sync/connection-test';
import { SyncSettingsSchema, type SyncSettings } from '../sync/settings';
import type { SyncStatus } from '../sync/sync-service';

export type { ClipFailure, ClipOutcome } from '../archive/records';

const ClipMode = v.picklist(['page', 'selection']);
export type ClipMode = v.InferOutput<typeof ClipMode>;

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
/** a non-negative integer: an offset, a clip number, a run length */
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const ClipRuns = v.pipe(v.array(v.tuple([Count, Count])), v.maxLength(100_000));
const BlobUrl = v.pipe(v.string(), v.maxLength(500), v.startsWith('blob:'));
const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'));
const FilterValue = v.pipe(v.string(), v.minLength(1), v.maxLength(500));
const Query = v.pipe(v.string(), v.maxLength(500));
const Sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));

export const SearchFiltersSchema = v.strictObject({
  source: v.optional(FilterValue),
  section: v.optional(FilterValue),
  tag: v.optional(FilterValue),
  publishedFrom: v.optional(Day),
  publishedTo: v.optional(Day),
  clippedFrom: v.optional(Day),
  clippedTo: v.optional(Day),
});
// the worker's search takes exactly what the protocol carries
const filtersMatch: v.InferOutput<typeof SearchFiltersSchema> extends SearchFilters ? true : false = true;
void filtersMatch;

/** The library's sort menu, in the order it offers them. */
export const SORT_ORDERS = [
  'relevance',
  'clipped-desc',
  'clipped-asc',
  'published-desc',
  'published-asc',
  'title',
  'source',
] as const;
export const SortOrderSchema = v.picklist(SORT_ORDERS);
const sortMatch: [v.InferOutput<typeof SortOrderSchema>, SortOrder] extends [
  SortOrder,
  v.InferOutput<typeof SortOrderSchema>,
]
  ? true
  : false = true;
void sortMatch;

export const requestSchemas = {
  /** Clip a tab (the active tab when tabId is absent) and save it. */
  'clip/tab': v.strictObject({
    tabId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    mode: ClipMode,
    update: v.boolean(),
  }),
  /** Newest first, `limit` at a time. */
  'clips/list': v.strictObject({
    offset: Count,
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)),
  }),
  'clips/get': v.strictObject({ id: Id }),
  /** Search and filter the archive; `offset`/`limit` page through the ranked result. */
  'archive/search': v.strictObject({
    query: Query,
    filters: SearchFiltersSchema,
    offset: Count,
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)),
    /** the library's sort menu; absent is 'relevance' */
    sort: v.optional(SortOrderSchema),
  }),
  /** Every clip id of a search/filter result, in rank order (the archive page exports them). */
  'archive/search-ids': v.strictObject({
    query: Query,
    filters: SearchFiltersSchema,
    sort: v.optional(SortOrderSchema),
  }),
  /** The values the filter chips offer, counted within the query and the other groups' filters. */
  'archive/facets': v.strictObject({ query: v.optional(Query), filters: v.optional(SearchFiltersSchema) }),
  /** The clips before and after `id` in a result list (the reader's previous/next). */
  'archive/neighbours': v.strictObject({
    id: Id,
    query: Query,
    filters: SearchFiltersSchema,
    sort: v.optional(SortOrderSchema),
  }),
  /** Set a clip's tags and note. */
  'clip/edit': v.strictObject({
    id: Id,
    tags: v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(100)),
    note: v.nullable(v.pipe(v.string(), v.maxLength(20_000))),
  }),
  /** Delete a clip; the answer is the deleted record, which 'clip/restore' takes back (undo). */
  'clip/delete': v.strictObject({ id: Id }),
  'clip/restore': v.strictObject({ clip: ClipSchema }),
  /** Delete every clip and the whole index (the settings page offers an export first). */
  'archive/clear': v.strictObject({}),
  /** Records per object store, for the settings page's storage breakdown. */
  'archive/store-counts': v.strictObject({}),
  /** Export: one page of the whole archive, oldest first, after the cursor the last page returned. */
  'archive/export-page': v.strictObject({
    after: v.nullable(v.strictObject({ clippedAt: v.string(), id: Id })),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2_000)),
    /** deliver the page's text as a Blob on this BroadcastChannel instead of in the reply */
    via: v.optional(BlobDeliverySchema),
  }),
  /** Export: these clips (e.g. a search result), in this order; missing ids are skipped. */
  'archive/export-ids': v.strictObject({
    ids: v.pipe(v.array(Id), v.maxLength(500)),
    via: v.optional(BlobDeliverySchema),
  }),
  /**
   * Import: open one transaction that takes the chunks as they come and commits them together
   * (utils/archive/clip-store ImportWriter).
   */
  'archive/import-begin': v.strictObject({}),
  /**
   * Import: one chunk of records: the records themselves when the page posts them to the worker
   * (utils/archive-io/worker-post, Chromium), else JSON text, here or (faster: runtime messages are
   * JSON-serialised) in a blob: URL of the page's that the worker fetches. Either way every record is
   * checked against ClipSchema before it is written. The answer says, per record, whether the page
   * must build its index: added, rather than merged (or indexed here).
   */
  'archive/import-chunk': v.union([
    v.strictObject({ importId: Id, records: ImportRecordsSchema }),
    v.strictObject({ importId: Id, clips: ImportChunkSchema }),
    v.strictObject({ importId: Id, url: BlobUrl }),
  ]),
  /**
   * Import: the search index of the added clips numbered in `runs` ([first, count] each), built
   * by the page (utils/archive-io/index-blocks): its bytes when posted, else as a blob: URL the
   * worker fetches or base64 here.
   */
  'archive/import-index': v.union([
    v.strictObject({ importId: Id, runs: ClipRuns, bytes: v.instance(Uint8Array) }),
    v.strictObject({ importId: Id, runs: ClipRuns, url: BlobUrl }),
    v.strictObject({ importId: Id, runs: ClipRuns, data: v.pipe(v.string(), v.maxLength(48_000_000)) }),
  ]),
  /**
   * The answer to a request the page posted to the worker (utils/archive-io/worker-post: an import's
   * chunk or index block), routed there as a runtime message is.
   */
  'archive/posted': v.strictObject({ postId: Id }),
  /** Import: commit the one transaction (all or nothing). */
  'archive/import-commit': v.strictObject({ importId: Id }),
  'archive/import-abort': v.strictObject({ importId: Id }),
  /** Sync: last synced, pending changes, last error, documents refused. */
  'sync/status': v.strictObject({}),
  /** Sync: a full round now (pull, then push); answers with the status after it. */
  'sync/now': v.strictObject({}),
  /** Sync: the stored settings (for the settings form). */
  'sync/settings': v.strictObject({}),
  /** Sync: store new settings; the worker sets its alarm and starts a round when enabled. */
  'sync/configure': v.strictObject({ settings: SyncSettingsSchema }),
  /** Sync: "Test connection" (and, with `create`, create the database when it is missing). */
  'sync/test': v.strictObject({ settings: SyncSettingsSchema, create: v.boolean() }),
  /** A kept image or page snapshot by its hash; the blob itself comes on the BroadcastChannel `via`. */
  'assets/get': v.strictObject({ sha256: Sha256, via: BlobDeliverySchema }),
  /**
   * Save what today's extractor read from the clip's snapshot (in the reader or the archive page);
   * the HTML was sanitized there by the extractor and is checked here like a clipped article.
   */
  'clip/reextract': v.strictObject({ id: Id, article: ArticleSchema }),
  /** ZIP export: the assets the clips refer to (these ids, or the whole archive when null). */
  'archive/asset-refs': v.strictObject({ ids: v.nullable(v.pipe(v.array(Id), v.maxLength(100_000))) }),
  /**
   * ZIP import: one asset for the staged import, as a blob: URL of the page's; the worker fetches it,
   * checks its hash and writes it with the records on commit.
   */
  'archive/import-asset': v.strictObject({
    importId: Id,
    sha256: Sha256,
    type: v.pipe(v.string(), v.regex(/^(image\/[\w.+-]{1,60}|application\/gzip)$/)),
    url: v.pipe(v.string(), v.maxLength(500), v.startsWith('blob:')),
  }),
} as const;

export interface Responses {
  'clip/tab': ClipOutcome;
  'clips/list': { clips: ClipSummary[]; total: number };
  'clips/get': Clip | null;
  'archive/search': SearchResult;
  'archive/search-ids': string[];
  'archive/facets': Facets;
  'archive/neighbours': { previous: string | null; next: string | null; position: number; total: number };
  'clip/edit': ClipSummary | null;
  'clip/delete': Clip | null;
  'clip/restore': { restored: true; clip: ClipSummary } | { restored: false; reason: 'exists' };
  'archive/clear': null;
  'archive/store-counts': Record<string, number>;
  'archive/export-page': ExportPageText;
  'archive/export-ids': ExportedText;
  'archive/import-begin': string;
  'archive/import-chunk': boolean[];
  'archive/import-index': null;
  /** the posted request's own answer */
  'archive/posted': unknown;
  'archive/import-commit': ImportSummary;
  'archive/import-abort': null;
  'sync/status': SyncStatus;
  'sync/now': SyncStatus;
  'sync/settings': SyncSettings;
  'sync/configure': SyncStatus;
  'sync/test': ConnectionReport;
  /** null when no such asset is stored (nothing is delivered then) */
  'assets/get': { type: string; bytes: number } | null;
  'clip/reextract': ClipSummary | null;
  'archive/asset-refs': { images: string[]; snapshots: string[] };
  'archive/import-asset': null;
}

export type MessageType = keyof typeof requestSchemas & keyof Responses;
export type RequestOf<T extends MessageType> = v.InferOutput<(typeof requestSchemas)[T]>;
export type ResponseOf<T extends MessageType> = Responses[T];
/** What a sender passes: the same as RequestOf except where a schema transforms (JSON text → records). */
export type RequestInputOf<T extends MessageType> = v.InferInput<(typeof requestSchemas)[T]>;

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}

/** What the worker sends back: the handler's value, or why it refused. */
export type Reply<T extends MessageType> = { ok: true; value: ResponseOf<T> } | { ok: false; error: string };

/** A page that lists clips holds a port of this name open: the worker syncs live meanwhile. */
export const SYNC_LIVE_PORT = 'sync-live';
/** What the worker posts on each live port after sync wrote clips from the server: lists draw them. */
export const SYNC_PULLED_NOTICE = 'pulled';

/**
 * The one message the worker sends rather than answers: in Chromium the service worker has no DOM,
 * so DOMPurify for synced clips runs in an offscreen document (entrypoints/sanitizer), which answers
 * `{ ok: true, html }` with the strings sanitized in order.
 */
export const OffscreenSanitizeSchema = v.strictObject({
  type: v.literal('offscreen/sanitize'),
  html: v.array(v.string()),
});
export type OffscreenSanitizeReply = { ok: true; html: string[] } | { ok: false; error: string };

/** Checks an incoming message; returns the typed envelope or why it was refused. */
export function parseEnvelope(
  raw: unknown,
): { ok: true; envelope: Envelope } | { ok: false; reason: string } {
  if (typeof raw !== 'object' || raw === null) return { ok: false, reason: 'message is not an object' };
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(requestSchemas, type)) {
    return { ok: false, reason: `unknown message type ${JSON.stringify(type)?.slice(0, 60)}` };
  }
  const schema = requestSchemas[type as MessageType];
  const parsed = v.safeParse(schema, payload);
  if (!parsed.success) {
    return { ok: false, reason: `bad ${type} payload: ${v.summarize(parsed.issues).slice(0, 300)}` };
  }
  return { ok: true, envelope: { type: type as MessageType, payload: parsed.output } };
}

/** Sends a request to the service worker and returns its typed answer (throws on refusal). */
export async function send<T extends MessageType>(
  type: T,
  payload: RequestInputOf<T>,
  runtime: { sendMessage(message: unknown): Promise<unknown> },
): Promise<ResponseOf<T>> {
  const reply = (await runtime.sendMessage({ type, payload })) as Reply<T> | undefined;
  if (!reply) throw new Error(`no answer to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
