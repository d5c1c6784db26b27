import { Card, Select, Skeleton } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useAccess } from '../../access.ts';
import { useAssessees, useTrend } from '../../api/assessment.ts';
import { useMe } from '../../api/auth.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';

const TrendChart = lazy(() => import('./TrendChart.tsx'));

/** 得分趋势: one person's scores over the last twelve periods; managers and supervisors pick the person. */
export function TrendPage() {
  const { t } = useI18n();
  const me = useMe();
  const [userId, setUserId] = useState<number | undefined>();
  const { canViewOthersTrend: canPick } = useAccess();
  const people = useAssessees(undefined, canPick);
  const query = useTrend({ userId });
  const data = query.data;
  const name = data?.name ?? me.data?.displayName ?? '';
  return (
    <div>
      <PageHeader title={t('assessment.menu.trend')}>
        {canPick ? (
          <Select
            style={{ width: 240 }}
            placeholder={t('assessment.person')}
            value={userId}
            onChange={setUserId}
            allowClear
            options={[
              { value: me.data?.id, label: me.data?.displayName },
              ...(people.data ?? []).map((p) => ({
                value: p.userId,
                label: `${p.name}（${p.positionName ?? ''}）`,
              })),
            ]}
          />
        ) : null}
      </PageHeader>
      <Card title={t('assessment.trendOf', { name })}>
        <QueryState
          query={query}
          isEmpty={(trend) => !trend.points.some((p) => p.total !== null)}
          empty={t('assessment.noData')}
        >
          {(trend) => (
            <Suspense fallback={<Skeleton active />}>
              <div data-testid="trend-chart">
                <TrendChart points={trend.points} name={name} />
              </div>
            </Suspense>
          )}
        </QueryState>
      </Card>
    </div>
  );
}
