/** The section readers' notes (SPEC §5 `notes`): each added once, in the words the records have always carried. */
import { describe, expect, it } from 'vitest';
import { addNote, addPositionNote, widthNote, type NoteState } from '../../../lib/core/notes';

describe('section notes', () => {
  it('adds a note once, in the order first met, creating the list on first use', () => {
    const state: NoteState = {};
    addNote(state, 'a');
    addNote(state, 'b');
    addNote(state, 'a');
    expect(state.notes).toEqual(['a', 'b']);
  });

  it('names a damaged label as printed', () => {
    const state: NoteState = { notes: ['已有'] };
    addPositionNote(state, '本年新收政府信息公开申情数量');
    addPositionNote(state, '本年新收政府信息公开申情数量');
    expect(state.notes).toEqual(['已有', '按位置读取：印作“本年新收政府信息公开申情数量”']);
  });

  it('words a header/body width disagreement per section', () => {
    expect(widthNote('二')).toBe('第二部分表头与数据列数不一致，按顺序对应');
    expect(widthNote('三')).toBe('第三部分表头与数据列数不一致，按顺序对应');
    expect(widthNote('四')).toBe('第四部分表头与数据列数不一致，按顺序对应');
  });
});
