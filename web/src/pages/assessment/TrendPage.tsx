import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Select, Skeleton } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useAccess } from '../../access.ts';
import { assessmentApi } from '../../api/assessment.ts';
import { useMe } from '../../api/auth.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n.tsx';

const TrendChart = lazy(() => import('./TrendChart.tsx'));

/** 得分趋势: one person's scores over the last twelve periods; managers and supervisors pick the person. */
export function TrendPage() {
  const { t } = useI18n();
  const me = useMe();
  const [userId, setUserId] = useState<number | undefined>();
  const { canViewOthersTrend: canPick } = useAccess();
  const people = useQuery({
    queryKey: ['assessment-assessees'],
    queryFn: () => assessmentApi.assessees(),
    enabled: canPick,
  });
  const query = useQuery({
    queryKey: ['assessment-trend', userId ?? 'me'],
    queryFn: () => assessmentApi.trend({ userId }),
  });
  const data = query.data;
  const hasData = data?.points.some((p) => p.total !== null);
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
        {!data ? (
          <Skeleton active />
        ) : hasData ? (
          <Suspense fallback={<Skeleton active />}>
            <div data-testid="trend-chart">
              <TrendChart points={data.points} name={name} />
            </div>
          </Suspense>
        ) : (
          <Empty description={t('assessment.noData')} />
        )}
      </Card>
    </div>
  );
}
