import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadedSheets, parseDate, readSheets, readWorkbook, streamedSheets } from './property.excel.ts';

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const units = book.addWorksheet('房屋');
  units.addRow(['楼栋*', '房号*', '楼层*', '建筑面积(㎡)*', '状态', '交房日期', '入住日期']);
  units.addRow(['1栋', '101', 1, 89.5, '入住', new Date(Date.UTC(2024, 4, 1)), '2024/5/2']);
  units.addRow(['1栋', '102', 1, 90, '空置', null, null]);
  const people = book.addWorksheet('业主及住户');
  people.addRow(['楼栋*', '房号*', '类型', '姓名*', '电话', '关系', '主联系人']);
  people.addRow(['1栋', '101', '业主', '王伟', '13800000000', '本人', '是']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('reading an import workbook', () => {
  it('reads the same rows whether streamed or loaded whole (the fallback when streaming fails)', async () => {
    const buffer = await workbook();
    const streamed = await readSheets(streamedSheets(buffer), 'zh-CN');
    const loaded = await readSheets(loadedSheets(buffer), 'zh-CN');
    expect(streamed.errors).toEqual([]);
    // a date cell arrives as its serial when streamed without styles, as a date when loaded: the same day
    const dates = (r: typeof streamed) =>
      r.rows.units?.map((u) => (u.values.handoverDate ? parseDate(u.values.handoverDate) : null));
    expect(dates(streamed)).toEqual(['2024-05-01', null]);
    expect(dates(loaded)).toEqual(dates(streamed));
    const withoutDates = (r: typeof streamed) =>
      JSON.stringify(r, (k, v) => (k === 'handoverDate' ? undefined : v));
    expect(withoutDates(loaded)).toBe(withoutDates(streamed));
    expect(streamed.rows.units?.map((r) => [r.row, r.values.roomNo])).toEqual([
      [2, '101'],
      [3, '102'],
    ]);
    expect(streamed.rows.people).toHaveLength(1);
  });

  it('says a file that is not a workbook cannot be read, in the user language', async () => {
    const res = await readWorkbook(Buffer.from('name,phone\n王伟,13800000000\n'), 'en-US');
    expect(res.errors).toEqual([
      { sheet: '', row: 0, column: '', message: 'Cannot read the file: please upload an .xlsx Excel file' },
    ]);
  });
});
