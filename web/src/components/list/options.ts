/**
 * Choices that depend on a project — its buildings, its active employees — for filters,
 * forms and action dialogs. Every list page (repairs, complaints, patrols, renovations…)
 * asks for the same ones, so they are fetched here once per project and cached.
 */
import { useMemo } from 'react';
import { useTree } from '../../api/property.ts';
import { useEmployees } from '../../api/staff.ts';

export interface Option {
  value: string | number;
  label: string;
}

/** The active employees of a project (up to 200), the raw rows for labels with the position */
export function useProjectEmployees(projectId?: number) {
  return useEmployees({ projectId, pageSize: 200, status: 'active' }, !!projectId);
}

/** The employees of a project as choices; `withPosition` adds the position: 张伟（房管员） */
export function useEmployeeOptions(projectId?: number, withPosition = false): Option[] | undefined {
  const employees = useProjectEmployees(projectId);
  return useMemo(
    () =>
      employees.data?.items.map((e) => ({
        value: e.id,
        label: withPosition ? `${e.name}（${e.positionName ?? ''}）` : e.name,
      })),
    [employees.data, withPosition],
  );
}

/** The register's buildings of a project: 一期 3栋 */
export function useBuildingOptions(projectId?: number): Option[] | undefined {
  const tree = useTree(projectId);
  return useMemo(
    () =>
      tree.data?.sections.flatMap((sec) =>
        sec.buildings.map((b) => ({ value: b.id, label: `${sec.name} ${b.name}` })),
      ),
    [tree.data],
  );
}
