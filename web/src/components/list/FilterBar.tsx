/**
 * A list's filter bar, built from a declaration, with its values kept in the URL's query
 * string (so a filtered list can be bookmarked or sent). A page declares its filters once:
 *
 *   const filters: FilterDecl[] = [
 *     { kind: 'project', key: 'projectId' },
 *     { kind: 'select', key: 'status', placeholder: t('…status'), options: STATUS_OPTIONS },
 *     { kind: 'building', key: 'buildingId' },            // buildings of the chosen (or first) project
 *     { kind: 'dateRange' },                              // writes `from` and `to` (YYYY-MM-DD)
 *     { kind: 'switch', key: 'overdue', label: t('…overdueOnly') },
 *     { kind: 'search', key: 'q', placeholder: t('…location') },
 *   ];
 *   const [values, setValues] = useUrlFilters(filters);  // values go to the API as they are
 */
import { DatePicker, Input, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useProjects } from '../../api/project.ts';
import { ProjectSelect } from '../ProjectSelect.tsx';
import { type Option, useBuildingOptions, useEmployeeOptions } from './options.ts';

export type FilterValue = string | number | boolean | undefined;
export type FilterValues = Record<string, FilterValue>;

interface Keyed {
  /** the query parameter, as the API names it */
  key: string;
  placeholder?: string;
  width?: number;
  testId?: string;
}
export type FilterDecl =
  | (Keyed & { kind: 'project' })
  | (Keyed & {
      kind: 'select';
      options?: Option[];
      /** choices that load (called as a hook, always the same one for a declaration) */
      useOptions?: () => Option[] | undefined;
      /** the values are ids: read them back from the URL as numbers */
      numeric?: boolean;
    })
  /** the buildings, or the employees, of the project filter's project (else the caller's first) */
  | (Keyed & { kind: 'building' | 'employee'; projectKey?: string })
  | (Keyed & { kind: 'switch'; label: ReactNode })
  | (Keyed & { kind: 'search' })
  | {
      kind: 'dateRange';
      /** parameter names of the first and the last day; default `from` and `to` */
      keys?: [string, string];
      /** shown while none is chosen (a page's summary uses it); the list stays unfiltered */
      shown?: [string, string];
    };

const NUMERIC = new Set(['project', 'building', 'employee']);

function keysOf(decl: FilterDecl): string[] {
  return decl.kind === 'dateRange' ? (decl.keys ?? ['from', 'to']) : [decl.key];
}

function parse(decl: FilterDecl, raw: string | null): FilterValue {
  if (raw === null || raw === '') return undefined;
  if (decl.kind === 'switch') return raw === 'true' ? true : undefined;
  if (NUMERIC.has(decl.kind) || (decl.kind === 'select' && decl.numeric)) {
    const n = Number(raw);
    return Number.isFinite(n) ? n : undefined;
  }
  return raw;
}

/** The declared filters' values from the URL, and a setter that writes them back (replacing history). */
export function useUrlFilters(decls: FilterDecl[]): [FilterValues, (patch: FilterValues) => void] {
  const [params, setParams] = useSearchParams();
  const values: FilterValues = {};
  for (const decl of decls) for (const key of keysOf(decl)) values[key] = parse(decl, params.get(key));
  const set = (patch: FilterValues) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === '' || v === false) next.delete(k);
          else next.set(k, String(v));
        }
        return next;
      },
      { replace: true },
    );
  return [values, set];
}

interface FilterBarProps {
  filters: FilterDecl[];
  values: FilterValues;
  onChange(patch: FilterValues): void;
}

export function FilterBar({ filters, values, onChange }: FilterBarProps) {
  return (
    <Space wrap>
      {filters.map((decl) => (
        <FilterField key={keysOf(decl).join('-')} decl={decl} values={values} onChange={onChange} />
      ))}
    </Space>
  );
}

function FilterField({
  decl,
  values,
  onChange,
}: { decl: FilterDecl; values: FilterValues } & Pick<FilterBarProps, 'onChange'>) {
  switch (decl.kind) {
    case 'project':
      return (
        <ProjectSelect
          allowClear
          placeholder={decl.placeholder}
          style={{ width: decl.width ?? 140 }}
          data-testid={decl.testId}
          value={values[decl.key] as number | undefined}
          onChange={(v) => onChange({ [decl.key]: v })}
        />
      );
    case 'select':
      return <SelectFilter decl={decl} values={values} onChange={onChange} />;
    case 'building':
    case 'employee':
      return <ProjectChoiceFilter decl={decl} values={values} onChange={onChange} />;
    case 'switch':
      return (
        <Space>
          <Switch
            size="small"
            data-testid={decl.testId}
            checked={values[decl.key] === true}
            onChange={(v) => onChange({ [decl.key]: v || undefined })}
          />
          {decl.label}
        </Space>
      );
    case 'search':
      return <SearchFilter decl={decl} value={values[decl.key] as string | undefined} onChange={onChange} />;
    case 'dateRange':
      return <DateRangeFilter decl={decl} values={values} onChange={onChange} />;
  }
}

const noOptions = () => undefined;

function SelectFilter({
  decl,
  values,
  onChange,
}: { decl: Extract<FilterDecl, { kind: 'select' }>; values: FilterValues } & Pick<
  FilterBarProps,
  'onChange'
>) {
  const loaded = (decl.useOptions ?? noOptions)();
  return (
    <Select
      allowClear
      placeholder={decl.placeholder}
      style={{ width: decl.width ?? 120 }}
      data-testid={decl.testId}
      options={decl.options ?? loaded}
      value={values[decl.key] as string | number | undefined}
      onChange={(v) => onChange({ [decl.key]: v })}
    />
  );
}

function ProjectChoiceFilter({
  decl,
  values,
  onChange,
}: { decl: Extract<FilterDecl, { kind: 'building' | 'employee' }>; values: FilterValues } & Pick<
  FilterBarProps,
  'onChange'
>) {
  const projects = useProjects();
  const projectId = (values[decl.projectKey ?? 'projectId'] as number | undefined) ?? projects.data?.[0]?.id;
  const buildings = useBuildingOptions(decl.kind === 'building' ? projectId : undefined);
  const employees = useEmployeeOptions(decl.kind === 'employee' ? projectId : undefined);
  return (
    <Select
      allowClear
      placeholder={decl.placeholder}
      style={{ width: decl.width ?? (decl.kind === 'building' ? 150 : 120) }}
      data-testid={decl.testId}
      options={decl.kind === 'building' ? buildings : employees}
      value={values[decl.key] as number | undefined}
      onChange={(v) => onChange({ [decl.key]: v })}
    />
  );
}

function SearchFilter({
  decl,
  value,
  onChange,
}: { decl: Extract<FilterDecl, { kind: 'search' }>; value?: string } & Pick<FilterBarProps, 'onChange'>) {
  return (
    <Input.Search
      // a new URL value (a link, a reset) starts the box again from it
      key={value ?? ''}
      allowClear
      defaultValue={value}
      placeholder={decl.placeholder}
      style={{ width: decl.width ?? 160 }}
      data-testid={decl.testId}
      onSearch={(q) => onChange({ [decl.key]: q || undefined })}
    />
  );
}

function DateRangeFilter({
  decl,
  values,
  onChange,
}: { decl: Extract<FilterDecl, { kind: 'dateRange' }>; values: FilterValues } & Pick<
  FilterBarProps,
  'onChange'
>) {
  const [fromKey, toKey] = keysOf(decl);
  const from = (values[fromKey] as string | undefined) ?? decl.shown?.[0];
  const to = (values[toKey] as string | undefined) ?? decl.shown?.[1];
  return (
    <DatePicker.RangePicker
      value={from && to ? [dayjs(from), dayjs(to)] : null}
      onChange={(r) => {
        const [a, b] = (r ?? []) as [Dayjs | null, Dayjs | null];
        onChange({ [fromKey]: a?.format('YYYY-MM-DD'), [toKey]: b?.format('YYYY-MM-DD') });
      }}
    />
  );
}
