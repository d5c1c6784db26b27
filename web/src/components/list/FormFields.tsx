/**
 * Form fields declared as data, for create dialogs and action dialogs. A row is one field, or
 * an array of fields side by side (each with its `width`). Inside an antd <Form>, so server
 * field errors (showError) land beside the field of the same `name`.
 *
 *   const fields: FieldRow[] = [
 *     { kind: 'project', name: 'projectId', label: t('common.project'), required: true },
 *     [
 *       { kind: 'text', name: 'reporterName', label: …, required: true, width: '50%', maxLength: 30 },
 *       { kind: 'text', name: 'reporterPhone', label: …, width: '50%', maxLength: 11 },
 *     ],
 *     { kind: 'employee', name: 'assigneeEmployeeId', label: …, projectField: 'projectId' },
 *     { kind: 'textarea', name: 'description', label: …, required: true, min: 2, maxLength: 1000 },
 *   ];
 *   <FormFields rows={fields} />
 */
import { DatePicker, Form, Input, InputNumber, Rate, Select, Space } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ReactNode } from 'react';
import { ProjectSelect } from '../ProjectSelect.tsx';
import { type Option, useEmployeeOptions } from './options.ts';

interface FieldBase {
  name: string;
  label: ReactNode;
  required?: boolean;
  /** the shortest text accepted */
  min?: number;
  /** within a row of fields: its share, e.g. '50%' */
  width?: string;
  placeholder?: string;
  testId?: string;
}
export type FieldDecl = FieldBase &
  (
    | { kind: 'text'; maxLength?: number }
    | { kind: 'textarea'; rows?: number; maxLength?: number }
    | { kind: 'number'; minValue?: number; maxValue?: number; step?: number }
    | {
        kind: 'select';
        options?: Option[];
        /** choices that load (called as a hook, always the same one for a declaration) */
        useOptions?: () => Option[] | undefined;
        allowClear?: boolean;
      }
    | { kind: 'project' }
    /** an employee of a fixed project, or of the project chosen in the form's `projectField` */
    | {
        kind: 'employee';
        projectId?: number;
        projectField?: string;
        withPosition?: boolean;
        allowClear?: boolean;
      }
    | { kind: 'datetime' }
    | { kind: 'rate' }
  );
export type FieldRow = FieldDecl | FieldDecl[];

function rulesOf(f: FieldDecl): Rule[] | undefined {
  if (!f.required && f.min === undefined) return undefined;
  return [{ required: !!f.required, ...(f.min !== undefined ? { min: f.min } : {}) }];
}

export function FormFields({ rows }: { rows: FieldRow[] }) {
  return (
    <>
      {rows.map((row) =>
        Array.isArray(row) ? (
          <Space.Compact block key={row.map((f) => f.name).join('-')}>
            {row.map((f) => (
              <FieldItem key={f.name} field={f} />
            ))}
          </Space.Compact>
        ) : (
          <FieldItem key={row.name} field={row} />
        ),
      )}
    </>
  );
}

function FieldItem({ field }: { field: FieldDecl }) {
  return (
    <Form.Item
      name={field.name}
      label={field.label}
      rules={rulesOf(field)}
      style={field.width ? { width: field.width } : undefined}
    >
      {control(field)}
    </Form.Item>
  );
}

function control(f: FieldDecl): ReactNode {
  switch (f.kind) {
    case 'text':
      return <Input maxLength={f.maxLength} placeholder={f.placeholder} data-testid={f.testId} />;
    case 'textarea':
      return (
        <Input.TextArea
          rows={f.rows ?? 3}
          maxLength={f.maxLength}
          placeholder={f.placeholder}
          data-testid={f.testId}
        />
      );
    case 'number':
      return (
        <InputNumber
          min={f.minValue}
          max={f.maxValue}
          step={f.step}
          style={{ width: '100%' }}
          data-testid={f.testId}
        />
      );
    case 'select':
      return <SelectControl field={f} />;
    case 'project':
      return <ProjectSelect placeholder={f.placeholder} data-testid={f.testId} />;
    case 'employee':
      return <EmployeeControl field={f} />;
    case 'datetime':
      return (
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
          data-testid={f.testId}
        />
      );
    case 'rate':
      return <Rate data-testid={f.testId} />;
  }
}

const noOptions = () => undefined;

// Form.Item hands value/onChange to its one child: these pass them on to the antd control.
type Controlled = { value?: unknown; onChange?: (v: unknown) => void; id?: string };

function SelectControl({ field, ...rest }: { field: Extract<FieldDecl, { kind: 'select' }> } & Controlled) {
  const loaded = (field.useOptions ?? noOptions)();
  return (
    <Select
      {...rest}
      allowClear={field.allowClear}
      placeholder={field.placeholder}
      data-testid={field.testId}
      options={field.options ?? loaded}
    />
  );
}

function EmployeeControl({
  field,
  ...rest
}: { field: Extract<FieldDecl, { kind: 'employee' }> } & Controlled) {
  const form = Form.useFormInstance();
  const chosen = Form.useWatch(field.projectField ?? '__none__', form) as number | undefined;
  const options = useEmployeeOptions(field.projectId ?? chosen, field.withPosition);
  return (
    <Select
      {...rest}
      allowClear={field.allowClear}
      placeholder={field.placeholder}
      data-testid={field.testId}
      options={options}
    />
  );
}
