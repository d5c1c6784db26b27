/**
 * Checking an import before anything is written: every row of every sheet, column by column, against
 * the file itself and what the register already holds. A good file becomes a plan; any error, no plan.
 */
import type { Locale } from '../../lib/i18n.ts';
import { format } from '../../lib/i18n.ts';
import { addDays } from '../../lib/time.ts';
import { PHONE_PATTERN } from './property.schemas.ts';
import {
  type ImportError,
  MESSAGES,
  type MessageKey,
  type ParsedRow,
  type ParsedWorkbook,
  SHEET_KEYS,
  SHEETS,
  type SheetKey,
} from './property.sheets.ts';
import type { PersonKind, UnitStatus } from './property.tables.ts';

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
    return addDays('1899-12-30', Math.floor(Number(text)));
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

/** Collects the errors of one check, in the caller's language. */
class Findings {
  readonly errors: ImportError[] = [];
  private readonly locale: Locale;
  constructor(locale: Locale) {
    this.locale = locale;
  }

  add(sheet: SheetKey, row: number, key: string, message: MessageKey, params: Record<string, unknown> = {}) {
    const column = SHEETS[sheet].columns.find((c) => c.key === key)?.header ?? key;
    this.errors.push({
      sheet: SHEETS[sheet].name,
      row,
      column,
      message: format(MESSAGES[message][this.locale], params),
    });
  }

  /** A text cell: required or not, at most `max` characters; null when empty or wrong. */
  text(sheet: SheetKey, r: ParsedRow, key: string, max: number, required: boolean): string | null {
    const v = r.values[key] ?? '';
    if (!v) {
      if (required) this.add(sheet, r.row, key, 'required');
      return null;
    }
    if (v.length > max) {
      this.add(sheet, r.row, key, 'tooLong', { max });
      return null;
    }
    return v;
  }
}

/** What the sheets checked so far have named: the buildings and rooms of the file, by row. */
interface FileNames {
  buildings: Map<string, number>;
  units: Map<string, number>;
}

// ---- 楼栋 sheet: new sections and buildings; known ones must stay in their section ----

function checkFloors(f: Findings, r: ParsedRow): number | null {
  if (!r.values.floors) return null;
  const floors = /^\d{1,3}$/.test(r.values.floors) ? Number(r.values.floors) : Number.NaN;
  if (!(floors >= 1 && floors <= 200)) f.add('buildings', r.row, 'floors', 'floors');
  return floors;
}

function checkBuildings(
  f: Findings,
  rows: ParsedRow[],
  existing: ExistingRegister,
  plan: ImportPlan,
  file: FileNames,
) {
  const newSections = new Set<string>();
  for (const r of rows) {
    const section = f.text('buildings', r, 'section', 30, true);
    const building = f.text('buildings', r, 'building', 30, true);
    const floors = checkFloors(f, r);
    if (!section || !building) continue;
    const seen = file.buildings.get(building);
    if (seen) {
      f.add('buildings', r.row, 'building', 'duplicateBuilding', { row: seen });
      continue;
    }
    file.buildings.set(building, r.row);
    const known = existing.buildings.get(building);
    if (known) {
      if (known.sectionName !== section) {
        f.add('buildings', r.row, 'section', 'buildingOtherSection', {
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
}

// ---- 房屋 sheet ----

function checkFloor(f: Findings, r: ParsedRow): number | null {
  const text = r.values.floor ?? '';
  if (!text) f.add('units', r.row, 'floor', 'required');
  else if (!/^-?\d{1,3}$/.test(text) || Number(text) < -5 || Number(text) > 200) {
    f.add('units', r.row, 'floor', 'floor');
  } else return Number(text);
  return null;
}

function checkArea(f: Findings, r: ParsedRow): number | null {
  const text = r.values.area ?? '';
  if (!text) {
    f.add('units', r.row, 'area', 'required');
    return null;
  }
  const area = parseAreaCenti(text);
  if (area === null) f.add('units', r.row, 'area', 'area');
  return area;
}

function checkStatus(f: Findings, r: ParsedRow): UnitStatus | undefined {
  const text = (r.values.status ?? '').toLowerCase();
  const status: UnitStatus | undefined = text ? STATUS_WORDS[text] : 'vacant';
  if (!status) f.add('units', r.row, 'status', 'status');
  return status;
}

/** 交房日期 and 入住日期: real dates, and move-in not before handover. */
function checkDates(f: Findings, r: ParsedRow) {
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
      f.add('units', r.row, key, 'date');
      datesOk = false;
    }
  }
  if (datesOk && dates.handoverDate && dates.moveInDate && dates.moveInDate < dates.handoverDate) {
    f.add('units', r.row, 'moveInDate', 'moveInBeforeHandover');
  }
  return dates;
}

function checkUnits(
  f: Findings,
  rows: ParsedRow[],
  existing: ExistingRegister,
  plan: ImportPlan,
  file: FileNames,
  mode: 'create' | 'update',
) {
  for (const r of rows) {
    const building = f.text('units', r, 'building', 30, true);
    const roomNo = f.text('units', r, 'roomNo', 20, true);
    const floor = checkFloor(f, r);
    const area = checkArea(f, r);
    const status = checkStatus(f, r);
    const dates = checkDates(f, r);
    if (!building || !roomNo) continue;
    if (!existing.buildings.has(building) && !file.buildings.has(building)) {
      f.add('units', r.row, 'building', 'unknownBuilding', { name: building });
      continue;
    }
    const key = unitKey(building, roomNo);
    const seen = file.units.get(key);
    if (seen) {
      f.add('units', r.row, 'roomNo', 'duplicateRoom', { row: seen });
      continue;
    }
    file.units.set(key, r.row);
    const known = existing.units.get(key);
    if (known && mode === 'create') {
      f.add('units', r.row, 'roomNo', 'roomExists', { building, room: roomNo });
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
}

// ---- 业主及住户 sheet ----

/** The columns of one person's row that need no other row to check. */
function personCells(f: Findings, r: ParsedRow) {
  const building = f.text('people', r, 'building', 30, true);
  const roomNo = f.text('people', r, 'roomNo', 20, true);
  const name = f.text('people', r, 'name', 30, true);
  const kindText = (r.values.kind ?? '').toLowerCase();
  const kind: PersonKind | undefined = kindText ? KIND_WORDS[kindText] : 'owner';
  if (!kind) f.add('people', r.row, 'kind', 'kind');
  let phone: string | null = null;
  if (r.values.phone) {
    phone = normalizePhone(r.values.phone);
    if (!phoneRe.test(phone)) f.add('people', r.row, 'phone', 'phone');
  }
  const relation = f.text('people', r, 'relation', 20, false);
  const mainText = (r.values.main ?? '').toLowerCase();
  const isMain = YES.has(mainText);
  if (!isMain && !NO.has(mainText)) f.add('people', r.row, 'main', 'main');
  return { building, roomNo, name, kind, phone, relation, isMain };
}

function checkPeople(
  f: Findings,
  rows: ParsedRow[],
  existing: ExistingRegister,
  plan: ImportPlan,
  file: FileNames,
) {
  const filePeople = new Map<string, number>();
  const mainOf = new Map<string, number>();
  for (const r of rows) {
    const { building, roomNo, name, kind, phone, relation, isMain } = personCells(f, r);
    if (!building || !roomNo || !name || !kind) continue;
    const key = unitKey(building, roomNo);
    const knownUnit = existing.units.get(key);
    if (!file.units.has(key) && !knownUnit) {
      if (!existing.buildings.has(building) && !file.buildings.has(building)) {
        f.add('people', r.row, 'building', 'unknownBuilding', { name: building });
      } else f.add('people', r.row, 'roomNo', 'unknownRoom', { building, room: roomNo });
      continue;
    }
    const personKey = `${key}\u0000${kind}\u0000${name}`;
    const seen = filePeople.get(personKey);
    if (seen) {
      f.add('people', r.row, 'name', 'duplicatePerson', { row: seen });
      continue;
    }
    filePeople.set(personKey, r.row);
    if (isMain) {
      const other = mainOf.get(key);
      if (other) f.add('people', r.row, 'main', 'twoMainContacts', { row: other });
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
}

const SHEET_ORDER = (name: string) => SHEET_KEYS.findIndex((k) => SHEETS[k].name === name);

/**
 * Checks every row of every sheet before anything is written, and turns the good file into a
 * plan. Any error → no plan: a file with a bad row imports nothing.
 */
export function validateImport(
  rows: ParsedWorkbook,
  existing: ExistingRegister,
  options: { locale: Locale; mode: 'create' | 'update' },
): { errors: ImportError[]; plan: ImportPlan | null } {
  const findings = new Findings(options.locale);
  const plan: ImportPlan = { sections: [], buildings: [], units: [], people: [] };
  const file: FileNames = { buildings: new Map(), units: new Map() };
  checkBuildings(findings, rows.buildings ?? [], existing, plan, file);
  checkUnits(findings, rows.units ?? [], existing, plan, file, options.mode);
  checkPeople(findings, rows.people ?? [], existing, plan, file);
  const errors = findings.errors;
  errors.sort((a, b) => SHEET_ORDER(a.sheet) - SHEET_ORDER(b.sheet) || a.row - b.row);
  return errors.length ? { errors, plan: null } : { errors, plan };
}
