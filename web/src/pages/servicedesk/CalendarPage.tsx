import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { showError } from '../../components/errors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n.tsx';

interface Day {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

/** 工作日历: the admin keeps holidays and adjusted working days (调休) */
export function CalendarPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(2027);
  const [adding, setAdding] = useState(false);
  const days = useQuery({
    queryKey: ['calendar', year],
    queryFn: () => api.get<Day[]>('/calendar/days', { year }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['calendar'] });
  return (
    <div>
      <PageHeader
        title={t('servicedesk.calendar.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('servicedesk.calendar.add')}
          </Button>
        }
      >
        <Space>
          <InputNumber min={2020} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        </Space>
      </PageHeader>
      {year >= 2027 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('servicedesk.calendar.provisional')}
        />
      ) : null}
      <Table<Day>
        rowKey="date"
        size="small"
        loading={days.isFetching}
        dataSource={days.data ?? []}
        pagination={false}
        columns={[
          { title: t('servicedesk.calendar.date'), dataIndex: 'date' },
          {
            title: t('servicedesk.calendar.kind'),
            dataIndex: 'kind',
            render: (k: Day['kind']) => (
              <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`servicedesk.calendar.kinds.${k}`)}</Tag>
            ),
          },
          { title: t('servicedesk.calendar.name'), dataIndex: 'name' },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_: unknown, d) => (
              <Popconfirm
                title={t('servicedesk.calendar.removeConfirm')}
                onConfirm={() => api.delete(`/calendar/days/${d.date}`).then(refresh).catch(showError)}
              >
                <Button size="small" danger>
                  {t('servicedesk.calendar.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {adding ? (
        <FormModal
          title={t('servicedesk.calendar.add')}
          initialValues={{ kind: 'holiday' }}
          invalidate={[['calendar']]}
          onClose={() => setAdding(false)}
          onSubmit={(v: { date: Dayjs; kind: string; name: string }) =>
            api.put(`/calendar/days/${v.date.format('YYYY-MM-DD')}`, { kind: v.kind, name: v.name })
          }
        >
          <Form.Item name="date" label={t('servicedesk.calendar.date')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="kind" label={t('servicedesk.calendar.kind')} rules={[{ required: true }]}>
            <Select
              options={['holiday', 'workday'].map((k) => ({
                value: k,
                label: t(`servicedesk.calendar.kinds.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="name" label={t('servicedesk.calendar.name')} rules={[{ required: true }]}>
            <Input maxLength={30} placeholder="春节" />
          </Form.Item>
        </FormModal>
      ) : null}
    </div>
  );
}
