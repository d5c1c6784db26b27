import { DatePicker, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  type AssessmentStatus,
  useAssessmentSettings,
  useRanking,
  useSchemes,
} from '../../api/assessment.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { tableState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';
import { STATUS_COLOR } from './SheetHeading.tsx';

/** 考核排名: the assessees of one position in one period, by score. */
export function RankingPage() {
  const { t } = useI18n();
  const settings = useAssessmentSettings();
  const schemes = useSchemes();
  // ?period=YYYY-MM opens a given month (a link to a ranking); otherwise the month before the current one
  const [params] = useSearchParams();
  const linked = params.get('period');
  const [period, setPeriod] = useState<Dayjs | null>(
    linked && /^\d{4}-\d{2}$/.test(linked) ? dayjs(`${linked}-01`) : null,
  );
  const [positionCode, setPositionCode] = useState('HOUSING-OFFICER');
  const current =
    period ?? (settings.data ? dayjs(`${settings.data.currentPeriod}-01`).subtract(1, 'month') : null);
  const p = current?.format('YYYY-MM');
  const query = useRanking({ period: p, positionCode });
  const positions = [...new Set((schemes.data ?? []).map((s) => s.positionCode))];
  return (
    <div>
      <PageHeader title={t('assessment.menu.ranking')}>
        <Space wrap>
          <DatePicker picker="month" value={current} onChange={setPeriod} allowClear={false} />
          <Select
            style={{ width: 180 }}
            value={positionCode}
            onChange={setPositionCode}
            options={positions.map((code) => ({ value: code, label: t(`assessment.positions.${code}`) }))}
          />
        </Space>
      </PageHeader>
      <Table
        rowKey="id"
        {...tableState(query)}
        pagination={false}
        data-testid="ranking"
        columns={[
          { title: t('assessment.rank'), dataIndex: 'rank', width: 80 },
          {
            title: t('assessment.assessee'),
            dataIndex: 'assesseeName',
            render: (n: string, r) => <Link to={`/assessment/sheets/${r.id}`}>{n}</Link>,
          },
          { title: t('assessment.project'), dataIndex: 'projectName' },
          { title: t('assessment.total'), dataIndex: 'total' },
          {
            title: t('assessment.status'),
            dataIndex: 'status',
            render: (s: AssessmentStatus) => (
              <Tag color={STATUS_COLOR[s]}>{t(`assessment.statuses.${s}`)}</Tag>
            ),
          },
        ]}
      />
    </div>
  );
}
