import { Card, Col, Row, Steps, Typography } from 'antd';
import { useMe } from '../../api/auth.ts';
import { useProjects } from '../../api/project.ts';
import { useI18n } from '../../i18n.tsx';

/** The workbench: the supervisor's day in the order the document gives it. */
export function HomePage() {
  const { t } = useI18n();
  const me = useMe();
  const projects = useProjects();
  return (
    <div>
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
