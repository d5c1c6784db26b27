import { Descriptions, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { AppealStatus, AssessmentStatus, Sheet } from '../../api/assessment.ts';
import { formatDateTime } from '../../components/format.ts';
import { useI18n } from '../../i18n.tsx';

export const STATUS_COLOR: Record<AssessmentStatus, string> = {
  draft: 'default',
  published: 'blue',
  finalized: 'green',
};

export const APPEAL_COLOR: Record<AppealStatus, string> = {
  pending: 'orange',
  upheld: 'green',
  rejected: 'red',
};

/** Who, which period, by whom, its state and total: the head of the sheet (screen and print). */
export function SheetHeading({ sheet }: { sheet: Sheet }) {
  const { t } = useI18n();
  const a = sheet.assessment;
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t('assessment.assessee')}>{a.assesseeName}</Descriptions.Item>
      <Descriptions.Item label={t('assessment.project')}>{a.projectName}</Descriptions.Item>
      <Descriptions.Item label={t('assessment.period')}>
        {a.period}（{a.periodStart} ~ {dayjs(a.periodEnd).subtract(1, 'day').format('YYYY-MM-DD')}）
      </Descriptions.Item>
      <Descriptions.Item label={t('assessment.assessor')}>{a.assessorName}</Descriptions.Item>
      <Descriptions.Item label={t('assessment.status')}>
        <Tag color={STATUS_COLOR[a.status]} data-testid="sheet-status">
          {t(`assessment.statuses.${a.status}`)}
        </Tag>
        {t('assessment.revisionN', { n: a.revision })}
      </Descriptions.Item>
      <Descriptions.Item label={t('assessment.total')}>
        <Typography.Text strong style={{ fontSize: 18 }}>
          {sheet.total}
        </Typography.Text>{' '}
        / {sheet.fullMarks}
      </Descriptions.Item>
      {a.appealDeadline ? (
        <Descriptions.Item label={t('assessment.appealDeadline')}>
          {formatDateTime(a.appealDeadline)}
          {a.status === 'published' && !sheet.appealWindowOpen ? (
            <Tag style={{ marginLeft: 8 }}>{t('assessment.appealWindowClosed')}</Tag>
          ) : null}
        </Descriptions.Item>
      ) : null}
      {a.revisionReason ? (
        <Descriptions.Item label={t('assessment.reviseReason')} span={2}>
          {a.revisionReason}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}
