import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ImportMode, UnitStatus } from '../../../server/modules/property/property.constants.ts';
import type {
  TBuildingInput,
  TBuildingRow,
  TBuildingUnits,
  TImportError,
  TImportJob,
  TOfficerArea,
  TOfficerAssign,
  TOfficerHistory,
  TOwnerListItem,
  TOwnerPage,
  TOwnerQuery,
  TPerson,
  TPersonInput,
  TSectionInput,
  TSectionRow,
  TStatusChange,
  TTree,
  TUnitDetail,
  TUnitInput,
  TUnitListItem,
  TUnitPage,
  TUnitQuery,
} from '../../../server/modules/property/property.schemas.ts';
import { auditKeys } from './audit.ts';
import { api } from './client.ts';

export type {
  ImportMode,
  PersonKind,
  UnitStatus,
} from '../../../server/modules/property/property.constants.ts';
export {
  IMPORT_MODES,
  PERSON_KINDS,
  UNIT_STATUSES,
} from '../../../server/modules/property/property.constants.ts';
export type Tree = TTree;
export type StatusCounts = TTree['counts'];
export type UnitListItem = TUnitListItem;
export type Person = TPerson;
export type UnitDetail = TUnitDetail;
export type BuildingUnits = TBuildingUnits;
export type OwnerListItem = TOwnerListItem;
export type OfficerArea = TOfficerArea;
export type OfficerHistory = TOfficerHistory;
export type ImportError = TImportError;
export type ImportJob = TImportJob;
export type UnitQuery = Partial<TUnitQuery>;
export type OwnerQuery = Partial<TOwnerQuery>;

export const propertyKeys = {
  all: ['property'] as const,
  tree: (projectId?: number) => [...propertyKeys.all, 'tree', projectId] as const,
  buildingUnits: (buildingId: number) => [...propertyKeys.all, 'building-units', buildingId] as const,
  units: (query: UnitQuery) => [...propertyKeys.all, 'units', query] as const,
  unit: (id: number) => [...propertyKeys.all, 'unit', id] as const,
  owners: (query: OwnerQuery) => [...propertyKeys.all, 'owners', query] as const,
  officerAreas: (projectId?: number) => [...propertyKeys.all, 'officer-areas', projectId] as const,
  officerHistory: (buildingId: number) => [...propertyKeys.all, 'officer-history', buildingId] as const,
  myUnits: () => [...propertyKeys.all, 'my-units'] as const,
  importJob: (id: number) => [...propertyKeys.all, 'import', id] as const,
};

export const propertyApi = {
  tree: (projectId: number) => api.get<TTree>('/property/tree', { projectId }),
  createSection: (body: TSectionInput) => api.post<TSectionRow>('/property/sections', body),
  createBuilding: (body: TBuildingInput) => api.post<TBuildingRow>('/property/buildings', body),
  buildingUnits: (id: number) => api.get<TBuildingUnits>(`/property/buildings/${id}/units`),
  units: (query: UnitQuery) => api.get<TUnitPage>('/units', query),
  unit: (id: number) => api.get<TUnitDetail>(`/units/${id}`),
  createUnit: (body: TUnitInput) => api.post<TUnitDetail>('/units', body),
  updateUnit: (id: number, body: TUnitInput) => api.put<TUnitDetail>(`/units/${id}`, body),
  changeStatus: (id: number, body: TStatusChange) => api.post<TUnitDetail>(`/units/${id}/status`, body),
  addPerson: (unitId: number, body: TPersonInput) => api.post<TUnitDetail>(`/units/${unitId}/people`, body),
  updatePerson: (id: number, body: TPersonInput) => api.put<TUnitDetail>(`/owners/${id}`, body),
  removePerson: (id: number) => api.delete<TUnitDetail>(`/owners/${id}`),
  owners: (query: OwnerQuery) => api.get<TOwnerPage>('/owners', query),
  officerAreas: (projectId: number) => api.get<TOfficerArea[]>('/property/officer-areas', { projectId }),
  officerHistory: (buildingId: number) =>
    api.get<TOfficerHistory>(`/property/buildings/${buildingId}/officers`),
  assignOfficer: (buildingId: number, body: TOfficerAssign) =>
    api.put<TOfficerHistory>(`/property/buildings/${buildingId}/officer`, body),
  myUnits: () => api.get<TUnitDetail[]>('/my/units'),
  linkOwnerUser: (userId: number, unitId: number) =>
    api.post<TUnitDetail>('/property/owner-links', { userId, unitId }),
  unlinkOwnerUser: (userId: number, unitId: number) =>
    api.delete<TUnitDetail>(`/property/owner-links/${userId}/${unitId}`),
  startImport: (projectId: number, mode: ImportMode, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.post<TImportJob>(`/property/imports?projectId=${projectId}&mode=${mode}`, form);
  },
  importJob: (id: number) => api.get<TImportJob>(`/property/imports/${id}`),
  templateHref: () => api.href('/property/import-template'),
  reportHref: (token: string) => api.href(`/property/import-reports/${token}`),
  exportUnitsHref: (query: UnitQuery) => api.href('/units/export', query),
  exportOwnersHref: (query: OwnerQuery) => api.href('/owners/export', query),
};

// ---- queries ----

export function useTree(projectId?: number) {
  return useQuery({
    queryKey: propertyKeys.tree(projectId),
    queryFn: () => propertyApi.tree(projectId!),
    enabled: !!projectId,
  });
}
export function useBuildingUnits(buildingId: number) {
  return useQuery({
    queryKey: propertyKeys.buildingUnits(buildingId),
    queryFn: () => propertyApi.buildingUnits(buildingId),
  });
}
export function useUnit(id: number) {
  return useQuery({ queryKey: propertyKeys.unit(id), queryFn: () => propertyApi.unit(id) });
}
export function useOfficerAreas(projectId?: number) {
  return useQuery({
    queryKey: propertyKeys.officerAreas(projectId),
    queryFn: () => propertyApi.officerAreas(projectId!),
    enabled: !!projectId,
  });
}
export function useOfficerHistory(buildingId: number) {
  return useQuery({
    queryKey: propertyKeys.officerHistory(buildingId),
    queryFn: () => propertyApi.officerHistory(buildingId),
  });
}
/** 我的房屋: the owner's own units (owner portal). */
export function useMyUnits() {
  return useQuery({ queryKey: propertyKeys.myUnits(), queryFn: propertyApi.myUnits });
}
/** An import job, asked again every 300 ms while it runs. */
export function useImportJob(id: number | undefined) {
  return useQuery({
    queryKey: propertyKeys.importJob(id ?? 0),
    queryFn: () => propertyApi.importJob(id!),
    enabled: !!id,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 300 : false),
  });
}

// ---- mutations: each refreshes the register (tree, lists, units) and the open histories ----
// ---- mutations: each refreshes the register (tree, lists, units) and the open histories ----

/** `unitOf` names the unit a mutation answers with, so the unit page shows it at once without asking again. */
function usePropertyMutation<V, R>(mutationFn: (vars: V) => Promise<R>, unitOf?: (result: R) => TUnitDetail) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (result) => {
      const unit = unitOf?.(result);
      if (unit) queryClient.setQueryData(propertyKeys.unit(unit.id), unit);
      const isShownUnit = (key: readonly unknown[]) => !!unit && key[1] === 'unit' && key[2] === unit.id;
      return Promise.all([
        queryClient.invalidateQueries({
          queryKey: propertyKeys.all,
          predicate: (q) => !isShownUnit(q.queryKey),
        }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]);
    },
  });
}
/** For the mutations whose answer is the unit itself (TUnitDetail). */
const theUnit = (unit: TUnitDetail) => unit;

export const useCreateSection = () => usePropertyMutation(propertyApi.createSection);
export const useCreateBuilding = () => usePropertyMutation(propertyApi.createBuilding);
export const useCreateUnit = () => usePropertyMutation(propertyApi.createUnit, theUnit);
export const useUpdateUnit = () =>
  usePropertyMutation(
    ({ id, body }: { id: number; body: TUnitInput }) => propertyApi.updateUnit(id, body),
    theUnit,
  );
export const useChangeUnitStatus = () =>
  usePropertyMutation(
    ({ id, body }: { id: number; body: TStatusChange }) => propertyApi.changeStatus(id, body),
    theUnit,
  );
/** Adds a person to a unit (no id) or changes one. */
export const useSavePerson = () =>
  usePropertyMutation(
    ({ unitId, id, body }: { unitId: number; id: number | null; body: TPersonInput }) =>
      id ? propertyApi.updatePerson(id, body) : propertyApi.addPerson(unitId, body),
    theUnit,
  );
export const useRemovePerson = () =>
  usePropertyMutation((id: number) => propertyApi.removePerson(id), theUnit);
export const useLinkOwnerUser = () =>
  usePropertyMutation(
    ({ userId, unitId }: { userId: number; unitId: number }) => propertyApi.linkOwnerUser(userId, unitId),
    theUnit,
  );
export const useUnlinkOwnerUser = () =>
  usePropertyMutation(
    ({ userId, unitId }: { userId: number; unitId: number }) => propertyApi.unlinkOwnerUser(userId, unitId),
    theUnit,
  );
export const useAssignOfficer = () =>
  usePropertyMutation(({ buildingId, body }: { buildingId: number; body: TOfficerAssign }) =>
    propertyApi.assignOfficer(buildingId, body),
  );
export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ projectId, mode, file }: { projectId: number; mode: ImportMode; file: File }) =>
      propertyApi.startImport(projectId, mode, file),
    // the answer is the job's first state: shown at once, then polled by useImportJob
    onSuccess: (job) => queryClient.setQueryData(propertyKeys.importJob(job.id), job),
  });
}
/** After an import finished: the register changed under every open list (the job itself stays). */
export function useImportFinished() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      queryClient.invalidateQueries({
        queryKey: propertyKeys.all,
        predicate: (q) => q.queryKey[1] !== 'import',
      }),
    [queryClient],
  );
}

/** 8950 → "89.50" (m², stored in hundredths) */
export function formatArea(centi: number): string {
  return (centi / 100).toFixed(2);
}
export const STATUS_COLOR: Record<UnitStatus, string> = {
  vacant: '#d9d9d9',
  occupied: '#52c41a',
  renovating: '#faad14',
};
export const STATUS_TAG: Record<UnitStatus, string> = {
  vacant: 'default',
  occupied: 'green',
  renovating: 'orange',
};
