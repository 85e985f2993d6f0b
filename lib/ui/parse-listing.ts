import { readListing, type ListingPage } from '../core/listing';
import { withBase } from '../collect/read-report-page';

/** A listing page's HTML read into its report links and further pages (the page's DOMParser; links resolve against `url`). */
export function parseListing(html: string, url: string): ListingPage {
  const doc = withBase(new DOMParser().parseFromString(html, 'text/html'), url);
  return readListing(doc, url);
}
