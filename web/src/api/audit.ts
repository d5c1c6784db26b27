import { api } from './client.ts';

export interface AuditEntry {
  id: number;
  at: string;
  userName: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export const auditApi = {
  history: (entity: string, id: number | string) => api.get<AuditEntry[]>(`/audit/${entity}/${id}`),
};
