/**
 * Exact points (issue 12, finding 4): a manual deduction is refused with a message on its field, never
 * changed — negative, more than two decimals, or more than its rule may deduct (扣减分数). Valid values
 * such as 1.15, 0.29 and 2.3 are kept exactly (integer hundredths in storage).
 */
import type { Actor } from '../../lib/actor.ts';
import { commonErrors } from '../../lib/errors.ts';
import type { Text } from '../../lib/i18n.ts';
import type { TManualEntryInput } from './assessment.schemas.ts';
import { formatHundredths, hasAtMostTwoDecimals, multiplyHundredths, toHundredths } from './engine/exact.ts';
import type { SchemeItem, SchemeRule } from './engine/types.ts';

function refuse(actor: Actor, field: string, message: Text): never {
  throw commonErrors.VALIDATION({}, [{ field, message: message[actor.locale] }]);
}

/** The rule a manual row names, checked: its quantity and points exact, within the rule's cap. */
export function checkManualEntry(actor: Actor, items: SchemeItem[], input: TManualEntryInput): SchemeRule {
  const rule = items.flatMap((item) => item.rules).find((r) => r.key === input.ruleKey);
  if (!rule)
    refuse(actor, 'ruleKey', { 'zh-CN': '方案中没有这条考核办法', 'en-US': 'No such rule in the scheme' });
  if (!hasAtMostTwoDecimals(input.quantity) || input.quantity <= 0) {
    refuse(actor, 'quantity', {
      'zh-CN': '数量必须大于 0，且最多保留两位小数',
      'en-US': 'The quantity must be above 0 with at most two decimals',
    });
  }
  const given = input.points !== undefined && input.points !== null;
  if (given) {
    const points = input.points as number;
    if (points < 0) {
      refuse(actor, 'points', {
        'zh-CN': '扣分不能为负数',
        'en-US': 'A deduction cannot be negative',
      });
    }
    if (!hasAtMostTwoDecimals(points)) {
      refuse(actor, 'points', {
        'zh-CN': '扣分最多保留两位小数',
        'en-US': 'Points allow at most two decimals',
      });
    }
  } else if (rule.pointsPerUnit === 0) {
    refuse(actor, 'points', {
      'zh-CN': `第 ${rule.key} 条没有单位扣分，请填写扣分分值`,
      'en-US': `Rule ${rule.key} has no points per case: give the points`,
    });
  }
  const centi = given
    ? toHundredths(input.points as number)
    : multiplyHundredths(toHundredths(input.quantity), toHundredths(rule.pointsPerUnit));
  const cap = toHundredths(rule.cap);
  if (centi > cap) {
    const shown = formatHundredths(centi);
    const max = formatHundredths(cap);
    refuse(actor, given ? 'points' : 'quantity', {
      'zh-CN': `扣分 ${shown} 分超过第 ${rule.key} 条的扣减分数 ${max} 分`,
      'en-US': `${shown} points exceed the maximum deduction of rule ${rule.key} (${max})`,
    });
  }
  return rule;
}
