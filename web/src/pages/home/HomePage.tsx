import { Alert, Card, Col, Row, Steps, Typography } from 'antd';
import { Link } from 'react-router';
import { useAccess } from '../../access.ts';
import { useMe } from '../../api/auth.ts';
import { useProjects } from '../../api/project.ts';
import { useChecklist } from '../../api/setup.ts';
import { useI18n } from '../../i18n.tsx';

/** The workbench: the supervisor's day in the order the document gives it. */
export function HomePage() {
  const { t } = useI18n();
  const me = useMe();
  const projects = useProjects();
  const access = useAccess();
  // the administrator sees how far the company's first start is until every step is done
  const checklist = useChecklist(access.role === 'admin');
  const todo = checklist.data && checklist.data.done < checklist.data.total ? checklist.data : null;
  return (
    <div>
      {todo ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('setup.banner', { done: todo.done, total: todo.total })}
          action={<Link to="/setup/checklist">{t('setup.bannerLink')}</Link>}
        />
      ) : null}
      <Typography.Title level={4}>
        {t('home.greeting', { name: me.data?.displayName ?? '' })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('home.projects')}：{projects.data?.map((p) => p.name).join('、') || '—'}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card title={t('home.flowTitle')}>
            <Steps
              orientation="vertical"
              size="small"
              current={-1}
              items={['dress', 'meeting', 'handle', 'admin', 'daily', 'archive'].map((k) => ({
                title: t(`home.flow.${k}.title`),
                content: t(`home.flow.${k}.text`),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
