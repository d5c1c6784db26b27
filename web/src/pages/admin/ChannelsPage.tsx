import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Form, Input, Select, Space, Switch, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import {
  CHANNEL_KINDS,
  type Channel,
  type ChannelInput,
  DELIVERY_STATUSES,
  type Delivery,
  NOTIFY_EVENTS,
  notifyApi,
  notifyKeys,
  useChannels,
  useSaveChannel,
  useTestChannel,
} from '../../api/notify.ts';
import { useProjects } from '../../api/project.ts';
import { AuditHistoryButton } from '../../components/AuditHistory.tsx';
import { showError } from '../../components/errors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { tableState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';

/** an event's label: the locale keys spell `repair_order.overdue` as `repair_order_overdue` */
const eventKey = (event: string) => `notify.eventNames.${event.replaceAll('.', '_')}`;

const STATUS_COLORS = { pending: 'gold', sent: 'green', failed: 'red' } as const;

/**
 * 消息通道 Where PropDesk tells people outside the app: a project's WeCom group robot or e-mail list,
 * with the events each hears, a test button, and the log of what was sent.
 */
export function ChannelsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const channels = useChannels();
  const projects = useProjects();
  const save = useSaveChannel();
  const test = useTestChannel();
  const [editing, setEditing] = useState<Channel | null | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const projectName = (id: number) => projects.data?.find((p) => p.id === id)?.name ?? id;
  const channelName = (id: number) => channels.data?.find((c) => c.id === id)?.name ?? id;

  const sendTest = async (row: Channel) => {
    try {
      const result = await test.mutateAsync(row.id);
      if (result.ok) message.success(t('notify.testOk'));
      else message.error(t('notify.testFailed', { error: result.error ?? '' }));
    } catch (e) {
      showError(e);
    }
  };

  return (
    <div>
      <PageHeader
        title={t('notify.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('notify.new')}
          </Button>
        }
      />
      <Table<Channel>
        rowKey="id"
        {...tableState(channels)}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('common.project'), dataIndex: 'projectId', render: (id: number) => projectName(id) },
          { title: t('notify.name'), dataIndex: 'name', width: 160 },
          { title: t('notify.kind'), dataIndex: 'kind', render: (k: string) => t(`notify.kinds.${k}`) },
          {
            title: t('notify.target'),
            dataIndex: 'target',
            render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v}</span>,
          },
          {
            title: t('notify.events'),
            dataIndex: 'events',
            render: (events: string[]) => (
              <Space size={[0, 4]} wrap>
                {events.map((e) => (
                  <Tag key={e}>{t(eventKey(e))}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('common.status'),
            key: 'status',
            render: (_: unknown, row) =>
              !row.active ? (
                <Tag>{t('notify.off')}</Tag>
              ) : row.lastStatus ? (
                <Tooltip title={row.lastError ?? formatDateTime(row.lastAt)}>
                  <Tag color={STATUS_COLORS[row.lastStatus]}>{t(`notify.statuses.${row.lastStatus}`)}</Tag>
                </Tooltip>
              ) : (
                <Tag>{t('notify.nothingYet')}</Tag>
              ),
          },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_: unknown, row) => (
              <Space wrap>
                <Button size="small" onClick={() => setEditing(row)}>
                  {t('common.edit')}
                </Button>
                <Button
                  size="small"
                  icon={<SendOutlined />}
                  loading={test.isPending && test.variables === row.id}
                  onClick={() => void sendTest(row)}
                >
                  {t('notify.test')}
                </Button>
                <AuditHistoryButton entity="notify_channel" id={row.id} />
              </Space>
            ),
          },
        ]}
      />
      <Card
        title={t('notify.log')}
        style={{ marginTop: 16 }}
        extra={
          <Select
            allowClear
            placeholder={t('common.status')}
            style={{ width: 140 }}
            value={status}
            onChange={setStatus}
            options={DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`notify.statuses.${s}`) }))}
          />
        }
      >
        <PagedTable<Delivery>
          queryKey={notifyKeys.deliveries({ status: status as never })}
          fetch={(p) => notifyApi.deliveries({ ...p, status: status as never })}
          scroll={{ x: 800 }}
          columns={[
            { title: t('notify.createdAt'), dataIndex: 'createdAt', render: formatDateTime, width: 160 },
            { title: t('notify.channel'), dataIndex: 'channelId', render: (id: number) => channelName(id) },
            {
              title: t('notify.event'),
              dataIndex: 'event',
              render: (e: string) => t(eventKey(e)),
            },
            { title: t('notify.text'), dataIndex: 'text' },
            {
              title: t('common.status'),
              dataIndex: 'status',
              render: (s: Delivery['status'], row) => (
                <Tooltip title={row.lastError}>
                  <Tag color={STATUS_COLORS[s]}>{t(`notify.statuses.${s}`)}</Tag>
                </Tooltip>
              ),
            },
            { title: t('notify.attempts'), dataIndex: 'attempts', width: 80 },
            {
              title: t('notify.sentAt'),
              key: 'when',
              render: (_: unknown, row) =>
                row.sentAt
                  ? formatDateTime(row.sentAt)
                  : row.status === 'pending'
                    ? t('notify.nextAttempt', { at: formatDateTime(row.nextAttemptAt) })
                    : '—',
            },
          ]}
        />
      </Card>
      {editing !== undefined ? (
        <FormModal<ChannelInput>
          title={editing ? t('notify.edit') : t('notify.new')}
          initialValues={
            editing
              ? { ...editing, target: '' }
              : { kind: 'wecom', events: ['repair_order.overdue', 'complaint.overdue'], active: true }
          }
          onClose={() => setEditing(undefined)}
          onSubmit={(values) =>
            save.mutateAsync({
              id: editing?.id ?? null,
              body: {
                projectId: values.projectId,
                kind: values.kind,
                name: values.name,
                target: values.target ?? '',
                events: values.events ?? [],
                active: values.active ?? true,
                version: values.version,
              },
            })
          }
        >
          {(form) => (
            <>
              <Form.Item name="projectId" label={t('common.project')} rules={[{ required: true }]}>
                <ProjectSelect />
              </Form.Item>
              <Form.Item name="kind" label={t('notify.kind')} rules={[{ required: true }]}>
                <Select options={CHANNEL_KINDS.map((k) => ({ value: k, label: t(`notify.kinds.${k}`) }))} />
              </Form.Item>
              <Form.Item name="name" label={t('notify.name')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={50} placeholder={t('notify.namePlaceholder')} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
                {() => {
                  const kind = form.getFieldValue('kind') as string;
                  return (
                    <Form.Item
                      name="target"
                      label={t(kind === 'email' ? 'notify.emails' : 'notify.webhook')}
                      extra={
                        editing
                          ? t('notify.keepTarget', { target: editing.target })
                          : t(`notify.help.${kind}`)
                      }
                      rules={editing ? [] : [{ required: true, whitespace: true }]}
                    >
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 4 }}
                        maxLength={1000}
                        placeholder={
                          kind === 'email'
                            ? 'wang@example.com, li@example.com'
                            : 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…'
                        }
                      />
                    </Form.Item>
                  );
                }}
              </Form.Item>
              <Form.Item name="events" label={t('notify.events')}>
                <Checkbox.Group options={NOTIFY_EVENTS.map((e) => ({ value: e, label: t(eventKey(e)) }))} />
              </Form.Item>
              <Form.Item name="active" label={t('notify.active')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </>
          )}
        </FormModal>
      ) : null}
    </div>
  );
}
