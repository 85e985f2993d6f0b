/**
 * The notes the section readers add to a record (what they inferred, in Chinese, SPEC §5 `notes`), each
 * wording written once for the readers of sections 二, 三 and 四 — these words ship in every page's
 * content script.
 */

/** A section reader's state across the tables of one report: its notes so far. */
export interface NoteState {
  notes?: string[];
}

/** Adds a note to a section's state, once. */
export function addNote(state: NoteState, note: string): void {
  const notes = (state.notes ??= []);
  if (!notes.includes(note)) notes.push(note);
}

/** The note of a damaged label read by position: it names the label as printed. */
export function addPositionNote(state: NoteState, printed: string): void {
  addNote(state, `按位置读取：印作“${printed}”`);
}

/** The note of a section whose header and body widths disagree, read in order; `part` is its numeral (二, 三, 四). */
export function widthNote(part: string): string {
  return `第${part}部分表头与数据列数不一致，按顺序对应`;
}
