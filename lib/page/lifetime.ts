/**
 * The lens's lifetime, in the few lines WXT's content-script context spent ≈3.3 KB of every page's bundle
 * on: a lens ends when the extension that started it goes away (reloaded, updated or removed: its runtime
 * has no id any more), or when a newer copy of the lens starts on the same document in another world (the
 * extension was reloaded and injected again). Timers scheduled through `setTimeout` do nothing once it ended.
 */

export interface Lifetime {
  /** false once ended (checked lazily: an orphaned lens ends at its next timer) */
  valid(): boolean;
  /** like window.setTimeout, but `fn` does not run once the lifetime ended */
  setTimeout(fn: () => void, ms: number): number;
  onEnd(fn: () => void): void;
}

export function startLifetime(doc: Document, runtimeId: () => string | undefined): Lifetime {
  const started = `nianbao-lens:started:${runtimeId() ?? ''}`;
  const ends: Array<() => void> = [];
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    doc.removeEventListener(started, end);
    for (const fn of ends) fn();
  };
  // an older copy in another world hears this and ends; this copy listens only after announcing itself
  doc.dispatchEvent(new Event(started));
  doc.addEventListener(started, end);
  const valid = () => {
    if (!ended && !runtimeId()) end();
    return !ended;
  };
  return {
    valid,
    setTimeout: (fn, ms) => window.setTimeout(() => valid() && fn(), ms),
    onEnd: (fn) => void ends.push(fn),
  };
}
