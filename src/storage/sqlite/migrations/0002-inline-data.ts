/**
 * Migration 2: small objects keep their bytes in the row (`inline_data`) instead of a blob file,
 * so reading or writing one costs no file I/O and no fsync beyond SQLite's own commit. Listings
 * never select the column.
 */
export const inlineData = `
ALTER TABLE versions ADD COLUMN inline_data BLOB;
`;
