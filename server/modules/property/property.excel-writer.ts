/** Writing the register's workbooks: the import template, the error report and the export rows. */
import ExcelJS from 'exceljs';
import type { Locale } from '../../lib/i18n.ts';
import {
  ERROR_HEADER,
  type ImportError,
  KIND_LABEL,
  SHEET_KEYS,
  SHEETS,
  type SheetKey,
  STATUS_LABEL,
} from './property.sheets.ts';
import type { PersonKind, UnitStatus } from './property.tables.ts';

function styleHeader(ws: ExcelJS.Worksheet, key: SheetKey) {
  const row = ws.getRow(1);
  SHEETS[key].columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF4FB' } };
  });
}

function addSheet(wb: ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter, key: SheetKey) {
  const ws = wb.addWorksheet(SHEETS[key].name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = SHEETS[key].columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  styleHeader(ws, key);
  return ws;
}

/** The import template: the three sheets with their headers (required ones in red), and a 说明 sheet. */
export async function templateWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const help = wb.addWorksheet('说明');
  help.columns = [{ width: 110 }];
  const lines = [
    '房屋及业主导入说明 How to fill in this workbook',
    '1. “楼栋”表：列出要新建的标段和楼栋（已有的可不列）。',
    '2. “房屋”表：每行一套房屋。红色表头为必填。建筑面积单位为平方米，最多两位小数；状态填“空置”“入住”或“装修中”（空着为空置）；日期写成 2024-05-01。',
    '3. “业主及住户”表：每行一人，用“楼栋”+“房号”对应房屋；类型填“业主”或“住户”（空着为业主）；电话为 11 位手机号或 0571-88001234 形式的座机；主联系人填“是”或“否”，每户最多一位。',
    '4. 导入前会先检查所有行：只要有一行有误，就一行也不导入，并给出逐行错误报告（可下载为带“错误”列的同一份表格）。',
    '5. 同一文件重复导入不会产生重复数据：已存在的房屋会报错（选择“更新已有房屋”则更新），已存在的同名业主/住户会被更新。',
    '6. 导出的表格与本模板表头相同，可修改后再导入。',
  ];
  lines.forEach((l, i) => {
    help.getCell(i + 1, 1).value = l;
  });
  help.getCell(1, 1).font = { bold: true, size: 14 };
  for (const key of SHEET_KEYS) {
    const ws = addSheet(wb, key);
    // drop-down lists on the coded columns (a range each: one rule, not one per cell)
    const letter = (k: string) => String.fromCharCode(65 + SHEETS[key].columns.findIndex((c) => c.key === k));
    const list = (k: string, values: string) =>
      // biome-ignore lint/suspicious/noExplicitAny: exceljs types lack worksheet.dataValidations
      (ws as any).dataValidations.add(`${letter(k)}2:${letter(k)}20000`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${values}"`],
      });
    if (key === 'units') list('status', '空置,入住,装修中');
    if (key === 'people') {
      list('kind', '业主,住户');
      list('main', '是,否');
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The uploaded workbook, each checked sheet with an error column: the row-by-row report to fix and re-import. */
export async function errorReportWorkbook(
  buffer: Buffer,
  errors: ImportError[],
  locale: Locale,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    const ws = wb.addWorksheet(ERROR_HEADER[locale]);
    for (const e of errors) ws.addRow([e.message]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const bySheet = new Map<string, Map<number, string[]>>();
  for (const e of errors) {
    const rows = bySheet.get(e.sheet) ?? new Map<number, string[]>();
    const list = rows.get(e.row) ?? [];
    list.push(e.column ? `${e.column}：${e.message}` : e.message);
    rows.set(e.row, list);
    bySheet.set(e.sheet, rows);
  }
  const red: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE0E0' } };
  for (const [sheetName, rows] of bySheet) {
    const ws = sheetName ? wb.getWorksheet(sheetName) : undefined;
    if (!ws) continue;
    const col = ws.getRow(1).cellCount + 1;
    const header = ws.getCell(1, col);
    header.value = ERROR_HEADER[locale];
    header.font = { bold: true, color: { argb: 'FFC00000' } };
    ws.getColumn(col).width = 60;
    for (const [row, messages] of rows) {
      const cell = ws.getCell(row, col);
      cell.value = messages.join('；');
      cell.font = { color: { argb: 'FFC00000' } };
      ws.getRow(row).eachCell((c) => {
        c.fill = red;
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ExportUnit {
  buildingName: string;
  roomNo: string;
  floor: number;
  areaCentiM2: number;
  status: UnitStatus;
  handoverDate: string | null;
  moveInDate: string | null;
}
export interface ExportPerson {
  buildingName: string;
  roomNo: string;
  kind: PersonKind;
  name: string;
  phone: string | null;
  relation: string | null;
  isMainContact: boolean | number;
}

/** Rows in the template's column order. */
export const exportRow = {
  buildings: (b: { sectionName: string; name: string; floors: number | null }) => [
    b.sectionName,
    b.name,
    b.floors,
  ],
  units: (u: ExportUnit) => [
    u.buildingName,
    u.roomNo,
    u.floor,
    u.areaCentiM2 / 100,
    STATUS_LABEL[u.status],
    u.handoverDate,
    u.moveInDate,
  ],
  people: (p: ExportPerson) => [
    p.buildingName,
    p.roomNo,
    KIND_LABEL[p.kind],
    p.name,
    p.phone,
    p.relation,
    p.isMainContact ? '是' : '否',
  ],
};

/** A streaming workbook writer with the template's sheets, for exports. */
export function exportSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, key: SheetKey) {
  const ws = addSheet(wb, key);
  if (key === 'units') ws.getColumn(4).numFmt = '0.00';
  if (key === 'people') ws.getColumn(5).numFmt = '@';
  return ws;
}
