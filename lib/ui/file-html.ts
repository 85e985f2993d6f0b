/**
 * The rebuilt HTML of a report file (SPEC §8), made safe to show in the viewer page: the file's own document
 * is parsed inert (DOMParser runs nothing), then scripts, frames, embedded objects, styles, forms and every
 * `on…` attribute or `javascript:` address are removed before its body is moved into the page. A `.doc` that
 * is really a web page can carry anything; PDF and DOCX readers write plain markup, and pass unchanged.
 */
const DROP = 'script, iframe, frame, frameset, object, embed, link, meta, style, base, form, template, noscript';

export function safeFileBody(html: string, doc: Document): { title: string; nodes: Node[] } {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const el of Array.from(parsed.querySelectorAll(DROP))) el.remove();
  for (const el of Array.from(parsed.body.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (
        name.startsWith('on') ||
        name === 'style' ||
        (/^(href|src|action|formaction|xlink:href)$/.test(name) && !/^\s*(https?:|#|data:image\/)/i.test(attr.value))
      )
        el.removeAttribute(attr.name);
    }
  }
  const title = (parsed.title || '').trim();
  return { title, nodes: Array.from(parsed.body.childNodes).map((n) => doc.importNode(n, true)) };
}
