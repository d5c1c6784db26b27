import type { RecordRef } from './types.ts';

/**
 * Orderings that do not depend on the input's order or on the machine's locale: strings compare by UTF-16
 * code unit (not localeCompare, whose collation differs between ICU builds), numeric ids numerically and
 * before string ids.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Numbers ascending; NaN sorts last so a comparator stays consistent on bad data. */
export function compareNumbers(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareIds(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return compareNumbers(a, b);
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return compareStrings(a, b);
}

export function compareRefs(a: RecordRef, b: RecordRef): number {
  return (
    compareStrings(a.entity, b.entity) ||
    compareIds(a.id, b.id) ||
    // a ref without label sorts before the same ref with one
    compareStrings(a.label === undefined ? '' : `_${a.label}`, b.label === undefined ? '' : `_${b.label}`)
  );
}

function sameRecord(a: RecordRef, b: RecordRef): boolean {
  return a.entity === b.entity && a.id === b.id;
}

/** Copies, sorts by entity then id, and keeps one ref per record (the first after sorting). */
export function normalizeEvidence(refs: readonly RecordRef[]): RecordRef[] {
  const sorted = refs
    .map((ref) => (ref.label === undefined ? { entity: ref.entity, id: ref.id } : { ...ref }))
    .sort(compareRefs);
  const out: RecordRef[] = [];
  for (const ref of sorted) {
    if (out.length === 0 || !sameRecord(out[out.length - 1], ref)) out.push(ref);
  }
  return out;
}
