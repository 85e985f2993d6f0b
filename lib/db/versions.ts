/**
 * The database's name and versions, in a module of their own: the options page reads its first rows
 * straight from IndexedDB (first-page.ts) while Dexie and the rest of its code are still loading.
 */
export const DB_NAME = 'nianbao-lens';

/** The last Dexie version declared in database.ts (IndexedDB's own version number is ten times it). */
export const SCHEMA_VERSION = 4;

/**
 * The version of the code that builds the derived rows (derived.ts): when the code changes what it
 * derives, this goes up and every derived row is rebuilt from the reports the next time the database
 * opens. test/unit/db/derived.test.ts fails when the projection of a fixture record changes while this
 * number does not.
 */
export const DERIVED_VERSION = 4;
