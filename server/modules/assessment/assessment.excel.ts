/**
 * The score sheet as an Excel file in the document's own layout (序号, 工作项目, 工作内容与应达到的要求, 权数,
 * 具体考核办法, 扣减分数) plus the actual deduction, its evidence and the item's score. An item's cells are
 * merged down over its rules, as in the document. One sheet is a few dozen rows: built in memory.
 */
import ExcelJS from 'exceljs';
import { inclusiveLabel } from '../../lib/time.ts';
import type { AssessmentService } from './assessment.service.ts';

export type SheetData = Awaited<ReturnType<AssessmentService['get']>>;

export const SHEET_HEADERS = [
  '序号',
  '工作项目',
  '工作内容与应达到的要求',
  '权数',
  '具体考核办法',
  '扣减分数',
  '实际扣分',
  '扣分依据',
  '得分',
] as const;

const STATUS_ZH: Record<string, string> = { draft: '草稿', published: '公示中', finalized: '已定稿' };
const APPEAL_ZH: Record<string, string> = { pending: '待处理', upheld: '成立', rejected: '驳回' };

/** the widths of the columns of SHEET_HEADERS */
const COLUMN_WIDTHS = [6, 16, 44, 7, 40, 9, 9, 44, 8];

const thin = { style: 'thin' as const, color: { argb: 'FF555555' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

const refText = (e: { entity: string; id: number | string; label?: string }) =>
  e.label ?? `${e.entity} #${e.id}`;

/** Evidence text of one rule's rows: each row's reckoning, then the records it counts. */
export function evidenceText(rows: SheetData['rows']): string {
  return rows
    .filter((r) => r.points > 0 || r.metricMissing || r.source === 'manual' || r.adjusted)
    .map((r) => {
      const refs = r.evidence.map(refText).join('；');
      const excluded = (r.excluded ?? []).map((e) => `${refText(e.ref)}（${e.reason}）`).join('；');
      const notCounted = (r.notCounted ?? []).map(refText).join('；');
      const adjusted = r.adjusted ? `（${r.adjusted.reason}）` : '';
      // the row's explanation: the same words as on screen and in print (assessment.explain.ts)
      return `${r.explanation}${adjusted}${refs ? `\n依据：${refs}` : ''}${notCounted ? `\n不计入：${notCounted}` : ''}${excluded ? `\n申诉成立已排除：${excluded}` : ''}`;
    })
    .join('\n');
}

type Worksheet = ExcelJS.Worksheet;

/** Title and the sheet's facts; the period is shown inclusive, as people write it. */
function writeTitle(ws: Worksheet, data: SheetData) {
  const a = data.assessment;
  ws.mergeCells('A1:I1');
  const title = ws.getCell('A1');
  title.value = data.scheme.name;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;

  ws.mergeCells('A2:I2');
  ws.getCell('A2').value =
    `被考核人：${a.assesseeName}　项目：${a.projectName}　考核周期：${a.period}（${inclusiveLabel(a.periodStart, a.periodEnd)}）` +
    `　考核人：${a.assessorName}　状态：${STATUS_ZH[a.status] ?? a.status}　第 ${a.revision} 版　方案版本：v${data.scheme.version}`;
  ws.getCell('A2').alignment = { wrapText: true };

  const header = ws.getRow(3);
  header.values = [...SHEET_HEADERS];
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = border;
  });
}

/** One row per rule, an item's own cells merged down over its rules; returns the next free row. */
function writeItems(ws: Worksheet, data: SheetData, startRow: number): number {
  const scoreOf = new Map(data.items.map((i) => [i.itemKey, i]));
  let rowNo = startRow;
  for (const item of data.scheme.items) {
    const rules = item.rules.length ? item.rules : [null];
    const first = rowNo;
    for (const rule of rules) {
      const ruleRows = rule ? data.rows.filter((r) => r.ruleKey === rule.key) : [];
      const actual = ruleRows.reduce((sum, r) => sum + Math.round(r.points * 100), 0) / 100;
      const row = ws.getRow(rowNo);
      row.values = [
        item.key === '0' ? '' : Number(item.key) || item.key,
        item.name,
        item.requirements,
        item.weight,
        rule?.text ?? '',
        rule?.cap ?? null,
        rule ? actual : null,
        rule ? evidenceText(ruleRows) : '',
        scoreOf.get(item.key)?.score ?? item.weight,
      ];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cell.border = border;
        cell.alignment = {
          vertical: 'middle',
          wrapText: true,
          horizontal: [1, 4, 6, 7, 9].includes(col) ? 'center' : 'left',
        };
      });
      row.getCell(4).numFmt = '0"%"';
      rowNo += 1;
    }
    const last = rowNo - 1;
    if (last > first)
      for (const col of ['A', 'B', 'C', 'D', 'I']) ws.mergeCells(`${col}${first}:${col}${last}`);
  }
  return rowNo;
}

function writeTotal(ws: Worksheet, data: SheetData, rowNo: number) {
  const total = ws.getRow(rowNo);
  ws.mergeCells(`A${rowNo}:C${rowNo}`);
  total.getCell(1).value = '合计';
  total.getCell(4).value = data.fullMarks;
  total.getCell(4).numFmt = '0"%"';
  total.getCell(6).value = null;
  total.getCell(7).value = data.totalDeducted;
  total.getCell(8).value = `总得分 ${data.total} 分`;
  total.getCell(9).value = data.total;
  for (let col = 1; col <= 9; col++) {
    const cell = total.getCell(col);
    cell.font = { bold: true };
    cell.border = border;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  }
}

/** The appeals and their decisions, one line each; returns the next free row. */
function writeAppeals(ws: Worksheet, data: SheetData, startRow: number): number {
  if (!data.appeals.length) return startRow;
  let rowNo = startRow;
  ws.mergeCells(`A${rowNo}:I${rowNo}`);
  ws.getCell(`A${rowNo}`).value = '申诉记录';
  ws.getCell(`A${rowNo}`).font = { bold: true };
  rowNo += 1;
  for (const ap of data.appeals) {
    ws.mergeCells(`A${rowNo}:I${rowNo}`);
    const cases = ap.cases
      .map(
        (c) =>
          `${refText(c.ref)}：${APPEAL_ZH[c.status] ?? c.status}` +
          (c.decisionReason ? `（${c.decisionReason}${c.decidedByName ? `，${c.decidedByName}` : ''}）` : ''),
      )
      .join('；');
    ws.getCell(`A${rowNo}`).value =
      `第 ${ap.rowKey.split(':')[0]} 条（原扣 ${ap.rowPoints} 分）申诉理由：${ap.reason}；处理结果：${APPEAL_ZH[ap.status] ?? ap.status}` +
      (ap.decisionReason ? `；理由：${ap.decisionReason}` : '') +
      (ap.decidedByName ? `；处理人：${ap.decidedByName}` : '') +
      (cases ? `；逐项：${cases}` : '');
    ws.getCell(`A${rowNo}`).alignment = { wrapText: true };
    rowNo += 1;
  }
  return rowNo + 1;
}

export async function writeSheetWorkbook(data: SheetData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PropDesk';
  const ws = workbook.addWorksheet(`${data.assessment.period} 考核表`, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  writeTitle(ws, data);
  let rowNo = writeItems(ws, data, 4);
  writeTotal(ws, data, rowNo);
  rowNo = writeAppeals(ws, data, rowNo + 2);
  ws.mergeCells(`A${rowNo}:I${rowNo}`);
  ws.getCell(`A${rowNo}`).value =
    `考核人：${data.assessment.assessorName}　　　　被考核人签字：__________　　　　日期：__________`;
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
