// webextension-polyfill ships no types; it is the same API as WXT's `browser`.
declare module 'webextension-polyfill' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- a module declaration cannot import
  const browser: typeof import('wxt/browser').browser;
  export default browser;
}
