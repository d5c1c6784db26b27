import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Table, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import type { Page } from '../api/client.ts';
import { useI18n } from '../i18n.tsx';
import { EmptyState, QueryError } from './QueryState.tsx';

export interface PageParams {
  page: number;
  pageSize: number;
  sort?: string;
  order?: 'asc' | 'desc';
}

interface PagedTableProps<T>
  extends Omit<TableProps<T>, 'dataSource' | 'pagination' | 'onChange' | 'loading'> {
  /** cache key: include every filter, so a change refetches */
  queryKey: readonly unknown[];
  fetch(params: PageParams): Promise<Page<T>>;
  defaultPageSize?: number;
}

/**
 * A table paged, sorted and counted on the server. Columns with `sorter: true` sort by their
 * `dataIndex` (the API whitelists which); filters live in the page and go in `queryKey`.
 */
export function PagedTable<T extends object>({
  queryKey,
  fetch,
  defaultPageSize = 20,
  ...rest
}: PagedTableProps<T>) {
  const { t } = useI18n();
  const [params, setParams] = useState<PageParams>({ page: 1, pageSize: defaultPageSize });
  const filterKey = JSON.stringify(queryKey);
  const [lastFilterKey, setLastFilterKey] = useState(filterKey);
  if (filterKey !== lastFilterKey) {
    // a new filter starts again at page 1
    setLastFilterKey(filterKey);
    setParams((p) => ({ ...p, page: 1 }));
  }
  const query = useQuery({
    queryKey: [...queryKey, params],
    queryFn: () => fetch(params),
    placeholderData: keepPreviousData,
  });
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      {...rest}
      loading={query.isFetching}
      dataSource={query.data?.items ?? []}
      locale={{
        emptyText: query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <EmptyState />
        ),
      }}
      pagination={{
        current: params.page,
        pageSize: params.pageSize,
        total: query.data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t('common.total', { total }),
      }}
      onChange={(pagination, _filters, sorter) => {
        const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T>;
        setParams({
          page: pagination.current ?? 1,
          pageSize: pagination.pageSize ?? defaultPageSize,
          sort: s?.order ? String(s.field) : undefined,
          order: s?.order === 'descend' ? 'desc' : s?.order === 'ascend' ? 'asc' : undefined,
        });
      }}
    />
  );
}
