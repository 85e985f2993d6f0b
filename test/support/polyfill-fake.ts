// Under vitest, the background's webextension-polyfill import resolves here: WXT's fake browser.
import { fakeBrowser } from 'wxt/testing/fake-browser';
export default fakeBrowser;
