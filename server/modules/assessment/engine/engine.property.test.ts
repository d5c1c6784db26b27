import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { supervisorSchemeTemplate } from '../assessment.templates.ts';
import { computeAssessment } from './engine.ts';
import type {
  Adjustment,
  Band,
  EngineInput,
  ManualEntry,
  MetricValue,
  RecordRef,
  RuleKind,
  Scheme,
  SchemeItem,
  SchemeRule,
} from './types.ts';

// FC_NUM_RUNS=5000 for a deeper search before a release; 100 runs per property keep the suite fast.
fc.configureGlobal({ numRuns: Number(process.env.FC_NUM_RUNS) || 100 });

const metricKeys = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5'];
const kinds: RuleKind[] = ['count', 'lateness', 'bands', 'target', 'manual'];

/** Points as the schemes use them: multiples of 0.01, mostly of 0.5 and 0.1. */
const points = (max: number) =>
  fc.oneof(
    fc.integer({ min: 0, max: max * 2 }).map((n) => n / 2),
    fc.integer({ min: 0, max: max * 10 }).map((n) => n / 10),
    fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100),
  );

const recordRef: fc.Arbitrary<RecordRef> = fc.record(
  {
    entity: fc.constantFrom('task', 'repair', 'complaint', 'report'),
    id: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constantFrom('a', 'b', 'T-1', '10', '9')),
    label: fc.constantFrom('甲', '乙'),
  },
  { requiredKeys: ['entity', 'id'] },
);

const band: fc.Arbitrary<Band> = fc.record({
  op: fc.constantFrom('gte', 'gt', 'lt', 'lte'),
  thresholdBp: fc.integer({ min: 0, max: 12000 }),
  points: points(10),
});

const rule = (key: string, seq: number): fc.Arbitrary<SchemeRule> =>
  fc.record({
    key: fc.constant(key),
    seq: fc.constant(seq),
    text: fc.constant(`规则 ${key}`),
    kind: fc.constantFrom(...kinds),
    pointsPerUnit: points(3),
    bands: fc.array(band, { maxLength: 3 }),
    targetBp: fc.integer({ min: 0, max: 10000 }),
    // caps beyond the item weight too: the engine must stay within bounds even on an unvalidated scheme
    cap: points(12),
    metricKey: fc.option(fc.constantFrom(...metricKeys), { nil: null }),
  });

const item = (index: number): fc.Arbitrary<SchemeItem> =>
  fc.integer({ min: 0, max: 4 }).chain((ruleCount) =>
    fc.record({
      key: fc.constant(`i${index}`),
      seq: fc.constant(index),
      name: fc.constant(`项目 ${index}`),
      requirements: fc.constant(''),
      weight: points(30),
      rules: fc.tuple(...Array.from({ length: ruleCount }, (_, j) => rule(`${index}.${j + 1}`, j + 1))),
    }),
  );

const scheme: fc.Arbitrary<Scheme> = fc
  .integer({ min: 1, max: 5 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => item(i))))
  .map((items) => ({ items }));

const quantity = fc.oneof(fc.constant(undefined), fc.integer({ min: -1, max: 4 }), points(3));

const metricValue: fc.Arbitrary<MetricValue> = fc.oneof(
  fc.record({
    type: fc.constant('cases' as const),
    cases: fc.array(fc.record({ ref: recordRef, quantity }, { requiredKeys: ['ref'] }), { maxLength: 15 }),
  }),
  fc.record({
    type: fc.constant('lateness' as const),
    records: fc.array(fc.record({ ref: recordRef, daysLate: fc.integer({ min: -2, max: 6 }) }), {
      maxLength: 6,
    }),
  }),
  fc.record({
    type: fc.constant('rate' as const),
    numerator: fc.oneof(fc.integer({ min: 0, max: 200 }), points(200)),
    denominator: fc.oneof(fc.integer({ min: 0, max: 200 }), points(200)),
    refs: fc.array(recordRef, { maxLength: 5 }),
  }),
  fc.record({
    type: fc.constant('categoryRates' as const),
    categories: fc.array(
      fc.record(
        {
          category: fc.constantFrom('维修', '巡查', '装修', '收费'),
          label: fc.constantFrom('维修类', '巡查类'),
          numerator: fc.integer({ min: 0, max: 100 }),
          denominator: fc.integer({ min: 0, max: 100 }),
          refs: fc.array(recordRef, { maxLength: 3 }),
        },
        { requiredKeys: ['category', 'numerator', 'denominator', 'refs'] },
      ),
      { maxLength: 6 },
    ),
  }),
);

const metrics: fc.Arbitrary<Record<string, MetricValue | undefined>> = fc.dictionary(
  fc.constantFrom(...metricKeys),
  fc.option(metricValue, { nil: undefined }),
);

const manualEntry = (ruleKeys: string[]): fc.Arbitrary<ManualEntry> =>
  fc.record(
    {
      id: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom('a', 'b', '7')),
      ruleKey: fc.constantFrom(...ruleKeys, 'unknown'),
      quantity: fc.integer({ min: 0, max: 5 }),
      points: points(6),
      reason: fc.constantFrom('迟到', '协调不到位', '记录不全'),
      evidence: fc.array(recordRef, { maxLength: 3 }),
      by: fc.constantFrom('manager-1', 'manager-2'),
    },
    { requiredKeys: ['id', 'ruleKey', 'quantity', 'reason'] },
  );

/** Adjustments pick rows by index from a first computation, so most of them hit a real row. */
const adjustmentSeeds = fc.array(
  fc.record({
    index: fc.nat(),
    newPoints: fc.oneof(points(6), fc.constant(-1)),
    reason: fc.constantFrom('申诉成立', '部分成立'),
  }),
  { maxLength: 4 },
);

const engineInput: fc.Arbitrary<EngineInput> = scheme.chain((s) => {
  const ruleKeys = s.items.flatMap((i) => i.rules.map((r) => r.key));
  return fc
    .record({
      metrics,
      manual: fc.array(manualEntry(ruleKeys.length > 0 ? ruleKeys : ['none']), { maxLength: 10 }),
      seeds: adjustmentSeeds,
    })
    .map(({ metrics, manual, seeds }) => {
      const rows = computeAssessment({ scheme: s, metrics, manual }).rows;
      const adjustments: Adjustment[] =
        rows.length === 0
          ? []
          : seeds.map((seed) => ({
              rowKey: rows[seed.index % rows.length].rowKey,
              newPoints: seed.newPoints,
              reason: seed.reason,
            }));
      return { scheme: s, metrics, manual, adjustments };
    });
});

/** A small seeded generator, so a failing shuffle replays from fast-check's seed. */
function shuffler(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return <T>(list: readonly T[]): T[] => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
}

/** The same facts in another order: cases, records, categories, refs, manual entries and adjustments. */
function reorder(input: EngineInput, seed: number): EngineInput {
  const shuffle = shuffler(seed);
  const shuffledMetrics: Record<string, MetricValue | undefined> = {};
  for (const key of shuffle(Object.keys(input.metrics))) {
    const value = input.metrics[key];
    if (value === undefined) {
      shuffledMetrics[key] = undefined;
      continue;
    }
    switch (value.type) {
      case 'cases':
        shuffledMetrics[key] = { type: 'cases', cases: shuffle(value.cases) };
        break;
      case 'lateness':
        shuffledMetrics[key] = { type: 'lateness', records: shuffle(value.records) };
        break;
      case 'rate':
        shuffledMetrics[key] = { ...value, refs: shuffle(value.refs) };
        break;
      case 'categoryRates':
        shuffledMetrics[key] = {
          type: 'categoryRates',
          categories: shuffle(value.categories).map((c) => ({ ...c, refs: shuffle(c.refs) })),
        };
        break;
    }
  }
  // The bands of a rule are a set too: the highest matching band wins whatever its position.
  const scheme: Scheme = {
    items: input.scheme.items.map((item) => ({
      ...item,
      rules: item.rules.map((rule) => (rule.bands ? { ...rule, bands: shuffle(rule.bands) } : rule)),
    })),
  };
  return {
    scheme,
    metrics: shuffledMetrics,
    manual: shuffle(input.manual).map((entry) =>
      entry.evidence ? { ...entry, evidence: shuffle(entry.evidence) } : entry,
    ),
    adjustments: shuffle(input.adjustments ?? []),
  };
}

const isHundredths = (value: number) => Math.round(value * 100) / 100 === value;

describe('assessment engine properties', () => {
  it('keeps the total within [0, fullMarks] and consistent with the items', () => {
    fc.assert(
      fc.property(engineInput, (input) => {
        const result = computeAssessment(input);
        expect(result.total).toBeGreaterThanOrEqual(0);
        expect(result.total).toBeLessThanOrEqual(result.fullMarks);
        const fullMarks = input.scheme.items.reduce((sum, i) => sum + Math.round(i.weight * 100), 0) / 100;
        expect(result.fullMarks).toBe(fullMarks);
        const itemTotal = result.items.reduce((sum, i) => sum + Math.round(i.score * 100), 0) / 100;
        expect(result.total).toBe(itemTotal);
        expect(Math.round((result.total + result.totalDeducted) * 100)).toBe(
          Math.round(result.fullMarks * 100),
        );
      }),
    );
  });

  it('keeps each item score within [0, weight], deducting min(weight, Σ its rows)', () => {
    fc.assert(
      fc.property(engineInput, (input) => {
        const result = computeAssessment(input);
        for (const item of result.items) {
          expect(item.score).toBeGreaterThanOrEqual(0);
          expect(item.score).toBeLessThanOrEqual(item.weight);
          const rowSum = result.rows
            .filter((row) => row.itemKey === item.itemKey)
            .reduce((sum, row) => sum + Math.round(row.points * 100), 0);
          expect(Math.round(item.deducted * 100)).toBe(Math.min(Math.round(item.weight * 100), rowSum));
        }
      }),
    );
  });

  it('keeps Σ row points of each rule within its cap, equal to min(cap, Σ raw) before appeals', () => {
    fc.assert(
      fc.property(engineInput, (input) => {
        const caps = new Map(
          input.scheme.items.flatMap((i) => i.rules.map((r) => [r.key, Math.round(r.cap * 100)])),
        );
        const check = (result: ReturnType<typeof computeAssessment>, exact: boolean) => {
          for (const [ruleKey, cap] of caps) {
            const rows = result.rows.filter((row) => row.ruleKey === ruleKey);
            const sum = rows.reduce((s, row) => s + Math.round(row.points * 100), 0);
            const raw = rows.reduce((s, row) => s + Math.round(row.rawPoints * 100), 0);
            expect(sum).toBeLessThanOrEqual(cap);
            if (exact) expect(sum).toBe(Math.min(cap, raw));
          }
        };
        check(computeAssessment(input), false);
        check(computeAssessment({ ...input, adjustments: [] }), true);
      }),
    );
  });

  it('never lets a row go below 0, above its raw points, or off the 0.01 grid', () => {
    fc.assert(
      fc.property(engineInput, (input) => {
        const result = computeAssessment(input);
        for (const row of result.rows) {
          expect(row.points).toBeGreaterThanOrEqual(0);
          expect(row.points).toBeLessThanOrEqual(row.rawPoints);
          expect(isHundredths(row.points) && isHundredths(row.rawPoints) && isHundredths(row.quantity)).toBe(
            true,
          );
          if (row.adjusted) expect(row.points).toBeLessThanOrEqual(row.adjusted.fromPoints);
          if (row.metricMissing) expect(row.points).toBe(0);
        }
        expect(new Set(result.rows.map((row) => row.rowKey)).size).toBe(result.rows.length);
      }),
    );
  });

  it('only lowers the total when appeals are applied', () => {
    fc.assert(
      fc.property(engineInput, (input) => {
        const withAppeals = computeAssessment(input);
        const without = computeAssessment({ ...input, adjustments: [] });
        expect(withAppeals.total).toBeGreaterThanOrEqual(without.total);
      }),
    );
  });

  it('gives the same output for the same input, without changing the input', () => {
    fc.assert(
      fc.property(engineInput, (input) => {
        const copy = structuredClone(input);
        const first = computeAssessment(input);
        // toEqual: fast-check builds some records without a prototype, structuredClone gives them one
        expect(input).toEqual(copy);
        expect(computeAssessment(copy)).toStrictEqual(first);
      }),
    );
  });

  it('gives identical output whatever the order of cases, records, categories, refs, bands, manual entries and appeals', () => {
    fc.assert(
      fc.property(engineInput, fc.integer(), (input, seed) => {
        expect(computeAssessment(reorder(input, seed))).toStrictEqual(computeAssessment(input));
      }),
    );
  });

  it('sorts every row’s evidence by entity then id, each record once', () => {
    fc.assert(
      fc.property(engineInput, (input) => {
        for (const row of computeAssessment(input).rows) {
          const keys = row.evidence.map((ref) => `${ref.entity}\u0000${typeof ref.id}\u0000${ref.id}`);
          expect(new Set(keys).size).toBe(keys.length);
          for (let i = 1; i < row.evidence.length; i++) {
            const [a, b] = [row.evidence[i - 1], row.evidence[i]];
            const ordered =
              a.entity < b.entity ||
              (a.entity === b.entity &&
                (typeof a.id === typeof b.id ? a.id < b.id : typeof a.id === 'number'));
            expect(ordered).toBe(true);
          }
        }
      }),
    );
  });

  it('scores the supervisor template within 0..100 for any metric values', () => {
    const supervisorMetrics = fc.record({
      'task.overdue': fc
        .array(recordRef, { maxLength: 30 })
        .map((refs): MetricValue => ({ type: 'cases', cases: refs.map((ref) => ({ ref })) })),
      'complaint.rate': fc
        .record({ numerator: fc.nat(300), denominator: fc.nat(1000) })
        .map((r): MetricValue => ({ type: 'rate', ...r, refs: [] })),
      'fee.collectionRate': fc
        .record({ numerator: fc.nat(10000), denominator: fc.nat(10000) })
        .map((r): MetricValue => ({ type: 'rate', ...r, refs: [] })),
      'report.summaryDaysLate': fc.array(fc.integer({ min: -3, max: 10 }), { maxLength: 5 }).map(
        (days): MetricValue => ({
          type: 'lateness',
          records: days.map((daysLate, id) => ({ ref: { entity: 'report', id }, daysLate })),
        }),
      ),
    });
    const ruleKeys = supervisorSchemeTemplate.items.flatMap((i) => i.rules.map((r) => r.key));
    fc.assert(
      fc.property(
        supervisorMetrics,
        fc.array(manualEntry(ruleKeys), { maxLength: 20 }),
        (metrics, manual) => {
          const result = computeAssessment({
            scheme: { items: supervisorSchemeTemplate.items },
            metrics,
            manual,
          });
          expect(result.fullMarks).toBe(100);
          expect(result.total).toBeGreaterThanOrEqual(0);
          expect(result.total).toBeLessThanOrEqual(100);
          // without manual rows on 6.1, fee collection is all or nothing: 5 off exactly when below 98%
          if (!manual.some((entry) => entry.ruleKey === '6.1')) {
            const fee = metrics['fee.collectionRate'] as Extract<MetricValue, { type: 'rate' }>;
            const below = fee.denominator > 0 && fee.numerator * 10000 < 9800 * fee.denominator;
            expect(result.items.find((i) => i.itemKey === '6')!.score).toBe(below ? 0 : 5);
          }
        },
      ),
    );
  });
});
