import ExcelJS from 'exceljs';

export type SheetRows = (string | number | null)[][];

/** Builds an .xlsx in memory: sheet name → rows (the first row is the header). */
export async function buildXlsx(sheets: Record<string, SheetRows>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads an .xlsx into sheet name → rows of cell text. */
export async function readXlsx(buffer: Buffer): Promise<Record<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const out: Record<string, string[][]> = {};
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) {
        const v = row.getCell(c).value;
        cells.push(v === null || v === undefined ? '' : String(v));
      }
      rows.push(cells);
    });
    out[ws.name] = rows;
  });
  return out;
}

/** A multipart/form-data body with one file field, for inject(). */
export function multipartFile(buffer: Buffer, fileName = 'register.xlsx') {
  const boundary = `----propdesk${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
  );
  return {
    payload: Buffer.concat([head, buffer, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
