import { PlusOutlined } from '@ant-design/icons';
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
import {
  type TCalendarDay,
  useCalendarDays,
  useClearCalendarDay,
  useSetCalendarDay,
} from '../../api/servicedesk.ts';
import { showError } from '../../components/errors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { tableState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';

type Day = TCalendarDay;

/** 工作日历: the admin keeps holidays and adjusted working days (调休) */
export function CalendarPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(2027);
  const [adding, setAdding] = useState(false);
  const days = useCalendarDays(year);
  const clearDay = useClearCalendarDay();
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
        {...tableState(days)}
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
                onConfirm={() => clearDay.mutateAsync(d.date).catch(showError)}
              >
                <Button size="small" danger>
                  {t('servicedesk.calendar.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {adding ? <DayForm onClose={() => setAdding(false)} /> : null}
    </div>
  );
}

/** Marks a date as a holiday (放假) or a worked weekend day (调休上班) */
function DayForm({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const setDay = useSetCalendarDay();
  return (
    <FormModal
      title={t('servicedesk.calendar.add')}
      initialValues={{ kind: 'holiday' }}
      onClose={onClose}
      onSubmit={(v: { date: Dayjs; kind: Day['kind']; name: string }) =>
        setDay.mutateAsync({ date: v.date.format('YYYY-MM-DD'), body: { kind: v.kind, name: v.name } })
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
  );
}
