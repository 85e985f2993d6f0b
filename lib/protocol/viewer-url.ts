import { browser } from 'wxt/browser';

/** The viewer page for a report file opened directly (SPEC §8): `viewer.html?url=<file>`. */
export function viewerUrl(fileUrl: string): string {
  return browser.runtime.getURL(`/viewer.html?url=${encodeURIComponent(fileUrl)}` as '/viewer.html');
}
