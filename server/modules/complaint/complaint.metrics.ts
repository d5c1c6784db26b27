import type { RegisterDirectory } from '../../lib/directory.ts';
import type { MetricDefinition } from '../../lib/metrics.ts';
import { addDays, formatLocal } from '../../lib/time.ts';
import * as repo from './complaint.repository.ts';
import { isExcludedFromRate } from './complaint.rules.ts';

/** the period's last day: its end is exclusive */
const lastDay = (periodEnd: string) => addDays(periodEnd, -1);

/** The complaint metrics; the register's occupied households come from the property module (server/metrics.ts) */
export const createComplaintMetrics = ({
  occupiedHouseholds,
}: Pick<RegisterDirectory, 'occupiedHouseholds'>): MetricDefinition[] => [
  {
    key: 'complaint.rate',
    label: { 'zh-CN': '投诉率', 'en-US': 'Complaint rate' },
    description: {
      'zh-CN':
        '考核期内受理的投诉数（已撤销的不计，列为“不计入”）÷ 考核期最后一天的入住户数（来自房产档案；装修中是否计入按公司考核设置）',
      'en-US':
        'Complaints received in the period (withdrawn ones not counted, listed as such) ÷ occupied households on its last day (from the register; renovating units per the company setting)',
    },
    async compute(ctx) {
      const [rows, households] = await Promise.all([
        repo.complaintsReceived(ctx.db, ctx.projectId, ctx.periodStartAt, ctx.periodEndAt),
        occupiedHouseholds(ctx.db, ctx.projectId, lastDay(ctx.period.end), {
          includeRenovating: ctx.countRenovating,
        }),
      ]);
      const label = (r: (typeof rows)[number]) =>
        `投诉 ${repo.complaintCode(r.id)}（${r.complainant_name}，${formatLocal(r.created_at)}）`;
      // a withdrawn (撤销) or duplicate (重复投诉) complaint was not a failing of the service: shown, not counted
      const counted = rows.filter((r) => !isExcludedFromRate(r.status));
      const excluded = rows.filter((r) => isExcludedFromRate(r.status));
      return {
        type: 'rate',
        numerator: counted.length,
        denominator: households,
        refs: counted.map((r) => ({ entity: 'complaint', id: r.id, label: label(r) })),
        excluded: excluded.map((r) => ({
          entity: 'complaint',
          id: r.id,
          label: r.duplicate_of
            ? `${label(r)} 与 ${repo.complaintCode(r.duplicate_of)} 重复，不计入`
            : `${label(r)} 已撤销，不计入`,
        })),
        note: ctx.countRenovating ? '入住户数含装修中（公司考核设置）' : '入住户数只计“入住”（装修中不计）',
      };
    },
  },
  {
    key: 'complaint.improper',
    label: { 'zh-CN': '投诉处理不当', 'en-US': 'Complaints handled improperly' },
    description: {
      'zh-CN': '考核期内被经理标记为“处理不当”的投诉，每件一例',
      'en-US': 'Complaints a manager marked as handled improperly in the period, one case each',
    },
    async compute(ctx) {
      const rows = await repo.complaintsMarkedImproper(
        ctx.db,
        ctx.projectId,
        ctx.periodStartAt,
        ctx.periodEndAt,
      );
      return {
        type: 'cases',
        cases: rows.map((r) => ({
          ref: {
            entity: 'complaint',
            id: r.id,
            label: `投诉 ${repo.complaintCode(r.id)} 处理不当：${r.improper_reason ?? ''}`,
          },
        })),
      };
    },
  },
];
