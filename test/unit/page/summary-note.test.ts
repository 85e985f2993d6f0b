// The summary line is tested with the attachment link it names: see attachment-link.test.ts.
import { describe, expect, it } from 'vitest';
import * as note from '../../../lib/page/summary-note';

describe('summary-note', () => {
  it('exports the note adder the attachment reader and the viewer use', () => {
    expect(typeof note.addSummaryNote).toBe('function');
  });
});
