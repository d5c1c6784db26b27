import { type Static, Type } from '@sinclair/typebox';

/** A record's fields as the audit row stored them (any JSON object), or null. */
const Fields = (description: string) => Type.Unsafe<Record<string, unknown> | null>({ description });

export const ZAuditParams = Type.Object({
  entity: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z_]+$' }),
  entityId: Type.String({ minLength: 1, maxLength: 40 }),
});

/** One change of a record: who, when, what, and the fields before and after (as they were written). */
export const ZAuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  userName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  before: Fields("the record's fields before the change; null for a creation"),
  after: Fields("the record's fields after the change; null for a deletion"),
});
export type TAuditEntry = Static<typeof ZAuditEntry>;
export const ZAuditHistory = Type.Array(ZAuditEntry);

export type TAuditParams = Static<typeof ZAuditParams>;
export type TAuditHistory = Static<typeof ZAuditHistory>;
