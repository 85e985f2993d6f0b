/** Versions of a record (SPEC §10): a revisit with other content keeps the saved one, with what changed. */
import { describe, expect, it } from 'vitest';
import { valueChanges, withVersions, MAX_VERSIONS } from '../../../lib/core/versions';
import { makeRecord } from '../../support/records';

describe('valueChanges', () => {
  it('lists the keys whose values differ, old → new, absent as null, in key order', () => {
    expect(valueChanges({ a: 1, b: 2, c: null }, { a: 1, b: 3, d: 4 })).toEqual([
      { key: 'b', old: 2, new: 3 },
      { key: 'd', old: null, new: 4 },
    ]);
    expect(valueChanges({ a: 1 }, { a: 1 })).toEqual([]);
  });
});

describe('withVersions', () => {
  const saved = makeRecord({ n: 1, savedAt: '2024-01-02T00:00:00.000Z', firstSavedAt: '2024-01-02T00:00:00.000Z' });

  it('a first save and a revisit with the same content add no version', () => {
    const next = makeRecord({ n: 1 });
    expect(withVersions(next, undefined)).toEqual(next);
    const same = withVersions(next, saved);
    expect(same.versions).toBeUndefined();
    expect(same.changedAfterFirstSeen).toBeUndefined();
  });

  it('other content keeps the saved one as a version and flags the record', () => {
    const edited = makeRecord({ n: 1, contentHash: 'hash-edited', values: { ...saved.values, 'apply.new.total': 99 } });
    const next = withVersions(edited, saved);
    expect(next.changedAfterFirstSeen).toBe(true);
    expect(next.versions).toEqual([
      { contentHash: saved.contentHash, savedAt: '2024-01-02T00:00:00.000Z', changed: [{ key: 'apply.new.total', old: 13, new: 99 }] },
    ]);
    // a later revisit with that same edited content keeps the history and the flag
    const again = withVersions({ ...edited }, { ...next, savedAt: '2024-03-01T00:00:00.000Z' });
    expect(again.versions).toEqual(next.versions);
    expect(again.changedAfterFirstSeen).toBe(true);
  });

  it('a newer reader that reads more is kept as a version but not flagged as an edit of the report', () => {
    const reread = makeRecord({ n: 1, contentHash: 'hash-reread', extractorVersion: '999.0.0' });
    const next = withVersions(reread, saved);
    expect(next.versions).toHaveLength(1);
    expect(next.changedAfterFirstSeen).toBeUndefined();
  });

  it(`keeps the last ${MAX_VERSIONS} versions`, () => {
    let current = saved;
    for (let i = 0; i < MAX_VERSIONS + 5; i++) {
      current = {
        ...withVersions(makeRecord({ n: 1, contentHash: `h${i}` }), current),
        savedAt: `2024-02-${String((i % 28) + 1).padStart(2, '0')}T00:00:00.000Z`,
      };
    }
    expect(current.versions).toHaveLength(MAX_VERSIONS);
    expect(current.versions!.at(-1)!.contentHash).toBe(`h${MAX_VERSIONS + 3}`);
  });
});
