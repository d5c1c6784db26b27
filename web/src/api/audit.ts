import { useQuery } from '@tanstack/react-query';
import type { TAuditEntry } from '../../../server/modules/audit/audit.schemas.ts';
import { api } from './client.ts';

export type AuditEntry = TAuditEntry;

/** Every mutation that writes an audit row invalidates `auditKeys.all`, so open histories refresh. */
export const auditKeys = {
  all: ['audit'] as const,
  history: (entity: string, id: number | string) => [...auditKeys.all, entity, String(id)] as const,
};

export const auditApi = {
  history: (entity: string, id: number | string) => api.get<TAuditEntry[]>(`/audit/${entity}/${id}`),
};

export function useAuditHistory(entity: string, id: number | string, enabled = true) {
  return useQuery({
    queryKey: auditKeys.history(entity, id),
    queryFn: () => auditApi.history(entity, id),
    enabled,
  });
}
