/**
 * Word rows that start or end off the table's grid: WPS and Word write `w:gridBefore` / `w:gridAfter` (grid
 * columns the row leaves empty before its first cell or after its last) instead of empty cells. mammoth
 * ignores them, so such a row's cells — and the vertical merges (`w:vMerge`) counted by column through it —
 * shift left. `fillGridGaps` writes those gaps as empty cells spanning the same grid columns, so the HTML
 * table has the row's cells where Word draws them. Rows without gaps are left byte for byte as they are.
 * `repairTables` also drops named bookmarks Word leaves between rows or cells (OLE_LINK…, _Hlk…): mammoth
 * meets them where it expects a row or a cell and then gives up every merge of the table.
 */
const ROW_EDGE = /<w:tr[\s>]|<w:tr\/>|<\/w:tr>/g;

const gapCell = (n: number) => `<w:tc><w:tcPr><w:gridSpan w:val="${n}"/></w:tcPr><w:p/></w:tc>`;

function gap(props: string, name: 'gridBefore' | 'gridAfter'): number {
  const n = Number(new RegExp(`<w:${name}\\s+w:val="(\\d+)"`).exec(props)?.[1] ?? 0);
  return n > 0 && n < 64 ? n : 0;
}

export function fillGridGaps(xml: string): string {
  if (!/<w:grid(?:Before|After)\s/.test(xml)) return xml;
  const edits: Array<{ at: number; text: string }> = [];
  const open: Array<{ after: number }> = [];
  for (const m of xml.matchAll(ROW_EDGE)) {
    const at = m.index ?? 0;
    if (m[0] === '<w:tr/>') continue;
    if (m[0] !== '</w:tr>') {
      open.push({ after: at });
      continue;
    }
    const row = open.pop();
    if (!row) continue;
    // the row's own properties sit before its first cell (nested tables come later, inside cells)
    const firstCell = xml.slice(row.after, at).search(/<w:tc[\s>]/);
    const propsEnd = firstCell < 0 ? at : row.after + firstCell;
    const props = xml.slice(row.after, propsEnd);
    const before = gap(props, 'gridBefore');
    const after = gap(props, 'gridAfter');
    if (before) edits.push({ at: propsEnd, text: gapCell(before) });
    if (after) edits.push({ at, text: gapCell(after) });
  }
  edits.sort((a, b) => b.at - a.at);
  let out = xml;
  for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.at);
  return out;
}

/** Bookmark marks standing between a table's rows or cells (right after a row or cell boundary). */
const TABLE_LEVEL_BOOKMARKS =
  /(<\/w:tc>|<\/w:tr>|<\/w:trPr>|<\/w:tblPrEx>|<\/w:tblGrid>|<\/w:tblPr>|<w:tr(?:\s[^>]*)?>|<w:tbl>)((?:<w:bookmark(?:Start|End)\b[^>]*\/>)+)/g;

/** The document's tables as mammoth can read them: table-level bookmarks dropped, grid gaps filled. */
export function repairTables(xml: string): string {
  return fillGridGaps(xml.replace(TABLE_LEVEL_BOOKMARKS, '$1'));
}
