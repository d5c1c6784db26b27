import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Row,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAccess } from '../../access.ts';
import {
  formatArea,
  type Person,
  STATUS_TAG,
  type UnitDetail,
  type UnitStatus,
  useRemovePerson,
  useTree,
  useUnit,
} from '../../api/property.ts';
import { AuditTimeline } from '../../components/AuditHistory.tsx';
import { showError } from '../../components/errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';
import { UnitEditModal } from './RegisterEditors.tsx';
import { OwnerAccounts, PersonForm, StatusForm } from './UnitEditors.tsx';

/** A unit: its facts, owners and residents, dated status history and audit trail. */
export function UnitPage() {
  const { id } = useParams();
  const query = useUnit(Number(id));
  return <QueryState query={query}>{(unit) => <UnitView unit={unit} />}</QueryState>;
}

function UnitView({ unit }: { unit: UnitDetail }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Person | null | undefined>(undefined);
  const [statusOpen, setStatusOpen] = useState(false);
  const [editOpen, setEditOpen] = useState(false);
  const access = useAccess();
  const { canEditUnitPeople: canEditPeople, canChangeUnitStatus: canChangeStatus, canEditUnit } = access;
  const tree = useTree(canEditUnit ? unit.projectId : undefined);
  const saved = () => {
    setEditing(undefined);
    setStatusOpen(false);
  };
  return (
    <div>
      <PageHeader
        title={
          <Space>
            <Link to={`/property/register?projectId=${unit.projectId}&buildingId=${unit.buildingId}`}>
              <ArrowLeftOutlined />
            </Link>
            {unit.projectName} · {unit.buildingName} · {unit.roomNo}
            <Tag color={STATUS_TAG[unit.status]}>{t(`property.statuses.${unit.status}`)}</Tag>
          </Space>
        }
        extra={
          <>
            {canEditUnit ? <Button onClick={() => setEditOpen(true)}>{t('property.editUnit')}</Button> : null}
            {canChangeStatus ? (
              <Button type="primary" onClick={() => setStatusOpen(true)}>
                {t('property.changeStatus')}
              </Button>
            ) : null}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('property.section')}>{unit.sectionName}</Descriptions.Item>
              <Descriptions.Item label={t('property.building')}>{unit.buildingName}</Descriptions.Item>
              <Descriptions.Item label={t('property.roomNo')}>{unit.roomNo}</Descriptions.Item>
              <Descriptions.Item label={t('property.floor')}>{unit.floor}</Descriptions.Item>
              <Descriptions.Item label={t('property.area')}>{formatArea(unit.areaCentiM2)}</Descriptions.Item>
              <Descriptions.Item label={t('property.officer')}>
                {unit.officerName ?? t('property.noOfficer')}
              </Descriptions.Item>
              <Descriptions.Item label={t('property.handoverDate')}>
                {unit.handoverDate ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('property.moveInDate')}>{unit.moveInDate ?? '—'}</Descriptions.Item>
              {access.isStaff ? (
                <Descriptions.Item label={t('property.linkedUsers')}>
                  <OwnerAccounts unit={unit} canLink={access.canLinkOwnerAccounts} />
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          <PeopleCard unit={unit} canEdit={canEditPeople} onEdit={setEditing} />
        </Col>
        <Col xs={24} lg={10}>
          <StatusHistoryCard unit={unit} />
          {access.isStaff ? (
            <Card size="small" title={t('property.audit')} style={{ marginTop: 16 }}>
              <AuditTimeline entity="unit" id={unit.id} />
            </Card>
          ) : null}
        </Col>
      </Row>
      {editing !== undefined ? (
        <PersonForm unitId={unit.id} person={editing} onClose={() => setEditing(undefined)} onSaved={saved} />
      ) : null}
      {editOpen ? <UnitEditModal unit={unit} tree={tree.data} onClose={() => setEditOpen(false)} /> : null}
      {statusOpen ? <StatusForm unit={unit} onClose={() => setStatusOpen(false)} onSaved={saved} /> : null}
    </div>
  );
}

/** 业主及住户 of the unit; staff add, change and remove them. */
function PeopleCard({
  unit,
  canEdit,
  onEdit,
}: {
  unit: UnitDetail;
  canEdit: boolean;
  onEdit(person: Person | null): void;
}) {
  const { t } = useI18n();
  const removePerson = useRemovePerson();
  return (
    <Card
      size="small"
      title={t('property.people')}
      style={{ marginTop: 16 }}
      extra={
        canEdit ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => onEdit(null)}>
            {t('property.addPerson')}
          </Button>
        ) : null
      }
    >
      <Table<Person>
        data-testid="unit-people"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={unit.people}
        columns={[
          { title: t('property.kind'), dataIndex: 'kind', render: (k) => t(`property.kinds.${k}`) },
          { title: t('staff.name'), dataIndex: 'name' },
          { title: t('property.phone'), dataIndex: 'phone', render: (v) => v ?? '—' },
          { title: t('property.relation'), dataIndex: 'relation', render: (v) => v ?? '—' },
          {
            title: t('property.mainContact'),
            dataIndex: 'isMainContact',
            render: (v) => (v ? <Tag color="blue">{t('property.mainContact')}</Tag> : null),
          },
          ...(canEdit
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, p: Person) => (
                    <Space>
                      <Button size="small" onClick={() => onEdit(p)}>
                        {t('common.edit')}
                      </Button>
                      <Popconfirm
                        title={t('property.removeConfirm')}
                        onConfirm={async () => {
                          try {
                            await removePerson.mutateAsync(p.id);
                          } catch (e) {
                            showError(e);
                          }
                        }}
                      >
                        <Button size="small" danger>
                          {t('property.removePerson')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {unit.phonesMasked ? (
        <Typography.Text type="secondary">{t('property.phonesMasked')}</Typography.Text>
      ) : null}
    </Card>
  );
}

/** The dated status history (空置 → 入住 → 装修中…), newest first. */
function StatusHistoryCard({ unit }: { unit: UnitDetail }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('property.statusHistory')}>
      <Timeline
        items={unit.history.map((h) => ({
          key: h.id,
          color: h.status === 'vacant' ? 'gray' : h.status === 'occupied' ? 'green' : 'orange',
          children: (
            <div>
              <Typography.Text strong>
                {h.fromDate} {t(`property.statuses.${h.status as UnitStatus}`)}
              </Typography.Text>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {h.note ? `${h.note} · ` : ''}
                  {h.userName ?? ''} {formatDateTime(h.createdAt)}
                </Typography.Text>
              </div>
            </div>
          ),
        }))}
      />
    </Card>
  );
}
