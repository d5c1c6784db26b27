import { useQuery } from '@tanstack/react-query';
import { api, type Page } from './client.ts';

export type UnitStatus = 'vacant' | 'occupied' | 'renovating';
export const UNIT_STATUSES: UnitStatus[] = ['vacant', 'occupied', 'renovating'];
export type PersonKind = 'owner' | 'resident';

export interface StatusCounts {
  vacant: number;
  occupied: number;
  renovating: number;
  total: number;
}
export interface TreeBuilding {
  id: number;
  name: string;
  floors: number | null;
  counts: StatusCounts;
  officerEmployeeId: number | null;
  officerName: string | null;
  mine: boolean;
}
export interface Tree {
  projectId: number;
  counts: StatusCounts;
  sections: { id: number; name: string; counts: StatusCounts; buildings: TreeBuilding[] }[];
}
export interface UnitListItem {
  id: number;
  projectId: number;
  projectName: string;
  sectionName: string;
  buildingId: number;
  buildingName: string;
  roomNo: string;
  floor: number;
  areaCentiM2: number;
  status: UnitStatus;
  handoverDate: string | null;
  moveInDate: string | null;
  mainName: string | null;
  mainPhone: string | null;
}
export interface Person {
  id: number;
  unitId: number;
  kind: PersonKind;
  name: string;
  phone: string | null;
  relation: string | null;
  isMainContact: boolean;
}
export interface UnitDetail extends UnitListItem {
  people: Person[];
  phonesMasked: boolean;
  history: {
    id: number;
    status: UnitStatus;
    fromDate: string;
    note: string | null;
    userName: string | null;
    createdAt: string;
  }[];
  officerName: string | null;
  linkedUsers: { userId: number; username: string; displayName: string }[];
}
export interface BuildingUnits {
  buildingId: number;
  buildingName: string;
  sectionName: string;
  officerName: string | null;
  units: { id: number; roomNo: string; floor: number; status: UnitStatus; areaCentiM2: number }[];
}
export interface OwnerListItem {
  id: number;
  unitId: number;
  sectionName: string;
  buildingName: string;
  roomNo: string;
  kind: PersonKind;
  name: string;
  phone: string | null;
  relation: string | null;
  isMainContact: boolean;
}
export interface OfficerArea {
  buildingId: number;
  buildingName: string;
  sectionName: string;
  employeeId: number | null;
  employeeName: string | null;
  fromDate: string | null;
}
export interface OfficerHistory {
  id: number;
  employeeId: number;
  employeeName: string;
  fromDate: string;
  toDate: string | null;
}
export interface ImportError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}
export interface ImportJob {
  id: number;
  projectId: number;
  fileName: string;
  status: 'running' | 'invalid' | 'done' | 'failed';
  phase: string;
  total: number;
  processed: number;
  counts: {
    sections: number;
    buildings: number;
    unitsCreated: number;
    unitsUpdated: number;
    peopleCreated: number;
    peopleUpdated: number;
  } | null;
  errorCount: number;
  errors: ImportError[];
  message: string | null;
  elapsedMs: number | null;
}

type Query = Record<string, string | number | undefined>;

export const propertyApi = {
  tree: (projectId: number) => api.get<Tree>('/property/tree', { projectId }),
  buildingUnits: (id: number) => api.get<BuildingUnits>(`/property/buildings/${id}/units`),
  units: (query: Query) => api.get<Page<UnitListItem>>('/units', query),
  unit: (id: number) => api.get<UnitDetail>(`/units/${id}`),
  changeStatus: (id: number, body: { status: UnitStatus; fromDate: string; note?: string | null }) =>
    api.post<UnitDetail>(`/units/${id}/status`, body),
  addPerson: (unitId: number, body: Omit<Person, 'id' | 'unitId'>) =>
    api.post<UnitDetail>(`/units/${unitId}/people`, body),
  updatePerson: (id: number, body: Omit<Person, 'id' | 'unitId'>) =>
    api.put<UnitDetail>(`/owners/${id}`, body),
  removePerson: (id: number) => api.delete<UnitDetail>(`/owners/${id}`),
  owners: (query: Query) => api.get<Page<OwnerListItem>>('/owners', query),
  officerAreas: (projectId: number) => api.get<OfficerArea[]>('/property/officer-areas', { projectId }),
  officerHistory: (buildingId: number) =>
    api.get<OfficerHistory[]>(`/property/buildings/${buildingId}/officers`),
  assignOfficer: (buildingId: number, body: { employeeId: number | null; fromDate: string }) =>
    api.put<OfficerHistory[]>(`/property/buildings/${buildingId}/officer`, body),
  myUnits: () => api.get<UnitDetail[]>('/my/units'),
  linkOwnerUser: (userId: number, unitId: number) =>
    api.post<UnitDetail>('/property/owner-links', { userId, unitId }),
  unlinkOwnerUser: (userId: number, unitId: number) =>
    api.delete<UnitDetail>(`/property/owner-links/${userId}/${unitId}`),
  startImport: (projectId: number, mode: 'create' | 'update', file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.post<ImportJob>(`/property/imports?projectId=${projectId}&mode=${mode}`, form);
  },
  importJob: (id: number) => api.get<ImportJob>(`/property/imports/${id}`),
  templateHref: () => api.href('/property/import-template'),
  reportHref: (id: number) => api.href(`/property/imports/${id}/report`),
  exportUnitsHref: (query: Query) => api.href('/units/export', query),
  exportOwnersHref: (query: Query) => api.href('/owners/export', query),
};

export function useTree(projectId?: number) {
  return useQuery({
    queryKey: ['property-tree', projectId],
    queryFn: () => propertyApi.tree(projectId!),
    enabled: !!projectId,
  });
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
