import { type Static, Type } from '@sinclair/typebox';
import { PageOf, PageQuery } from '../../lib/paging.ts';
import { Id, LiteralUnion, StringEnum } from '../../lib/schemas.ts';
import { ZVersion } from '../../lib/versioning.ts';
import { CHANNEL_KINDS, DELIVERY_STATUSES, NOTIFY_EVENTS } from './notify.constants.ts';

export const ZChannel = Type.Object({
  id: Type.Integer(),
  projectId: Type.Integer(),
  kind: StringEnum(CHANNEL_KINDS),
  name: Type.String(),
  /** a robot's URL masked (its key is a secret); e-mail addresses as entered */
  target: Type.String(),
  events: Type.Array(StringEnum(NOTIFY_EVENTS)),
  active: Type.Boolean(),
  version: ZVersion,
  lastStatus: Type.Union([StringEnum(DELIVERY_STATUSES), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  lastAt: Type.Union([Type.String(), Type.Null()]),
});
export type TChannel = Static<typeof ZChannel>;

export const ZChannelInput = Type.Object(
  {
    projectId: Id(),
    kind: LiteralUnion(CHANNEL_KINDS),
    name: Type.String({ minLength: 1, maxLength: 50 }),
    /** required when creating; on an update, absent or empty keeps the stored one (it is never sent back) */
    target: Type.Optional(Type.String({ maxLength: 1000 })),
    events: Type.Array(LiteralUnion(NOTIFY_EVENTS), { maxItems: NOTIFY_EVENTS.length, uniqueItems: true }),
    active: Type.Optional(Type.Boolean()),
    version: Type.Optional(ZVersion),
  },
  { additionalProperties: false },
);
export type TChannelInput = Static<typeof ZChannelInput>;

export const ZChannelQuery = Type.Object({ projectId: Type.Optional(Id()) });
export const ZIdParams = Type.Object({ id: Id() });

export const ZTestResult = Type.Object({
  ok: Type.Boolean(),
  error: Type.Union([Type.String(), Type.Null()]),
});

export const ZDelivery = Type.Object({
  id: Type.Integer(),
  channelId: Type.Integer(),
  event: StringEnum(NOTIFY_EVENTS),
  entity: Type.String(),
  entityId: Type.String(),
  text: Type.String(),
  status: StringEnum(DELIVERY_STATUSES),
  attempts: Type.Integer(),
  nextAttemptAt: Type.String(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  sentAt: Type.Union([Type.String(), Type.Null()]),
});
export const ZDeliveryPage = PageOf(ZDelivery);

export const ZDeliveryQuery = Type.Object({
  ...PageQuery,
  channelId: Type.Optional(Id()),
  status: Type.Optional(LiteralUnion(DELIVERY_STATUSES)),
});
export type TDeliveryQuery = Static<typeof ZDeliveryQuery>;
