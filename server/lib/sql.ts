import { type RawBuilder, type SqlBool, sql } from 'kysely';

/**
 * Small pieces for the status rules' SQL conditions (server/modules/<noun>/<noun>.rules.ts): a
 * rule is written once for any table alias, and its values are bound as parameters, so it also
 * works inside prepared queries (server/db/prepared.ts).
 */
export type Condition = RawBuilder<SqlBool>;

/** `alias.name`, or `name` when the query has no alias (an UPDATE) */
export function column(alias: string | undefined, name: string) {
  return sql.ref(alias ? `${alias}.${name}` : name);
}
/** A fixed list of literals for `in (…)`: part of the SQL text, not parameters */
export function literals(values: readonly string[]) {
  return sql.join(values.map((v) => sql.lit(v)));
}
/** 1 or 0, to compare a condition with a filter value (`overdue=true|false`) */
export function asFlag(cond: Condition) {
  return sql<number>`case when ${cond} then 1 else 0 end`;
}
