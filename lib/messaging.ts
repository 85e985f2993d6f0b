import { z } from 'zod';
import { ScanOutcomeSchema } from './record';

/**
 * The one typed message protocol between the extension's contexts. Every message is a zod
 * discriminated union member; receivers parse with `MessageSchema` (the page is untrusted).
 */

/** content script → background: the outcome of a scan of the page (or of a same-origin frame). */
export const ScanResultMessage = z.object({
  type: z.literal('scan-result'),
  outcome: ScanOutcomeSchema,
  /** how long the scan took, in milliseconds */
  scanMs: z.number().nonnegative().finite(),
});

/** background → content script: scan again now (context menu "用年报透镜检查此页"). */
export const RescanMessage = z.object({ type: z.literal('rescan') });

export const MessageSchema = z.discriminatedUnion('type', [ScanResultMessage, RescanMessage]);
export type Message = z.infer<typeof MessageSchema>;
