// webextension-polyfill ships no types; it is the same API as WXT's `browser`.
declare module 'webextension-polyfill' {
  const browser: typeof import('wxt/browser').browser;
  export default browser;
}
