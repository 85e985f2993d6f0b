import type { FileKind } from '../files/file-outcome';
import type { ReportRecord, ScanOutcome } from '../core/record';

/**
 * background → offscreen document (Chrome; Firefox's background page reads files itself): read a report
 * file's bytes into records (SPEC §8). Runtime messages are JSON in Chrome, so the bytes travel as base64.
 */
export interface OffscreenReadRequest {
  target: 'offscreen';
  type: 'read-file';
  /** the file's bytes, base64 */
  data: string;
  name: string;
  /** the records' address: the file's own, or the page that links it */
  url: string;
  /** the file's address, for `source.url` */
  fileUrl: string;
  page?: Pick<ReportRecord, 'title' | 'agency' | 'year' | 'publishedAt'>;
}

export interface OffscreenReadReply {
  kind: FileKind | null;
  html: string | null;
  notes: string[];
  outcomes: ScanOutcome[];
}

export const isOffscreenRequest = (m: unknown): m is OffscreenReadRequest =>
  (m as OffscreenReadRequest | null)?.target === 'offscreen' && (m as OffscreenReadRequest).type === 'read-file';

/** Bytes as base64, in slices (String.fromCharCode takes a bounded number of arguments). */
export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function fromBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** background → offscreen document (Chrome): parse and read a collected report page (SPEC §9). */
export interface OffscreenPageRequest {
  target: 'offscreen';
  type: 'read-page';
  html: string;
  /** the address it was fetched from (after redirects) */
  url: string;
}

export const isOffscreenPageRequest = (m: unknown): m is OffscreenPageRequest =>
  (m as OffscreenPageRequest | null)?.target === 'offscreen' && (m as OffscreenPageRequest).type === 'read-page';
