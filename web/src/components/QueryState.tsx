import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Empty, Result, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n.tsx';
import { ForbiddenPage } from '../pages/exception/Exception.tsx';

/** What a failed load shows: 403 as the 无权访问 page, anything else the server's message and a retry. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  if (error instanceof ApiError && error.status === 403) return <ForbiddenPage message={error.message} />;
  const message = error instanceof Error ? error.message : String(error);
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Result
      status={error instanceof ApiError && error.status === 404 ? '404' : 'error'}
      title={t('common.loadFailed')}
      data-testid="query-error"
      subTitle={
        <>
          {message}
          {requestId ? (
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {t('common.requestId')}：{requestId}
            </Typography.Text>
          ) : null}
        </>
      }
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null
      }
    />
  );
}

/** antd's Empty with the house's words. */
export function EmptyState({ description }: { description?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={description ?? t('common.empty')}
      data-testid="empty-state"
    />
  );
}

type Loadable<T> = Pick<UseQueryResult<T>, 'data' | 'error' | 'isError' | 'isPending' | 'refetch'>;

interface QueryStateProps<T> {
  query: Loadable<T>;
  /** the data counts as empty (an empty list by default) */
  isEmpty?(data: T): boolean;
  /** shown instead of the default "暂无数据" */
  empty?: ReactNode;
  /** what loading looks like; a skeleton by default */
  loading?: ReactNode;
  children(data: T): ReactNode;
}

/**
 * The one way a page waits for its data: a skeleton while loading, the error (with the server's
 * message and a retry, or the 403 page) when it failed, an empty state when there is nothing, and
 * the page itself once the data is there. A query that is disabled (waiting for a choice) counts
 * as loading.
 */
export function QueryState<T>({ query, isEmpty, empty, loading, children }: QueryStateProps<T>) {
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending || query.data === undefined)
    return <>{loading ?? <Skeleton active data-testid="query-loading" />}</>;
  const data = query.data;
  const nothing = isEmpty ? isEmpty(data) : Array.isArray(data) && data.length === 0;
  if (nothing) return empty && typeof empty !== 'string' ? empty : <EmptyState description={empty} />;
  return <>{children(data)}</>;
}

/**
 * The same states for an antd Table fed by one query: its spinner while fetching, and in place of
 * the rows the error (with retry) or the empty state. `<Table {...tableState(query)} … />`
 */
export function tableState<T>(query: Loadable<T[]> & { isFetching: boolean }) {
  return {
    loading: query.isFetching,
    dataSource: query.data ?? [],
    locale: {
      emptyText: query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <EmptyState />
      ),
    },
  };
}
