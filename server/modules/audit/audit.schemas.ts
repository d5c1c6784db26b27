import { type Static, Type } from '@sinclair/typebox';

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
  /** the record's fields before the change; null for a creation */
  before: Type.Unknown(),
  /** the record's fields after the change; null for a deletion */
  after: Type.Unknown(),
});
export type TAuditEntry = Static<typeof ZAuditEntry>;
export const ZAuditHistory = Type.Array(ZAuditEntry);

export type TAuditParams = Static<typeof ZAuditParams>;
export type TAuditHistory = Static<typeof ZAuditHistory>;
