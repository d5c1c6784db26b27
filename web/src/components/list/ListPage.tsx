/**
 * A list page declared as data (Ant Design Pro's ProTable idea): a title, filters (in the URL),
 * columns, how to fetch a page, and optionally a create form, row actions, an Excel export
 * and a summary above the table. Paging and sorting are the server's (PagedTable). Every list
 * of the house uses it — repairs, complaints, tasks, and the patrols, renovations, surveys and
 * fees to come — so a new list is a short declarative file:
 *
 *   <ListPage<TRepairListItem>
 *     title={t('servicedesk.repairs')}
 *     filters={filters}                                   // see FilterBar.tsx
 *     queryKey={(f) => repairKeys.list(f)}
 *     fetch={(f, page) => sdApi.repairs({ ...page, ...f })}
 *     columns={columns}
 *     rowLink={(r) => `/servicedesk/repairs/${r.id}`}
 *     exportHref={(f) => sdApi.repairExportHref(f)}
 *     create={{ label: t('servicedesk.newRepair'), allowed: access.canCreateRepair, fields, submit }}
 *   />
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Page } from '../../api/client.ts';
import { useI18n } from '../../i18n.tsx';
import { FormModal } from '../FormModal.tsx';
import { PagedTable, type PageParams } from '../PagedTable.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { FilterBar, type FilterDecl, type FilterValues, useUrlFilters } from './FilterBar.tsx';
import { type FieldRow, FormFields } from './FormFields.tsx';
import type { RecordActions } from './RecordActions.tsx';

export interface CreateDecl<R> {
  /** the button's text and the dialog's title */
  label: ReactNode;
  /** from access.ts: whether the caller may create one */
  allowed: boolean;
  initialValues?: Record<string, unknown>;
  fields: FieldRow[];
  width?: number;
  /** saves the form's values (a mutation hook's mutateAsync) */
  submit(values: Record<string, unknown>): Promise<R>;
  /** after the dialog closed on a save, e.g. open the new record */
  done?(created: R): void;
}

/**
 * T: a row; R: what create returns; Q: the filters as the API's query type (the URL's values are
 * parsed by the filter declarations, so they have the declared types).
 */
export interface ListPageProps<T extends { id: number }, R = unknown, Q = FilterValues> {
  title: ReactNode;
  filters: FilterDecl[];
  /** the query key of the list with these filters (from the module's key factory) */
  queryKey(filters: Q): readonly unknown[];
  fetch(filters: Q, page: PageParams): Promise<Page<T>>;
  columns: ColumnsType<T>;
  /** clicking a row opens this */
  rowLink?(row: T): string;
  exportHref?(filters: Q): string;
  create?: CreateDecl<R>;
  /** the state-machine buttons of each row, in an 操作 column (see RecordActions.tsx) */
  rowActions?: { actions: RecordActions<T>; allowed(row: T): readonly string[] };
  /** between the filters and the table: cards that summarise the filtered period */
  summary?(filters: Q): ReactNode;
  /** anything else for the table (expandable rows…) */
  table?: Omit<TableProps<T>, 'columns' | 'dataSource' | 'pagination' | 'onChange' | 'loading'>;
}

export function ListPage<T extends { id: number }, R = unknown, Q = FilterValues>(
  props: ListPageProps<T, R, Q>,
) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [values, setValues] = useUrlFilters(props.filters);
  const query = values as Q;
  const [creating, setCreating] = useState(false);
  const created = useRef<{ value: R } | null>(null);
  const { rowActions } = props;
  const columns: ColumnsType<T> = rowActions
    ? [
        ...props.columns,
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_: unknown, row: T) => (
            <Space>{rowActions.actions.buttons(row, rowActions.allowed(row), { size: 'small' })}</Space>
          ),
        },
      ]
    : props.columns;
  const { create } = props;
  return (
    <div>
      <PageHeader
        title={props.title}
        extra={
          <>
            {props.exportHref ? (
              <Button icon={<DownloadOutlined />} href={props.exportHref(query)}>
                {t('common.export')}
              </Button>
            ) : null}
            {create?.allowed ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {create.label}
              </Button>
            ) : null}
          </>
        }
      >
        <FilterBar filters={props.filters} values={values} onChange={setValues} />
      </PageHeader>
      {props.summary?.(query)}
      <PagedTable<T>
        {...props.table}
        queryKey={[...props.queryKey(query)]}
        fetch={(page) => props.fetch(query, page)}
        columns={columns}
        onRow={
          props.rowLink
            ? (row) => ({ onClick: () => navigate(props.rowLink!(row)), style: { cursor: 'pointer' } })
            : undefined
        }
      />
      {creating && create ? (
        <FormModal
          title={create.label}
          width={create.width}
          initialValues={create.initialValues}
          onSubmit={async (v: Record<string, unknown>) => {
            created.current = { value: await create.submit(v) };
          }}
          onClose={() => {
            setCreating(false);
            const done = created.current;
            created.current = null;
            if (done) create.done?.(done.value);
          }}
        >
          <FormFields rows={create.fields} />
        </FormModal>
      ) : null}
      {rowActions?.actions.dialog}
    </div>
  );
}
