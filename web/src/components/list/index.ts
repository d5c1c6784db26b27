/** The list-page kit: a page imports what it declares with from here (see ListPage.tsx). */
export { FilterBar, type FilterDecl, type FilterValues, useUrlFilters } from './FilterBar.tsx';
export { type FieldDecl, type FieldRow, FormFields } from './FormFields.tsx';
export { type CreateDecl, ListPage, type ListPageProps } from './ListPage.tsx';
export { type Option, useBuildingOptions, useEmployeeOptions, useProjectEmployees } from './options.ts';
export { ActionDialog, type ActionForm, type RecordActions, useRecordActions } from './RecordActions.tsx';
