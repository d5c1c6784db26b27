import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatLocal } from './time.ts';

export interface ExportColumn<T> {
  header: string;
  width?: number;
  value(row: T): string | number | null;
}

/**
 * Streams rows into an .xlsx as they come (exceljs' streaming writer): a long export never
 * holds the whole sheet in memory. Returns the stream to send as the response body.
 */
export function streamXlsx<T>(
  sheetName: string,
  columns: ExportColumn<T>[],
  rows: AsyncIterable<T>,
): PassThrough {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  (async () => {
    for await (const row of rows) {
      sheet.addRow(columns.map((c) => c.value(row))).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((err) => out.destroy(err));
  return out;
}

/** An instant shown as Beijing time, 'YYYY-MM-DD HH:mm': kept for older callers, use formatLocal. */
export function beijing(iso: string | null | undefined): string {
  return formatLocal(iso);
}
