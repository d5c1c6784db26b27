import { Button, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DUE_UNITS } from '../../../../server/modules/calendar/calendar.constants.ts';
import {
  type TRepairCategory,
  type TRepairCategoryInput,
  useRepairCategories,
  useSaveRepairCategory,
} from '../../api/servicedesk.ts';
import { AuditHistoryButton } from '../../components/AuditHistory.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { tableState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';

/** A time limit: an amount and its unit (working hours, working days, hours, days). */
function LimitField(props: {
  label: string;
  prefix: 'dispatch' | 'complete';
  options: { value: string; label: string }[];
}) {
  return (
    <Form.Item label={props.label} required>
      <Space.Compact>
        <Form.Item name={`${props.prefix}Amount`} noStyle rules={[{ required: true }]}>
          <InputNumber min={0.5} max={1000} step={0.5} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name={`${props.prefix}Unit`} noStyle>
          <Select options={props.options} style={{ width: 140 }} />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}

/** 报修类别: the default due times and responsible department of each repair category. */
export function RepairCategoriesPage() {
  const { t } = useI18n();
  const categories = useRepairCategories();
  const [editing, setEditing] = useState<TRepairCategory | null>(null);
  const limit = (amount: number, unit: string) => `${amount} ${t(`servicedesk.units.${unit}`)}`;
  return (
    <div>
      <PageHeader title={t('servicedesk.categories.title')} />
      <Typography.Paragraph type="secondary">{t('servicedesk.categories.hint')}</Typography.Paragraph>
      <Table<TRepairCategory>
        rowKey="id"
        {...tableState(categories)}
        pagination={false}
        columns={[
          { title: t('servicedesk.categories.name'), dataIndex: 'name' },
          {
            title: t('servicedesk.dispatchDue'),
            key: 'dispatch',
            render: (_: unknown, c) => limit(c.dispatchAmount, c.dispatchUnit),
          },
          {
            title: t('servicedesk.completeDue'),
            key: 'complete',
            render: (_: unknown, c) => limit(c.completeAmount, c.completeUnit),
          },
          { title: t('servicedesk.responsible'), dataIndex: 'responsible' },
          {
            title: t('common.status'),
            dataIndex: 'active',
            render: (active: boolean) => (
              <Tag color={active ? 'green' : 'default'}>
                {t(active ? 'servicedesk.categories.active' : 'servicedesk.categories.inactive')}
              </Tag>
            ),
          },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_: unknown, row) => (
              <Space>
                <Button size="small" onClick={() => setEditing(row)}>
                  {t('common.edit')}
                </Button>
                <AuditHistoryButton entity="repair_category" id={row.id} />
              </Space>
            ),
          },
        ]}
      />
      {editing ? <CategoryForm category={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}

/** The edit dialog of one category: its limits, responsible department and whether it is offered */
function CategoryForm({ category, onClose }: { category: TRepairCategory; onClose(): void }) {
  const { t } = useI18n();
  const save = useSaveRepairCategory();
  const unitOptions = DUE_UNITS.map((u) => ({ value: u, label: t(`servicedesk.units.${u}`) }));
  return (
    <FormModal
      title={`${t('common.edit')} · ${category.name}`}
      initialValues={category}
      onClose={onClose}
      onSubmit={(v: TRepairCategoryInput) =>
        save.mutateAsync({
          id: category.id,
          body: {
            name: v.name,
            dispatchAmount: v.dispatchAmount,
            dispatchUnit: v.dispatchUnit,
            completeAmount: v.completeAmount,
            completeUnit: v.completeUnit,
            responsible: v.responsible,
            active: v.active,
            version: v.version,
          },
        })
      }
    >
      <Form.Item name="name" label={t('servicedesk.categories.name')} rules={[{ required: true }]}>
        <Input maxLength={30} />
      </Form.Item>
      <LimitField label={t('servicedesk.dispatchDue')} prefix="dispatch" options={unitOptions} />
      <LimitField label={t('servicedesk.completeDue')} prefix="complete" options={unitOptions} />
      <Form.Item name="responsible" label={t('servicedesk.responsible')} rules={[{ required: true }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="active" label={t('servicedesk.categories.inUse')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
