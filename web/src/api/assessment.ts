import { useQuery } from '@tanstack/react-query';
import { api, type Page } from './client.ts';

export interface LocalText {
  'zh-CN': string;
  'en-US': string;
}
export interface RecordRef {
  entity: string;
  id: number | string;
  label?: string;
}
export interface SchemeRule {
  key: string;
  seq: number;
  text: string;
  kind: 'count' | 'lateness' | 'bands' | 'target' | 'manual';
  pointsPerUnit: number;
  bands?: { op: 'gte' | 'gt' | 'lt' | 'lte'; thresholdBp: number; points: number }[];
  targetBp?: number;
  cap: number;
  metricKey?: string | null;
}
export interface SchemeItem {
  key: string;
  seq: number;
  name: string;
  requirements: string;
  weight: number;
  rules: SchemeRule[];
}
export interface Scheme {
  id: number;
  code: string;
  name: string;
  positionCode: string;
  version: number;
  latest: boolean;
  inUse: boolean;
  items: SchemeItem[];
  updatedAt: string;
}
export type AssessmentStatus = 'draft' | 'published' | 'finalized';
export interface AssessmentSummary {
  id: number;
  projectId: number;
  projectName: string;
  assesseeUserId: number;
  assesseeName: string;
  assessorUserId: number;
  assessorName: string;
  schemeId: number;
  schemeName: string;
  schemeVersion: number;
  positionCode: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  revision: number;
  revisionOf: number | null;
  revisionReason: string | null;
  status: AssessmentStatus;
  total: number;
  fullMarks: number;
  publishedAt: string | null;
  appealDeadline: string | null;
  finalizedAt: string | null;
  computedAt: string | null;
  updatedAt: string;
}
export interface DeductionRow {
  rowKey: string;
  itemKey: string;
  ruleKey: string;
  source: 'auto' | 'manual';
  quantity: number;
  rawPoints: number;
  points: number;
  detail: string;
  evidence: RecordRef[];
  metricMissing?: boolean;
  adjusted?: { fromPoints: number; reason: string };
  by?: string;
  manualEntryId?: number;
  createdAt?: string;
}
export interface Appeal {
  id: number;
  rowKey: string;
  rowPoints: number;
  reason: string;
  status: 'pending' | 'upheld' | 'rejected';
  newPoints: number | null;
  decisionReason: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  createdByName: string;
  createdAt: string;
}
export type SheetAction =
  | 'refresh'
  | 'addManual'
  | 'deleteManual'
  | 'publish'
  | 'appeal'
  | 'decide'
  | 'finalize'
  | 'revise';
export interface Sheet {
  assessment: AssessmentSummary;
  scheme: { id: number; name: string; version: number; items: SchemeItem[] };
  missingMetrics: string[];
  metricLabels: Record<string, LocalText>;
  rows: DeductionRow[];
  items: { itemKey: string; weight: number; deducted: number; score: number }[];
  totalDeducted: number;
  total: number;
  fullMarks: number;
  warnings: { code: string; subject: string; message: string }[];
  appeals: Appeal[];
  revisions: {
    id: number;
    revision: number;
    status: AssessmentStatus;
    total: number;
    revisionReason: string | null;
    createdAt: string;
    finalizedAt: string | null;
  }[];
  actions: SheetAction[];
  appealWindowOpen: boolean;
}
export interface Assessee {
  userId: number;
  name: string;
  role: string;
  employeeId: number;
  employeeCode: string;
  projectId: number;
  projectName: string;
  positionCode: string | null;
  positionName: string | null;
  schemeId: number | null;
  schemeName: string | null;
}
export interface AppealListItem {
  id: number;
  assessmentId: number;
  rowKey: string;
  rowPoints: number;
  reason: string;
  status: Appeal['status'];
  newPoints: number | null;
  decisionReason: string | null;
  decidedAt: string | null;
  createdAt: string;
  period: string;
  projectId: number;
  projectName: string;
  assesseeName: string;
  assessorName: string;
}
export interface Settings {
  periodStartDay: number;
  appealDays: number;
  currentPeriod: string;
}

type Query = Record<string, string | number | undefined>;

export const assessmentApi = {
  schemes: () => api.get<Scheme[]>('/assessment/schemes'),
  saveScheme: (id: number, body: { name: string; positionCode: string; items: SchemeItem[] }) =>
    api.put<Scheme>(`/assessment/schemes/${id}`, body),
  settings: () => api.get<Settings>('/assessment/settings'),
  saveSettings: (body: { periodStartDay: number; appealDays: number }) =>
    api.put<Settings>('/assessment/settings', body),
  assessees: (projectId?: number) => api.get<Assessee[]>('/assessment/assessees', { projectId }),
  list: (query: Query) => api.get<Page<AssessmentSummary>>('/assessments', query),
  get: (id: number) => api.get<Sheet>(`/assessments/${id}`),
  create: (body: { assesseeUserId: number; period: string }) => api.post<Sheet>('/assessments', body),
  refresh: (id: number) => api.post<Sheet>(`/assessments/${id}/refresh`),
  publish: (id: number) => api.post<Sheet>(`/assessments/${id}/publish`),
  finalize: (id: number) => api.post<Sheet>(`/assessments/${id}/finalize`),
  revise: (id: number, reason: string) => api.post<Sheet>(`/assessments/${id}/revisions`, { reason }),
  addManual: (id: number, body: Record<string, unknown>) =>
    api.post<Sheet>(`/assessments/${id}/manual-entries`, body),
  deleteManual: (id: number, entryId: number) =>
    api.delete<Sheet>(`/assessments/${id}/manual-entries/${entryId}`),
  appeal: (id: number, rowKey: string, reason: string) =>
    api.post<Sheet>(`/assessments/${id}/appeals`, { rowKey, reason }),
  decide: (appealId: number, body: { decision: 'upheld' | 'rejected'; newPoints?: number; reason: string }) =>
    api.post<Sheet>(`/assessment/appeals/${appealId}/decision`, body),
  appeals: (status?: string) => api.get<AppealListItem[]>('/assessment/appeals', { status }),
  appealLocation: (id: number) =>
    api.get<{ id: number; assessmentId: number; rowKey: string }>(`/assessment/appeals/${id}`),
  ranking: (query: Query) => api.get<(AssessmentSummary & { rank: number })[]>('/assessment/ranking', query),
  trend: (query: Query) =>
    api.get<{
      userId: number;
      name: string | null;
      points: { period: string; total: number | null; status: string | null; assessmentId: number | null }[];
    }>('/assessment/trend', query),
  exportHref: (id: number) => api.href(`/assessments/${id}/export`),
};

export function useSchemes() {
  return useQuery({ queryKey: ['assessment-schemes'], queryFn: assessmentApi.schemes, staleTime: 60_000 });
}
export function useAssessmentSettings() {
  return useQuery({ queryKey: ['assessment-settings'], queryFn: assessmentApi.settings, staleTime: 60_000 });
}
