/**
 * Cases an upheld appeal takes out of a rule's row (申诉成立的案例): the rule then recomputes the row from
 * what is left, so nobody types a new number. Pure, like the rest of the engine.
 *
 * What "taking a case out" means per metric type:
 * - cases, lateness: the case or record is removed;
 * - rate (bands): the record leaves the numerator (the refs are the counted records, e.g. complaints);
 * - categoryRates (target): the record leaves its category's count (denominator); it was disputed as
 *   not done on time, so the on-time count stays, never above the new count.
 */
import type { Exclusion, MetricValue, RecordRef } from './types.ts';

export interface Excluded {
  ref: RecordRef;
  reason: string;
}

const keyOf = (ref: { entity: string; id: number | string }) => `${ref.entity}:${String(ref.id)}`;

/** The exclusions of each rule, by rule key. */
export function exclusionsByRule(exclusions: readonly Exclusion[] | undefined) {
  const byRule = new Map<string, Map<string, string>>();
  for (const e of exclusions ?? []) {
    if (!e || typeof e.ruleKey !== 'string' || !e.ref) continue;
    const rule = byRule.get(e.ruleKey) ?? new Map<string, string>();
    if (!rule.has(keyOf(e.ref))) rule.set(keyOf(e.ref), e.reason ?? '');
    byRule.set(e.ruleKey, rule);
  }
  return byRule;
}

/** The metric value without the excluded records, and the records taken out (as the metric named them). */
export function excludeEvidence(
  value: MetricValue,
  excluded: ReadonlyMap<string, string> | undefined,
): { value: MetricValue; removed: Excluded[] } {
  if (!excluded || excluded.size === 0 || !value || typeof value !== 'object') return { value, removed: [] };
  const removed: Excluded[] = [];
  const seen = new Set<string>();
  const out = (ref: RecordRef) => {
    const key = keyOf(ref);
    if (!excluded.has(key)) return false;
    if (!seen.has(key)) removed.push({ ref, reason: excluded.get(key) ?? '' });
    seen.add(key);
    return true;
  };
  switch (value.type) {
    case 'cases':
      return { value: { ...value, cases: (value.cases ?? []).filter((c) => !out(c.ref)) }, removed };
    case 'lateness':
      return { value: { ...value, records: (value.records ?? []).filter((r) => !out(r.ref)) }, removed };
    case 'rate': {
      const refs = (value.refs ?? []).filter((ref) => !out(ref));
      const numerator = Math.max(0, value.numerator - ((value.refs ?? []).length - refs.length));
      return { value: { ...value, numerator, refs }, removed };
    }
    case 'categoryRates': {
      const categories = (value.categories ?? []).map((c) => {
        const refs = (c.refs ?? []).filter((ref) => !out(ref));
        const denominator = Math.max(0, c.denominator - ((c.refs ?? []).length - refs.length));
        return { ...c, refs, denominator, numerator: Math.min(c.numerator, denominator) };
      });
      return { value: { ...value, categories }, removed };
    }
    default:
      return { value, removed };
  }
}
