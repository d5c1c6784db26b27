/**
 * Every row explains itself (SPEC §4.6): the rule's formula with the row's numbers, in words, in both
 * languages — "未按时完成的工作任务：4 项 × 0.5 分 = 2 分，上限 5 分". Built once here from the row's numbers;
 * the sheet, the print view and the Excel all show this text. A rule whose data no module records yet says
 * "数据未接入，请手工录入", never its metric key.
 */
import type { Text } from '../../lib/i18n.ts';
import { type DeductionRow, describeMetric, type SchemeRule } from './engine/engine.ts';

export const NO_DATA_SOURCE: Text = {
  'zh-CN': '数据未接入，请手工录入',
  'en-US': 'No data source yet — enter by hand',
};

/** a number of points or cases as people write it: 2, 1.5, 0.25 */
const n = (value: number) => String(Math.round(value * 100) / 100);

export interface ExplainContext {
  rule: SchemeRule | undefined;
  /** the registered metrics' own labels by key */
  metricLabels: Record<string, Text>;
  /** a manual row: the reason typed with it, and whether its points were typed instead of counted */
  manual?: { reason: string; pointsGiven: boolean };
}

function tail(row: DeductionRow, cap: number, unit: Text): Text {
  const zh: string[] = [];
  const en: string[] = [];
  if (row.rawPoints > 0) {
    zh.push(`上限 ${n(cap)} 分`);
    en.push(`cap ${n(cap)}`);
  }
  if (row.excluded?.length) {
    zh.push(`申诉成立已排除 ${row.excluded.length} ${unit['zh-CN']}`);
    en.push(`${row.excluded.length} excluded on appeal`);
  }
  if (row.adjusted) {
    zh.push(row.points === 0 ? '申诉成立，撤销本条扣分' : `申诉成立，调整为 ${n(row.points)} 分`);
    en.push(row.points === 0 ? 'appeal upheld, deduction removed' : `appeal upheld, now ${n(row.points)}`);
  } else if (row.points < row.rawPoints) {
    zh.push(`实扣 ${n(row.points)} 分`);
    en.push(`${n(row.points)} deducted`);
  }
  return {
    'zh-CN': zh.length ? `，${zh.join('，')}` : '',
    'en-US': en.length ? `, ${en.join(', ')}` : '',
  };
}

/** The row in words, in both languages. */
export function explainRow(row: DeductionRow, ctx: ExplainContext): Text {
  const rule = ctx.rule;
  const ppu = rule?.pointsPerUnit ?? 0;
  const cap = rule?.cap ?? 0;
  if (row.source === 'manual') {
    const reason = ctx.manual?.reason ?? '';
    const how: Text = ctx.manual?.pointsGiven
      ? {
          'zh-CN': `${n(row.quantity)} 项，计 ${n(row.rawPoints)} 分`,
          'en-US': `${n(row.quantity)}, ${n(row.rawPoints)} points`,
        }
      : {
          'zh-CN': `${n(row.quantity)} 项 × ${n(ppu)} 分 = ${n(row.rawPoints)} 分`,
          'en-US': `${n(row.quantity)} × ${n(ppu)} = ${n(row.rawPoints)} points`,
        };
    const t = tail(row, cap, { 'zh-CN': '项', 'en-US': '' });
    return {
      'zh-CN': `人工扣分：${reason}（${how['zh-CN']}${t['zh-CN']}）`,
      'en-US': `Manual deduction: ${reason} (${how['en-US']}${t['en-US']})`,
    };
  }
  if (row.metricMissing || !rule?.metricKey) return NO_DATA_SOURCE;
  const metric = describeMetric(rule.metricKey, ctx.metricLabels);
  const label: Text = { 'zh-CN': metric['zh-CN'], 'en-US': metric['en-US'] };
  const unit: Text = { 'zh-CN': metric.unit, 'en-US': '' };
  const t = tail(row, cap, unit);
  const nothing = row.rawPoints === 0 && !row.excluded?.length;
  // the engine's words for a band or target rule carry the rate; the cap is said once, by tail()
  const rate = row.detail.replace(/；超出本条上限.*$/, '');
  switch (rule.kind) {
    case 'count':
      return nothing
        ? {
            'zh-CN': `${label['zh-CN']}：0 ${metric.unit}，不扣分`,
            'en-US': `${label['en-US']}: none, nothing deducted`,
          }
        : {
            'zh-CN': `${label['zh-CN']}：${n(row.quantity)} ${metric.unit} × ${n(ppu)} 分 = ${n(row.rawPoints)} 分${t['zh-CN']}`,
            'en-US': `${label['en-US']}: ${n(row.quantity)} × ${n(ppu)} = ${n(row.rawPoints)} points${t['en-US']}`,
          };
    case 'lateness':
      return nothing
        ? {
            'zh-CN': `${label['zh-CN']}：无推迟，不扣分`,
            'en-US': `${label['en-US']}: none late, nothing deducted`,
          }
        : {
            'zh-CN': `${label['zh-CN']}：推迟 ${n(row.quantity)} 天 × ${n(ppu)} 分 = ${n(row.rawPoints)} 分${t['zh-CN']}`,
            'en-US': `${label['en-US']}: ${n(row.quantity)} days late × ${n(ppu)} = ${n(row.rawPoints)} points${t['en-US']}`,
          };
    case 'target':
      return nothing
        ? {
            'zh-CN': rate,
            'en-US': `${label['en-US']}: every category on target, nothing deducted`,
          }
        : {
            'zh-CN': `${rate}${t['zh-CN']}`,
            'en-US': `${label['en-US']}: ${n(row.quantity)} categories below target × ${n(ppu)} = ${n(row.rawPoints)} points${t['en-US']}`,
          };
    default:
      // bands: the engine's words carry the rate and the band it reached
      return nothing
        ? {
            'zh-CN': rate,
            'en-US': `${label['en-US']}: below the deduction threshold, nothing deducted`,
          }
        : {
            'zh-CN': `${rate}${t['zh-CN']}`,
            'en-US': `${label['en-US']}: band reached, ${n(row.rawPoints)} points${t['en-US']}`,
          };
  }
}
