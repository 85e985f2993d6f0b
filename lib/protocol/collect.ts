import { z } from 'zod';

/**
 * Collecting a listing (SPEC §9): a run — the checked report links of one 年报 column, queued in IndexedDB —
 * and its items. The background is the only writer (lib/background/collector*.ts); the collector page reads
 * both with liveQuery. These schemas are the one definition of their shapes.
 */

/** An item's state: `queued` until its turn, `fetching` while read, then one of the five outcomes. */
export const ItemStatusSchema = z.enum(['queued', 'fetching', 'saved', 'not-report', 'no-tables', 'failed', 'skipped']);
export type ItemStatus = z.infer<typeof ItemStatusSchema>;

/** The outcomes: an item in one of these is done and never fetched again (unless its failure is retried). */
export const FINISHED: readonly ItemStatus[] = ['saved', 'not-report', 'no-tables', 'failed', 'skipped'];

export const RunStateSchema = z.enum(['idle', 'running', 'paused', 'done']);
export type RunState = z.infer<typeof RunStateSchema>;

const Url = z.string().url().max(4000);

/** What the collector page sends for each checked link of the listing. */
export const CandidateSchema = z.object({
  url: Url,
  title: z.string().max(500),
  date: z.string().max(40).nullable(),
  kind: z.enum(['page', 'pdf', 'docx', 'doc', 'other']),
});
export type Candidate = z.infer<typeof CandidateSchema>;

export const CollectRunSchema = z.object({
  /** `c` + the start time in base 36 + a random tail */
  id: z.string().min(1).max(40),
  listingUrl: Url,
  /** the listing's host: one run at a time per host */
  host: z.string().max(300),
  state: RunStateSchema,
  /** the gap setting when the run started (ms, before jitter) */
  gapMs: z.number().int().min(1000),
  total: z.number().int().nonnegative(),
  createdAt: z.string().max(40),
  finishedAt: z.string().max(40).nullable(),
});
export type CollectRun = z.infer<typeof CollectRunSchema>;

export const CollectItemSchema = z.object({
  /** `<runId>:<seq, 5 digits>`: the primary key sorts a run's items in the listing's order */
  id: z.string().min(1).max(60),
  runId: z.string().min(1).max(40),
  seq: z.number().int().nonnegative(),
  url: Url,
  title: z.string().max(500),
  date: z.string().max(40).nullable(),
  kind: CandidateSchema.shape.kind,
  status: ItemStatusSchema,
  /** why it failed, or why it is not a report / has no tables */
  reason: z.string().max(500).nullable(),
  /** the records saved (or found unchanged) from it: several for a 年报汇编 */
  recordIds: z.array(z.string().max(64)).max(50),
  /** how many of its checks fail (all its records together): the run report's "with arithmetic errors" */
  failing: z.number().int().nonnegative(),
  /** the table the records' values came from, when a file (SPEC §8) */
  source: z.enum(['html', 'pdf', 'docx']).nullable(),
  /** when it was finished (ISO), for the time left */
  finishedAt: z.string().max(40).nullable(),
  /** how long it took, from the start of its turn to its status (ms) */
  ms: z.number().nonnegative().nullable(),
  /** of `ms`, the time spent waiting for the host: the polite gap, back-offs and the network (the rest is the collector's own) */
  netMs: z.number().nonnegative().nullable(),
});
export type CollectItem = z.infer<typeof CollectItemSchema>;

export const itemId = (runId: string, seq: number) => `${runId}:${String(seq).padStart(5, '0')}`;

/** A listing page's HTML for the collector page: from the open tab's live DOM, or fetched. */
export type ListingReply = { ok: true; html: string; url: string; from: 'tab' | 'fetch' } | { ok: false; error: string };

/** What starting, pausing or resuming a run answers. */
export type CollectReply = { ok: true; runId: string } | { ok: false; error: string };
