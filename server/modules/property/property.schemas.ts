import { type Static, Type } from '@sinclair/typebox';
import { PageOf, PageQuery } from '../../lib/paging.ts';
import { DateString, Id, LiteralUnion, StringEnum, withMessage } from '../../lib/schemas.ts';
import { ZVersion } from '../../lib/versioning.ts';
import { IMPORT_JOB_STATUSES, IMPORT_MODES, PERSON_KINDS, UNIT_STATUSES } from './property.constants.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);

export const ZUnitStatus = LiteralUnion(UNIT_STATUSES);
export const ZPersonKind = LiteralUnion(PERSON_KINDS);

/** A Chinese mobile number, or a landline such as 0571-88001234 (extension allowed). */
export const PHONE_PATTERN = '^(1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-?[0-9]{7,8}(-[0-9]{1,6})?)$';
export const OwnerPhone = () =>
  Type.String(
    withMessage(
      { pattern: PHONE_PATTERN, maxLength: 20 },
      {
        'zh-CN': '电话格式不正确：应为 11 位手机号（如 13800000000）或座机号（如 0571-88001234）',
        'en-US': 'Phone must be an 11-digit mobile number (13800000000) or a landline (0571-88001234)',
      },
    ),
  );

export const ZSectionInput = Type.Object(
  {
    projectId: Id(),
    name: Type.String({ minLength: 1, maxLength: 30 }),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 9999 })),
    /** the version the form was opened with; required when updating (server/lib/versioning.ts) */
    version: Type.Optional(ZVersion),
  },
  { additionalProperties: false },
);
export type TSectionInput = Static<typeof ZSectionInput>;

export const ZBuildingInput = Type.Object(
  {
    projectId: Id(),
    sectionId: Id(),
    name: Type.String({ minLength: 1, maxLength: 30 }),
    floors: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 200 }), Type.Null()])),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 9999 })),
    /** the version the form was opened with; required when updating (server/lib/versioning.ts) */
    version: Type.Optional(ZVersion),
  },
  { additionalProperties: false },
);
export type TBuildingInput = Static<typeof ZBuildingInput>;

/** A section as stored: creating or renaming one answers with its row. */
export const ZSectionRow = Type.Object({
  id: Type.Integer(),
  project_id: Type.Integer(),
  name: Type.String(),
  sort_order: Type.Integer(),
  created_at: Type.String(),
  updated_at: Type.String(),
  version: ZVersion,
});
export type TSectionRow = Static<typeof ZSectionRow>;

/** A building as stored: creating or changing one answers with its row. */
export const ZBuildingRow = Type.Object({
  id: Type.Integer(),
  project_id: Type.Integer(),
  section_id: Type.Integer(),
  name: Type.String(),
  floors: Type.Union([Type.Integer(), Type.Null()]),
  sort_order: Type.Integer(),
  created_at: Type.String(),
  updated_at: Type.String(),
  version: ZVersion,
});
export type TBuildingRow = Static<typeof ZBuildingRow>;

const StatusCounts = Type.Object({
  vacant: Type.Integer(),
  occupied: Type.Integer(),
  renovating: Type.Integer(),
  total: Type.Integer(),
});

export const ZTree = Type.Object({
  projectId: Type.Integer(),
  counts: StatusCounts,
  sections: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      sortOrder: Type.Integer(),
      counts: StatusCounts,
      buildings: Type.Array(
        Type.Object({
          id: Type.Integer(),
          name: Type.String(),
          floors: NullableInt,
          sortOrder: Type.Integer(),
          counts: StatusCounts,
          officerEmployeeId: NullableInt,
          officerName: NullableString,
          /** in the calling officer's area */
          mine: Type.Boolean(),
        }),
      ),
    }),
  ),
});

export const ZUnitQuery = Type.Object(
  {
    ...PageQuery,
    projectId: Type.Optional(Id()),
    sectionId: Type.Optional(Id()),
    buildingId: Type.Optional(Id()),
    status: Type.Optional(ZUnitStatus),
    floor: Type.Optional(Type.Integer({ minimum: -10, maximum: 200 })),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    /** an officer's lists default to their area; 'all' shows the whole project */
    scope: Type.Optional(Type.Union([Type.Literal('area'), Type.Literal('all')])),
  },
  { additionalProperties: false },
);
export type TUnitQuery = Static<typeof ZUnitQuery>;

export const ZUnitListItem = Type.Object({
  id: Type.Integer(),
  projectId: Type.Integer(),
  projectName: Type.String(),
  sectionId: Type.Integer(),
  sectionName: Type.String(),
  buildingId: Type.Integer(),
  buildingName: Type.String(),
  roomNo: Type.String(),
  floor: Type.Integer(),
  areaCentiM2: Type.Integer(),
  status: ZUnitStatus,
  handoverDate: NullableString,
  moveInDate: NullableString,
  mainName: NullableString,
  /** masked in lists: 138****0001 */
  mainPhone: NullableString,
  updatedAt: Type.String(),
  version: ZVersion,
});
export const ZUnitPage = PageOf(ZUnitListItem);

export const ZPerson = Type.Object({
  id: Type.Integer(),
  unitId: Type.Integer(),
  kind: ZPersonKind,
  name: Type.String(),
  phone: NullableString,
  relation: NullableString,
  isMainContact: Type.Boolean(),
  version: ZVersion,
});

export const ZUnitDetail = Type.Composite([
  ZUnitListItem,
  Type.Object({
    people: Type.Array(ZPerson),
    /** full phones are shown only to the roles that call owners */
    phonesMasked: Type.Boolean(),
    history: Type.Array(
      Type.Object({
        id: Type.Integer(),
        status: ZUnitStatus,
        fromDate: Type.String(),
        note: NullableString,
        userName: NullableString,
        createdAt: Type.String(),
      }),
    ),
    officerName: NullableString,
    linkedUsers: Type.Array(
      Type.Object({ userId: Type.Integer(), username: Type.String(), displayName: Type.String() }),
    ),
  }),
]);

export const ZUnitInput = Type.Object(
  {
    buildingId: Id(),
    roomNo: Type.String({ minLength: 1, maxLength: 20 }),
    floor: Type.Integer({ minimum: -5, maximum: 200 }),
    /** 建筑面积 in hundredths of m² (89.50 m² → 8950) */
    areaCentiM2: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
    status: Type.Optional(ZUnitStatus),
    handoverDate: Type.Optional(Type.Union([DateString(), Type.Null()])),
    moveInDate: Type.Optional(Type.Union([DateString(), Type.Null()])),
    /** the version the form was opened with; required when updating (server/lib/versioning.ts) */
    version: Type.Optional(ZVersion),
  },
  { additionalProperties: false },
);
export type TUnitInput = Static<typeof ZUnitInput>;

export const ZStatusChange = Type.Object(
  {
    status: ZUnitStatus,
    fromDate: DateString(),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type TStatusChange = Static<typeof ZStatusChange>;

export const ZPersonInput = Type.Object(
  {
    kind: ZPersonKind,
    name: Type.String({ minLength: 1, maxLength: 30 }),
    phone: Type.Optional(Type.Union([OwnerPhone(), Type.Null()])),
    relation: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
    isMainContact: Type.Optional(Type.Boolean()),
    /** the version the form was opened with; required when updating (server/lib/versioning.ts) */
    version: Type.Optional(ZVersion),
  },
  { additionalProperties: false },
);
export type TPersonInput = Static<typeof ZPersonInput>;

export const ZOwnerQuery = Type.Object(
  {
    ...PageQuery,
    projectId: Type.Optional(Id()),
    buildingId: Type.Optional(Id()),
    kind: Type.Optional(ZPersonKind),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    scope: Type.Optional(Type.Union([Type.Literal('area'), Type.Literal('all')])),
  },
  { additionalProperties: false },
);
export type TOwnerQuery = Static<typeof ZOwnerQuery>;

export const ZOwnerListItem = Type.Object({
  id: Type.Integer(),
  projectId: Type.Integer(),
  unitId: Type.Integer(),
  sectionName: Type.String(),
  buildingName: Type.String(),
  roomNo: Type.String(),
  kind: ZPersonKind,
  name: Type.String(),
  phone: NullableString,
  relation: NullableString,
  isMainContact: Type.Boolean(),
  version: ZVersion,
});
export const ZOwnerPage = PageOf(ZOwnerListItem);

export const ZBuildingUnits = Type.Object({
  buildingId: Type.Integer(),
  buildingName: Type.String(),
  sectionName: Type.String(),
  officerName: NullableString,
  units: Type.Array(
    Type.Object({
      id: Type.Integer(),
      roomNo: Type.String(),
      floor: Type.Integer(),
      status: ZUnitStatus,
      areaCentiM2: Type.Integer(),
    }),
  ),
});

export const ZOfficerAssign = Type.Object(
  {
    /** null ends the assignment */
    employeeId: Type.Union([Id(), Type.Null()]),
    fromDate: DateString(),
  },
  { additionalProperties: false },
);
export type TOfficerAssign = Static<typeof ZOfficerAssign>;

export const ZOfficerArea = Type.Object({
  buildingId: Type.Integer(),
  buildingName: Type.String(),
  sectionName: Type.String(),
  employeeId: NullableInt,
  employeeName: NullableString,
  fromDate: NullableString,
});
export const ZOfficerHistory = Type.Array(
  Type.Object({
    id: Type.Integer(),
    employeeId: Type.Integer(),
    employeeName: Type.String(),
    fromDate: Type.String(),
    toDate: NullableString,
  }),
);

export const ZOwnerLink = Type.Object({ userId: Id(), unitId: Id() }, { additionalProperties: false });
export type TOwnerLink = Static<typeof ZOwnerLink>;

export const ZImportQuery = Type.Object(
  {
    projectId: Id(),
    /** create: a unit already in the register is an error; update: it is updated */
    mode: Type.Optional(LiteralUnion(IMPORT_MODES)),
    /** answer when the import has finished (scripts, tests) instead of at once */
    wait: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type TImportQuery = Static<typeof ZImportQuery>;

export const ZImportError = Type.Object({
  sheet: Type.String(),
  row: Type.Integer(),
  column: Type.String(),
  message: Type.String(),
});
export const ZImportJob = Type.Object({
  id: Type.Integer(),
  projectId: Type.Integer(),
  fileName: Type.String(),
  mode: Type.String(),
  status: StringEnum(IMPORT_JOB_STATUSES),
  phase: Type.String(),
  total: Type.Integer(),
  processed: Type.Integer(),
  counts: Type.Union([
    Type.Object({
      sections: Type.Integer(),
      buildings: Type.Integer(),
      unitsCreated: Type.Integer(),
      unitsUpdated: Type.Integer(),
      peopleCreated: Type.Integer(),
      peopleUpdated: Type.Integer(),
    }),
    Type.Null(),
  ]),
  errorCount: Type.Integer(),
  /** the first errors (the downloadable report has them all) */
  errors: Type.Array(ZImportError),
  /** the error report's download token (GET /property/import-reports/{token}); null without a report */
  reportToken: NullableString,
  message: NullableString,
  elapsedMs: NullableInt,
  createdAt: Type.String(),
  finishedAt: NullableString,
});

export type TUnitStatus = Static<typeof ZUnitStatus>;
export type TPersonKind = Static<typeof ZPersonKind>;
export type TTree = Static<typeof ZTree>;
export type TUnitListItem = Static<typeof ZUnitListItem>;
export type TUnitPage = Static<typeof ZUnitPage>;
export type TPerson = Static<typeof ZPerson>;
export type TUnitDetail = Static<typeof ZUnitDetail>;
export type TOwnerListItem = Static<typeof ZOwnerListItem>;
export type TOwnerPage = Static<typeof ZOwnerPage>;
export type TBuildingUnits = Static<typeof ZBuildingUnits>;
export type TOfficerArea = Static<typeof ZOfficerArea>;
export type TOfficerHistory = Static<typeof ZOfficerHistory>;
export type TImportError = Static<typeof ZImportError>;
export type TImportJob = Static<typeof ZImportJob>;
