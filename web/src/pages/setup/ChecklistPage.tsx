import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Grid, List, Progress, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useAccess } from '../../access.ts';
import { type Checklist, useChecklist, useConfirmStep } from '../../api/setup.ts';
import { showError } from '../../components/errors.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';

/** Where each step is done. */
const STEP_PAGES: Record<Checklist['steps'][number]['key'], string> = {
  project: '/admin/projects',
  buildings: '/property/register',
  units: '/property/import',
  staff: '/staff/employees',
  accounts: '/admin/users',
  officers: '/property/areas',
  calendar: '/admin/calendar',
  scheme: '/assessment/schemes',
};

/** 开始使用 What a company enters before its first repair, each step ticked when its data exists. */
export function ChecklistPage() {
  const { t } = useI18n();
  const access = useAccess();
  const list = useChecklist();
  const confirm = useConfirmStep();
  // on a phone the step's buttons go below its text, which keeps the whole width
  const wide = Grid.useBreakpoint().md ?? true;
  return (
    <div>
      <Typography.Title level={4}>{t('setup.checklistTitle')}</Typography.Title>
      <QueryState query={list}>
        {(data) => (
          <Card>
            <Space orientation="vertical" style={{ width: '100%' }} size="middle">
              <Typography.Text>
                {t('setup.checklistIntro', { company: data.companyName, done: data.done, total: data.total })}
              </Typography.Text>
              <Progress
                percent={Math.round((data.done / data.total) * 100)}
                aria-label={t('setup.progress')}
              />
              <List
                itemLayout={wide ? 'horizontal' : 'vertical'}
                dataSource={data.steps}
                renderItem={(step, index) => (
                  <List.Item
                    data-step={step.key}
                    actions={[
                      step.manual && access.role === 'admin' ? (
                        <Checkbox
                          key="confirm"
                          checked={step.done}
                          disabled={confirm.isPending}
                          onChange={(e) =>
                            confirm
                              .mutateAsync({
                                step: step.key as 'calendar' | 'scheme',
                                confirmed: e.target.checked,
                              })
                              .catch((err) => showError(err))
                          }
                        >
                          {t('setup.confirmed')}
                        </Checkbox>
                      ) : null,
                      <Link key="go" to={STEP_PAGES[step.key]}>
                        <Button size="small" type={step.done ? 'default' : 'primary'}>
                          {t(step.done ? 'setup.open' : 'setup.go')}
                        </Button>
                      </Link>,
                    ].filter(Boolean)}
                  >
                    <List.Item.Meta
                      avatar={
                        step.done ? (
                          <CheckCircleFilled
                            style={{ color: '#52c41a', fontSize: 20 }}
                            aria-label={t('setup.done')}
                          />
                        ) : (
                          <ClockCircleOutlined
                            style={{ color: '#bfbfbf', fontSize: 20 }}
                            aria-label={t('setup.todo')}
                          />
                        )
                      }
                      title={
                        <Space>
                          <span>
                            {index + 1}. {t(`setup.steps.${step.key}.title`)}
                          </span>
                          {step.count !== null && step.count > 0 ? (
                            <Tag>{t('setup.count', { count: step.count })}</Tag>
                          ) : null}
                        </Space>
                      }
                      description={t(`setup.steps.${step.key}.text`)}
                    />
                  </List.Item>
                )}
              />
            </Space>
          </Card>
        )}
      </QueryState>
    </div>
  );
}
