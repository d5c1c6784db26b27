import { Button, DatePicker, Form, Input, Select, Space, Switch, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  PERSON_KINDS,
  type Person,
  UNIT_STATUSES,
  type UnitDetail,
  type UnitStatus,
  useChangeUnitStatus,
  useLinkOwnerUser,
  useSavePerson,
  useUnlinkOwnerUser,
} from '../../api/property.ts';
import { useUsers } from '../../api/user.ts';
import { showError } from '../../components/errors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useI18n } from '../../i18n.tsx';

const PHONE_RE = /^(1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-?[0-9]{7,8}(-[0-9]{1,6})?)$/;

export function PersonForm({
  unitId,
  person,
  onClose,
  onSaved,
}: {
  unitId: number;
  person: Person | null;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useI18n();
  const save = useSavePerson();
  return (
    <FormModal<Omit<Person, 'id' | 'unitId'>>
      title={person ? t('property.editPerson') : t('property.addPerson')}
      initialValues={person ?? { kind: 'owner', isMainContact: false, relation: '本人' }}
      // a stale edit answers with the whole unit: the form takes this person of it
      toValues={(current: { people: Person[] }) => current.people.find((p) => p.id === person?.id) ?? {}}
      onClose={onClose}
      onSubmit={async (values) => {
        const body = { ...values, phone: values.phone || null, relation: values.relation || null };
        await save.mutateAsync({ unitId, id: person?.id ?? null, body });
        onSaved();
      }}
    >
      <Form.Item name="kind" label={t('property.kind')} rules={[{ required: true }]}>
        <Select options={PERSON_KINDS.map((k) => ({ value: k, label: t(`property.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('staff.name')} rules={[{ required: true, max: 30 }]}>
        <Input />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('property.phone')}
        rules={[{ pattern: PHONE_RE, message: '13800000000 / 0571-88001234' }]}
      >
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="relation" label={t('property.relation')}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="isMainContact" label={t('property.mainContact')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}

export function StatusForm({
  unit,
  onClose,
  onSaved,
}: {
  unit: UnitDetail;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useI18n();
  const changeStatus = useChangeUnitStatus();
  // today, unless the last change is dated later (the server counts days in China's time zone)
  const last = unit.history[0]?.fromDate;
  const defaultDate = last && dayjs(last).isAfter(dayjs(), 'day') ? dayjs(last) : dayjs();
  return (
    <FormModal<{ status: UnitStatus; fromDate: Dayjs; note?: string }>
      title={t('property.changeStatus')}
      initialValues={{ status: unit.status, fromDate: defaultDate }}
      onClose={onClose}
      onSubmit={async (v) => {
        await changeStatus.mutateAsync({
          id: unit.id,
          body: { status: v.status, fromDate: v.fromDate.format('YYYY-MM-DD'), note: v.note || null },
        });
        onSaved();
      }}
    >
      <Form.Item name="status" label={t('common.status')} rules={[{ required: true }]}>
        <Select options={UNIT_STATUSES.map((s) => ({ value: s, label: t(`property.statuses.${s}`) }))} />
      </Form.Item>
      <Form.Item name="fromDate" label={t('property.fromDate')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('property.note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

/** The owner logins linked to the unit (the portal shows them this unit); admins link them here. */
export function OwnerAccounts({ unit, canLink }: { unit: UnitDetail; canLink: boolean }) {
  const { t } = useI18n();
  const [userId, setUserId] = useState<number>();
  const owners = useUsers({ role: 'owner', pageSize: 200 }, canLink);
  const link = useLinkOwnerUser();
  const unlinkUser = useUnlinkOwnerUser();
  const unlink = async (id: number) => {
    try {
      await unlinkUser.mutateAsync({ userId: id, unitId: unit.id });
    } catch (err) {
      showError(err);
    }
  };
  return (
    <Space wrap>
      {unit.linkedUsers.map((u) => (
        <Tag
          key={u.userId}
          closable={canLink}
          onClose={(e) => {
            e.preventDefault();
            unlink(u.userId);
          }}
        >
          {u.displayName}（{u.username}）
        </Tag>
      ))}
      {!unit.linkedUsers.length && !canLink ? '—' : null}
      {canLink ? (
        <Space.Compact>
          <Select
            size="small"
            style={{ width: 160 }}
            showSearch
            optionFilterProp="label"
            data-testid="owner-link-select"
            placeholder={t('property.linkPlaceholder')}
            value={userId}
            onChange={setUserId}
            options={owners.data?.items.map((u) => ({
              value: u.id,
              label: `${u.displayName}（${u.username}）`,
            }))}
          />
          <Button
            size="small"
            disabled={!userId}
            onClick={async () => {
              try {
                await link.mutateAsync({ userId: userId!, unitId: unit.id });
                setUserId(undefined);
              } catch (err) {
                showError(err);
              }
            }}
          >
            {t('property.link')}
          </Button>
        </Space.Compact>
      ) : null}
    </Space>
  );
}
