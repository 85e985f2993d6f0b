/**
 * The four families of checks (SPEC §4, §10), told by the id's first word: `text.*` (the report's text vs its
 * tables), `xyear.*` (against the previous year's report), `meta.*` (publication and template); every other
 * id is an identity inside the tables. The detail view groups by family, the wide export counts by it.
 */
export type CheckFamily = 'table' | 'text' | 'xyear' | 'meta';

export const CHECK_FAMILIES: readonly CheckFamily[] = ['table', 'text', 'xyear', 'meta'];

export function checkFamily(id: string): CheckFamily {
  const head = id.slice(0, id.indexOf('.'));
  return head === 'text' || head === 'xyear' || head === 'meta' ? head : 'table';
}
