import type { Executor } from '../db/database.ts';
import { type Actor, canSeeProject } from './actor.ts';
import type { PlaceOf, RegisterDirectory } from './directory.ts';
import { type AppError, defineErrors, type FieldError } from './errors.ts';
import type { Text } from './i18n.ts';

/**
 * A field of a request that names another record (a building, a unit, an employee, a team…),
 * checked in the service before anything is stored: the record must exist, be in a project the
 * caller sees, and be in the project of the record being written (a unit of project B on a repair
 * of project A is refused even when the caller sees both).
 */
export interface Reference {
  /** the request's field, as the form names it: `buildingId` */
  field: string;
  id: number | null | undefined;
  /** what the record is, in both languages: { 'zh-CN': '楼栋', 'en-US': 'building' } */
  entity: Text;
  /** where the record sits (the owning module's function, passed in as a dependency) */
  place: PlaceOf;
  /** the record must also be inside this one (a unit inside the chosen building) */
  inside?: { field: string; id: number | null | undefined; entity: Text };
}

/** The two refusals of a module's references, declared with the module's own codes. */
export interface ReferenceErrors {
  /** 404: there is no such record, or it is in a project the caller does not see */
  missing: (params?: Record<string, unknown>, fields?: FieldError[]) => AppError;
  /** 400: the record exists but is in another project (or outside the chosen parent) */
  outside: (params?: Record<string, unknown>, fields?: FieldError[]) => AppError;
}

/** A module's reference error codes: `<PREFIX>_REFERENCE_NOT_FOUND` (404) and `_OUTSIDE_PROJECT` (400). */
export function defineReferenceErrors<P extends string>(prefix: P): ReferenceErrors {
  const errors = defineErrors({
    [`${prefix}_REFERENCE_NOT_FOUND`]: {
      status: 404,
      'zh-CN': '所选{entity}不存在或无权查看',
      'en-US': 'The chosen {entity} does not exist',
    },
    [`${prefix}_REFERENCE_OUTSIDE_PROJECT`]: {
      status: 400,
      'zh-CN': '所选{entity}不属于该项目',
      'en-US': 'The {entity} is not in this project',
    },
  } as Record<string, { status: number; 'zh-CN': string; 'en-US': string }>);
  return {
    missing: errors[`${prefix}_REFERENCE_NOT_FOUND`],
    outside: errors[`${prefix}_REFERENCE_OUTSIDE_PROJECT`],
  };
}

/**
 * Checks each given reference (null and absent ids are skipped) against the caller's projects and
 * the project `projectId` of the record being written; throws the first refusal, with the field
 * and a message in the caller's language.
 */
export async function checkReferences(
  ex: Executor,
  actor: Actor,
  projectId: number,
  refs: readonly Reference[],
  errors: ReferenceErrors,
): Promise<void> {
  const say = (t: Text) => t[actor.locale];
  for (const ref of refs) {
    if (ref.id === null || ref.id === undefined) continue;
    const place = await ref.place(ex, ref.id);
    const entity = say(ref.entity);
    if (!place || !canSeeProject(actor, place.projectId)) {
      throw errors.missing({ entity: ref.entity }, [
        { field: ref.field, message: say({ 'zh-CN': `${entity}不存在`, 'en-US': `No such ${entity}` }) },
      ]);
    }
    if (place.projectId !== projectId) {
      throw errors.outside({ entity: ref.entity }, [
        {
          field: ref.field,
          message: say({
            'zh-CN': `所选${entity}不属于该项目`,
            'en-US': `The ${entity} is not in this project`,
          }),
        },
      ]);
    }
    const inside = ref.inside;
    if (inside && inside.id !== null && inside.id !== undefined && place.parentId !== inside.id) {
      const parent = say(inside.entity);
      throw errors.outside({ entity: ref.entity }, [
        {
          field: ref.field,
          message: say({
            'zh-CN': `所选${entity}不在所选${parent}内`,
            'en-US': `The ${entity} is not in the chosen ${parent}`,
          }),
        },
      ]);
    }
  }
}

const BUILDING: Text = { 'zh-CN': '楼栋', 'en-US': 'building' };
const UNIT: Text = { 'zh-CN': '房屋', 'en-US': 'unit' };

/** The building and unit a report (repair, complaint) names: in its project, the unit inside the building. */
export function buildingAndUnit(
  register: Pick<RegisterDirectory, 'buildingPlace' | 'unitPlace'>,
  input: { buildingId?: number | null; unitId?: number | null },
): Reference[] {
  return [
    { field: 'buildingId', id: input.buildingId, entity: BUILDING, place: register.buildingPlace },
    {
      field: 'unitId',
      id: input.unitId,
      entity: UNIT,
      place: register.unitPlace,
      inside: { field: 'buildingId', id: input.buildingId, entity: BUILDING },
    },
  ];
}
