/**
 * A page's `<meta>` elements, read by one walk over them (`getElementsByTagName`), not by the selector
 * engine: in linkedom (the CLI) each `querySelector` matches a selector against every element, and in a
 * browser a fresh page's first selector query costs more than the walk. Pure: takes the DOM as a parameter.
 */

/** The `<meta>` elements under `root`, in document order. */
export function metaElements(root: ParentNode): ArrayLike<Element> {
  return 'getElementsByTagName' in root ? (root as Element).getElementsByTagName('meta') : root.querySelectorAll('meta');
}

/**
 * The content of the first `<meta>` of each `name` and each `property` (keys `name=…`, `property=…`, values
 * exact): what `querySelector('meta[name="…"]')?.getAttribute('content')` gives, for every name in one walk.
 */
export function firstMetas(root: ParentNode, metas: ArrayLike<Element> = metaElements(root)): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    const name = m.getAttribute('name');
    const property = m.getAttribute('property');
    if (name === null && property === null) continue;
    const content = m.getAttribute('content');
    if (name !== null && !out.has(`name=${name}`)) out.set(`name=${name}`, content);
    if (property !== null && !out.has(`property=${property}`)) out.set(`property=${property}`, content);
  }
  return out;
}
