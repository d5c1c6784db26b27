import type { Text } from '../../lib/i18n.ts';
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
export const ERROR_HEADER: Text = { 'zh-CN': '错误', 'en-US': 'Errors' };

export const STATUS_LABEL: Record<UnitStatus, string> = {
  vacant: '空置',
  occupied: '入住',
  renovating: '装修中',
};
export const KIND_LABEL: Record<PersonKind, string> = { owner: '业主', resident: '住户' };

export const MESSAGES = {
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
export type MessageKey = keyof typeof MESSAGES;

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
