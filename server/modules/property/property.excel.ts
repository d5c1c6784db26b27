/**
 * The register's Excel format in one place to import from: the sheets (property.sheets.ts), reading
 * (property.excel-reader.ts), checking (property.import-check.ts) and writing (property.excel-writer.ts).
 */
export * from './property.excel-reader.ts';
export * from './property.excel-writer.ts';
export * from './property.import-check.ts';
export * from './property.sheets.ts';
