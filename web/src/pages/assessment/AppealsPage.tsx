import { Segmented, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  APPEAL_STATUSES,
  type AppealListItem,
  type AppealStatus,
  useAppealLocation,
  useAppeals,
} from '../../api/assessment.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState, tableState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';
import { APPEAL_COLOR } from './SheetHeading.tsx';

/** 申诉处理: the appeals the caller may see; the manager decides the pending ones on their sheets. */
export function AppealsPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<AppealStatus | 'all'>('pending');
  const query = useAppeals(status === 'all' ? undefined : status);
  return (
    <div>
      <PageHeader title={t('assessment.menu.appeals')}>
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as AppealStatus | 'all')}
          options={[
            ...APPEAL_STATUSES.map((s) => ({ value: s, label: t(`assessment.appealStatuses.${s}`) })),
            { value: 'all', label: t('common.all') },
          ]}
        />
      </PageHeader>
      <Table<AppealListItem>
        rowKey="id"
        size="middle"
        {...tableState(query)}
        columns={[
          { title: t('assessment.period'), dataIndex: 'period' },
          { title: t('assessment.assessee'), dataIndex: 'assesseeName' },
          { title: t('assessment.assessor'), dataIndex: 'assessorName' },
          { title: t('assessment.project'), dataIndex: 'projectName' },
          { title: t('assessment.rule'), dataIndex: 'rowKey', render: (k: string) => k.split(':')[0] },
          { title: t('assessment.col.actual'), dataIndex: 'rowPoints' },
          { title: t('assessment.appealReason'), dataIndex: 'reason' },
          {
            title: t('assessment.decision'),
            dataIndex: 'status',
            render: (s: AppealListItem['status'], r) => (
              <>
                <Tag color={APPEAL_COLOR[s]}>{t(`assessment.appealStatuses.${s}`)}</Tag>
                {r.decisionReason}
              </>
            ),
          },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          {
            title: t('common.actions'),
            render: (_: unknown, r) => (
              <Link to={`/assessment/sheets/${r.assessmentId}`}>{t('assessment.goToSheet')}</Link>
            ),
          },
        ]}
      />
    </div>
  );
}

/** The page of a RecordRef { entity: 'assessment_appeal' }: the sheet the appeal was made on. */
export function AppealRedirect() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const query = useAppealLocation(id);
  const sheetId = query.data?.assessmentId;
  useEffect(() => {
    if (sheetId) navigate(`/assessment/sheets/${sheetId}`, { replace: true });
  }, [sheetId, navigate]);
  return <QueryState query={query}>{() => null}</QueryState>;
}
