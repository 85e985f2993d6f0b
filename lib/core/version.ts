/** Version of the extraction rules that produced a record; bump when keys, numbers or checks change. */
export const EXTRACTOR_VERSION = '1.0.0';
/** The `schema` field of JSON exports. */
export const EXPORT_SCHEMA = 'nianbao-lens/report@1';
