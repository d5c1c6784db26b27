import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale, Text } from '../../lib/i18n.ts';
import { format } from '../../lib/i18n.ts';
import { PHONE_PATTERN } from './property.schemas.ts';
import type { PersonKind, UnitStatus } from './property.tables.ts';

/**
 * The register's Excel format, shared by the template, the import, the error report and the
 * export — so export → edit → import round-trips. Three sheets; headers are matched by text,
 * so columns may be reordered and extra columns are ignored.
 */
export const SHEETS = {
  buildings: {
    name: '楼栋',
    columns: [
      { key: 'section', header: '标段', required: true, width: 14 },
      { key: 'building', header: '楼栋', required: true, width: 14 },
      { key: 'floors', header: '层数', required: false, width: 8 },
    ],
  },
  units: {
    name: '房屋',
    columns: [
      { key: 'building', header: '楼栋', required: true, width: 12 },
      { key: 'roomNo', header: '房号', required: true, width: 12 },
      { key: 'floor', header: '楼层', required: true, width: 8 },
      { key: 'area', header: '建筑面积(㎡)', required: true, width: 14 },
      { key: 'status', header: '状态', required: false, width: 10 },
      { key: 'handoverDate', header: '交房日期', required: false, width: 13 },
      { key: 'moveInDate', header: '入住日期', required: false, width: 13 },
    ],
  },
  people: {
    name: '业主及住户',
    columns: [
      { key: 'building', header: '楼栋', required: true, width: 12 },
      { key: 'roomNo', header: '房号', required: true, width: 12 },
      { key: 'kind', header: '类型', required: false, width: 8 },
      { key: 'name', header: '姓名', required: true, width: 12 },
      { key: 'phone', header: '电话', required: false, width: 16 },
      { key: 'relation', header: '关系', required: false, width: 10 },
      { key: 'main', header: '主联系人', required: false, width: 10 },
    ],
  },
} as const;
export type SheetKey = keyof typeof SHEETS;
export const SHEET_KEYS: SheetKey[] = ['buildings', 'units', 'people'];
const ERROR_HEADER: Text = { 'zh-CN': '错误', 'en-US': 'Errors' };

export const STATUS_LABEL: Record<UnitStatus, string> = {
  vacant: '空置',
  occupied: '入住',
  renovating: '装修中',
};
export const KIND_LABEL: Record<PersonKind, string> = { owner: '业主', resident: '住户' };

const MESSAGES = {
  required: { 'zh-CN': '必填', 'en-US': 'Required' },
  tooLong: { 'zh-CN': '不能超过 {max} 个字', 'en-US': 'At most {max} characters' },
  floors: { 'zh-CN': '层数应为 1 到 200 之间的整数', 'en-US': 'Floors must be a whole number from 1 to 200' },
  floor: { 'zh-CN': '楼层应为 -5 到 200 之间的整数', 'en-US': 'Floor must be a whole number from -5 to 200' },
  area: {
    'zh-CN': '建筑面积应为大于 0 的数字，最多两位小数',
    'en-US': 'Floor area must be a number greater than 0 with at most 2 decimals',
  },
  status: { 'zh-CN': '状态应为“空置”“入住”或“装修中”', 'en-US': 'Status must be 空置, 入住 or 装修中' },
  date: { 'zh-CN': '日期格式应为 YYYY-MM-DD', 'en-US': 'A date is written YYYY-MM-DD' },
  moveInBeforeHandover: {
    'zh-CN': '入住日期不能早于交房日期',
    'en-US': 'Move-in date is before the handover date',
  },
  phone: {
    'zh-CN': '电话格式不正确：应为 11 位手机号（如 13800000000）或座机号（如 0571-88001234）',
    'en-US': 'Phone must be an 11-digit mobile number (13800000000) or a landline (0571-88001234)',
  },
  kind: { 'zh-CN': '类型应为“业主”或“住户”', 'en-US': 'Type must be 业主 (owner) or 住户 (resident)' },
  main: { 'zh-CN': '主联系人应为“是”或“否”', 'en-US': 'Main contact must be 是 (yes) or 否 (no)' },
  unknownBuilding: {
    'zh-CN': '楼栋“{name}”不存在：请先在系统中建立，或在“楼栋”表中列出',
    'en-US': 'Building "{name}" does not exist: create it first or list it on the 楼栋 sheet',
  },
  buildingOtherSection: {
    'zh-CN': '楼栋“{name}”已属于标段“{section}”',
    'en-US': 'Building "{name}" already belongs to section "{section}"',
  },
  duplicateBuilding: {
    'zh-CN': '楼栋在文件中重复（与第 {row} 行相同）',
    'en-US': 'Building repeated in the file (same as row {row})',
  },
  duplicateRoom: {
    'zh-CN': '房号在文件中重复（与第 {row} 行相同）',
    'en-US': 'Room repeated in the file (same as row {row})',
  },
  roomExists: {
    'zh-CN': '房屋“{building} {room}”已存在',
    'en-US': 'Unit {building} {room} already exists',
  },
  unknownRoom: {
    'zh-CN': '房屋“{building} {room}”不存在：请在“房屋”表中列出',
    'en-US': 'Unit {building} {room} does not exist: list it on the 房屋 sheet',
  },
  duplicatePerson: {
    'zh-CN': '同一房屋的此人在文件中重复（与第 {row} 行相同）',
    'en-US': 'This person of the unit is repeated in the file (same as row {row})',
  },
  twoMainContacts: {
    'zh-CN': '每户只能有一位主联系人（第 {row} 行已是主联系人）',
    'en-US': 'A unit has one main contact (row {row} already is)',
  },
  noSheets: {
    'zh-CN': '文件中没有“房屋”或“业主及住户”工作表，请使用导入模板',
    'en-US': 'The file has no 房屋 or 业主及住户 sheet: please use the import template',
  },
  missingHeader: {
    'zh-CN': '缺少表头“{header}”，请使用导入模板',
    'en-US': 'Header "{header}" is missing: please use the import template',
  },
  notExcel: {
    'zh-CN': '无法读取文件：请上传 .xlsx 格式的 Excel 文件',
    'en-US': 'Cannot read the file: please upload an .xlsx Excel file',
  },
} satisfies Record<string, Text>;
type MessageKey = keyof typeof MESSAGES;

export interface ImportError {
  sheet: string;
  /** the Excel row number (header = 1) */
  row: number;
  column: string;
  message: string;
}

export interface ParsedRow {
  row: number;
  values: Record<string, string>;
}
export type ParsedWorkbook = Partial<Record<SheetKey, ParsedRow[]>>;

// ---- reading ----

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    if ('error' in value) return '';
    return '';
  }
  return String(value).trim();
}

const normalizeHeader = (s: string) =>
  s
    .replace(/[\s*＊]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/m2|m²/gi, '㎡');

/**
 * Reads the three sheets of an uploaded workbook into rows of text; empty rows are skipped.
 * exceljs's streaming reader without styles: about a third faster than loading the whole
 * workbook (10,000 rows ≈ 0.5 s). Without styles a date cell arrives as its serial number;
 * parseDate understands those.
 */
export async function readWorkbook(
  buffer: Buffer,
  locale: Locale,
): Promise<{ rows: ParsedWorkbook; errors: ImportError[] }> {
  let read: { rows: ParsedWorkbook; errors: ImportError[] };
  try {
    read = await readSheets(streamedSheets(buffer), locale);
  } catch {
    // exceljs's streaming reader fails now and then on a sound file when the machine is busy
    // (seen in tests under load); the whole file is in memory anyway, so read it again in one piece.
    try {
      read = await readSheets(loadedSheets(buffer), locale);
    } catch {
      return { rows: {}, errors: [{ sheet: '', row: 0, column: '', message: MESSAGES.notExcel[locale] }] };
    }
  }
  if (!read.errors.length && !read.rows.units && !read.rows.people) {
    read.errors.push({ sheet: '', row: 0, column: '', message: MESSAGES.noSheets[locale] });
  }
  return read;
}

interface SheetRows {
  name: string;
  rows: AsyncIterable<ExcelJS.Row> | Iterable<ExcelJS.Row>;
}

/** Fast: sheets and rows as the file streams (no styles). */
export async function* streamedSheets(buffer: Buffer): AsyncGenerator<SheetRows> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const worksheet of reader) {
    // biome-ignore lint/suspicious/noExplicitAny: the streaming worksheet reader is untyped in exceljs
    const ws = worksheet as any;
    yield { name: ws.name, rows: ws as AsyncIterable<ExcelJS.Row> };
  }
}

/** Sure: the whole workbook loaded at once. */
export async function* loadedSheets(buffer: Buffer): AsyncGenerator<SheetRows> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  for (const ws of book.worksheets) {
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((row) => rows.push(row));
    yield { name: ws.name, rows };
  }
}

export async function readSheets(
  sheets: AsyncIterable<SheetRows>,
  locale: Locale,
): Promise<{ rows: ParsedWorkbook; errors: ImportError[] }> {
  const rows: ParsedWorkbook = {};
  const errors: ImportError[] = [];
  for await (const sheet of sheets) {
    const key = SHEET_KEYS.find((k) => SHEETS[k].name === sheet.name);
    const def = key ? SHEETS[key] : null;
    const columnOf: Record<string, number> = {};
    let headerDone = false;
    let skip = false;
    const list: ParsedRow[] = [];
    for await (const row of sheet.rows) {
      if (!def || skip) continue;
      const values = row.values as ExcelJS.CellValue[];
      if (!headerDone) {
        headerDone = true;
        values.forEach((v, col) => {
          const h = normalizeHeader(cellText(v));
          const match = def.columns.find((c) => normalizeHeader(c.header) === h);
          if (match && !(match.key in columnOf)) columnOf[match.key] = col;
        });
        const missing = def.columns.filter((c) => c.required && !(c.key in columnOf));
        for (const c of missing) {
          errors.push({
            sheet: def.name,
            row: 1,
            column: c.header,
            message: format(MESSAGES.missingHeader[locale], { header: c.header }),
          });
        }
        skip = missing.length > 0;
        continue;
      }
      const out: Record<string, string> = {};
      let any = false;
      for (const c of def.columns) {
        const col = columnOf[c.key];
        const text = col ? cellText(values[col]) : '';
        out[c.key] = text;
        if (text) any = true;
      }
      if (any) list.push({ row: row.number, values: out });
    }
    if (key && headerDone && !skip) rows[key] = list;
  }
  return { rows, errors };
}

// ---- validating ----

export interface ExistingRegister {
  /** section name → id */
  sections: Map<string, number>;
  /** building name → id and section name */
  buildings: Map<string, { id: number; sectionName: string }>;
  /** `${buildingName}\u0000${roomNo}` → unit */
  units: Map<string, { id: number; status: UnitStatus }>;
  /** `${unitId}\u0000${kind}\u0000${name}` → person id */
  people: Map<string, number>;
}

export interface PlannedUnit {
  row: number;
  buildingName: string;
  roomNo: string;
  floor: number;
  areaCentiM2: number;
  status: UnitStatus;
  handoverDate: string | null;
  moveInDate: string | null;
  /** set when the unit exists (update mode) */
  existingId?: number;
  existingStatus?: UnitStatus;
}
export interface PlannedPerson {
  row: number;
  buildingName: string;
  roomNo: string;
  existingUnitId?: number;
  existingId?: number;
  kind: PersonKind;
  name: string;
  phone: string | null;
  relation: string | null;
  isMainContact: boolean;
}
export interface ImportPlan {
  sections: string[];
  buildings: { name: string; sectionName: string; floors: number | null }[];
  units: PlannedUnit[];
  people: PlannedPerson[];
}

const STATUS_WORDS: Record<string, UnitStatus> = {
  空置: 'vacant',
  vacant: 'vacant',
  入住: 'occupied',
  已入住: 'occupied',
  occupied: 'occupied',
  装修中: 'renovating',
  装修: 'renovating',
  renovating: 'renovating',
};
const KIND_WORDS: Record<string, PersonKind> = {
  业主: 'owner',
  owner: 'owner',
  住户: 'resident',
  resident: 'resident',
};
const YES = new Set(['是', 'y', 'yes', '1', 'true', '√']);
const NO = new Set(['否', 'n', 'no', '0', 'false', '']);

const phoneRe = new RegExp(PHONE_PATTERN);
const areaRe = /^\d{1,7}(\.\d{1,2})?$/;

/** '2024-3-5', '2024/03/05', '2024.03.05' → '2024-03-05'; null when not a real date. */
export function parseDate(text: string): string | null {
  if (/^\d{5}(\.\d+)?$/.test(text)) {
    // an Excel date serial (days since 1899-12-30), as date cells arrive without styles
    const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(text)) * 86_400_000);
    return date.toISOString().slice(0, 10);
  }
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** '89.5' → 8950: square metres to exact hundredths, without floating-point rounding. */
export function parseAreaCenti(text: string): number | null {
  if (!areaRe.test(text)) return null;
  const [whole, frac = ''] = text.split('.');
  const centi = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return centi > 0 ? centi : null;
}

export function normalizePhone(text: string): string {
  return text.replace(/[\s()（）]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
}

const unitKey = (building: string, room: string) => `${building}\u0000${room}`;

/**
 * Checks every row of every sheet before anything is written, and turns the good file into a
 * plan. Any error → no plan: a file with a bad row imports nothing.
 */
export function validateImport(
  rows: ParsedWorkbook,
  existing: ExistingRegister,
  options: { locale: Locale; mode: 'create' | 'update' },
): { errors: ImportError[]; plan: ImportPlan | null } {
  const { locale, mode } = options;
  const errors: ImportError[] = [];
  const plan: ImportPlan = { sections: [], buildings: [], units: [], people: [] };
  const err = (
    sheet: SheetKey,
    row: number,
    key: string,
    message: MessageKey,
    params: Record<string, unknown> = {},
  ) => {
    const column = SHEETS[sheet].columns.find((c) => c.key === key)?.header ?? key;
    errors.push({
      sheet: SHEETS[sheet].name,
      row,
      column,
      message: format(MESSAGES[message][locale], params),
    });
  };
  const text = (
    sheet: SheetKey,
    r: ParsedRow,
    key: string,
    max: number,
    required: boolean,
  ): string | null => {
    const v = r.values[key] ?? '';
    if (!v) {
      if (required) err(sheet, r.row, key, 'required');
      return null;
    }
    if (v.length > max) {
      err(sheet, r.row, key, 'tooLong', { max });
      return null;
    }
    return v;
  };

  // 楼栋 sheet: new sections and buildings; known ones must stay in their section
  const fileBuildings = new Map<string, number>();
  const newSections = new Set<string>();
  for (const r of rows.buildings ?? []) {
    const section = text('buildings', r, 'section', 30, true);
    const building = text('buildings', r, 'building', 30, true);
    let floors: number | null = null;
    if (r.values.floors) {
      floors = /^\d{1,3}$/.test(r.values.floors) ? Number(r.values.floors) : Number.NaN;
      if (!(floors >= 1 && floors <= 200)) err('buildings', r.row, 'floors', 'floors');
    }
    if (!section || !building) continue;
    const seen = fileBuildings.get(building);
    if (seen) {
      err('buildings', r.row, 'building', 'duplicateBuilding', { row: seen });
      continue;
    }
    fileBuildings.set(building, r.row);
    const known = existing.buildings.get(building);
    if (known) {
      if (known.sectionName !== section) {
        err('buildings', r.row, 'section', 'buildingOtherSection', {
          name: building,
          section: known.sectionName,
        });
      }
      continue;
    }
    if (!existing.sections.has(section) && !newSections.has(section)) {
      newSections.add(section);
      plan.sections.push(section);
    }
    plan.buildings.push({ name: building, sectionName: section, floors });
  }
  const buildingKnown = (name: string) => existing.buildings.has(name) || fileBuildings.has(name);

  // 房屋 sheet
  const fileUnits = new Map<string, number>();
  for (const r of rows.units ?? []) {
    const building = text('units', r, 'building', 30, true);
    const roomNo = text('units', r, 'roomNo', 20, true);
    let floor: number | null = null;
    const floorText = r.values.floor ?? '';
    if (!floorText) err('units', r.row, 'floor', 'required');
    else if (!/^-?\d{1,3}$/.test(floorText) || Number(floorText) < -5 || Number(floorText) > 200) {
      err('units', r.row, 'floor', 'floor');
    } else floor = Number(floorText);
    let area: number | null = null;
    const areaText = r.values.area ?? '';
    if (!areaText) err('units', r.row, 'area', 'required');
    else {
      area = parseAreaCenti(areaText);
      if (area === null) err('units', r.row, 'area', 'area');
    }
    const statusText = (r.values.status ?? '').toLowerCase();
    const status: UnitStatus | undefined = statusText ? STATUS_WORDS[statusText] : 'vacant';
    if (!status) err('units', r.row, 'status', 'status');
    const dates: Record<'handoverDate' | 'moveInDate', string | null> = {
      handoverDate: null,
      moveInDate: null,
    };
    let datesOk = true;
    for (const key of ['handoverDate', 'moveInDate'] as const) {
      const v = r.values[key] ?? '';
      if (!v) continue;
      dates[key] = parseDate(v);
      if (!dates[key]) {
        err('units', r.row, key, 'date');
        datesOk = false;
      }
    }
    if (datesOk && dates.handoverDate && dates.moveInDate && dates.moveInDate < dates.handoverDate) {
      err('units', r.row, 'moveInDate', 'moveInBeforeHandover');
    }
    if (!building || !roomNo) continue;
    if (!buildingKnown(building)) {
      err('units', r.row, 'building', 'unknownBuilding', { name: building });
      continue;
    }
    const key = unitKey(building, roomNo);
    const seen = fileUnits.get(key);
    if (seen) {
      err('units', r.row, 'roomNo', 'duplicateRoom', { row: seen });
      continue;
    }
    fileUnits.set(key, r.row);
    const known = existing.units.get(key);
    if (known && mode === 'create') {
      err('units', r.row, 'roomNo', 'roomExists', { building, room: roomNo });
      continue;
    }
    if (floor === null || area === null || !status) continue;
    plan.units.push({
      row: r.row,
      buildingName: building,
      roomNo,
      floor,
      areaCentiM2: area,
      status,
      handoverDate: dates.handoverDate,
      moveInDate: dates.moveInDate,
      existingId: known?.id,
      existingStatus: known?.status,
    });
  }

  // 业主及住户 sheet
  const filePeople = new Map<string, number>();
  const mainOf = new Map<string, number>();
  for (const r of rows.people ?? []) {
    const building = text('people', r, 'building', 30, true);
    const roomNo = text('people', r, 'roomNo', 20, true);
    const name = text('people', r, 'name', 30, true);
    const kindText = (r.values.kind ?? '').toLowerCase();
    const kind: PersonKind | undefined = kindText ? KIND_WORDS[kindText] : 'owner';
    if (!kind) err('people', r.row, 'kind', 'kind');
    let phone: string | null = null;
    if (r.values.phone) {
      phone = normalizePhone(r.values.phone);
      if (!phoneRe.test(phone)) err('people', r.row, 'phone', 'phone');
    }
    const relation = text('people', r, 'relation', 20, false);
    const mainText = (r.values.main ?? '').toLowerCase();
    const isMain = YES.has(mainText);
    if (!isMain && !NO.has(mainText)) err('people', r.row, 'main', 'main');
    if (!building || !roomNo || !name || !kind) continue;
    const key = unitKey(building, roomNo);
    const knownUnit = existing.units.get(key);
    if (!fileUnits.has(key) && !knownUnit) {
      if (!buildingKnown(building)) err('people', r.row, 'building', 'unknownBuilding', { name: building });
      else err('people', r.row, 'roomNo', 'unknownRoom', { building, room: roomNo });
      continue;
    }
    const personKey = `${key}\u0000${kind}\u0000${name}`;
    const seen = filePeople.get(personKey);
    if (seen) {
      err('people', r.row, 'name', 'duplicatePerson', { row: seen });
      continue;
    }
    filePeople.set(personKey, r.row);
    if (isMain) {
      const other = mainOf.get(key);
      if (other) err('people', r.row, 'main', 'twoMainContacts', { row: other });
      else mainOf.set(key, r.row);
    }
    plan.people.push({
      row: r.row,
      buildingName: building,
      roomNo,
      existingUnitId: knownUnit?.id,
      existingId: knownUnit ? existing.people.get(`${knownUnit.id}\u0000${kind}\u0000${name}`) : undefined,
      kind,
      name,
      phone,
      relation,
      isMainContact: isMain,
    });
  }
  errors.sort((a, b) => SHEET_ORDER(a.sheet) - SHEET_ORDER(b.sheet) || a.row - b.row);
  return errors.length ? { errors, plan: null } : { errors, plan };
}
const SHEET_ORDER = (name: string) => SHEET_KEYS.findIndex((k) => SHEETS[k].name === name);

// ---- writing ----

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
