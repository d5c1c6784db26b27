import { type Static, type TSchema, Type } from '@sinclair/typebox';

/** Query-string shape shared by every list: page, size, sort. Bounded so no request asks for everything. */
export const PageQuery = {
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  sort: Type.Optional(Type.String({ maxLength: 40, pattern: '^[a-zA-Z_]+$' })),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
};

export interface Page {
  page: number;
  pageSize: number;
  sort?: string;
  order?: 'asc' | 'desc';
}

export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}
export interface PageResult<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Picks a whitelisted sort column; unknown names fall back to the default. */
export function sortColumn<K extends string>(
  allowed: Record<string, K>,
  page: Page,
  fallback: K,
): { column: K; direction: 'asc' | 'desc' } {
  const column = page.sort && page.sort in allowed ? allowed[page.sort] : fallback;
  return { column, direction: page.order ?? 'asc' };
}

export function offsetOf(page: Page): number {
  return (page.page - 1) * page.pageSize;
}

export type PageQueryType = Static<ReturnType<typeof Type.Object<typeof PageQuery>>>;
