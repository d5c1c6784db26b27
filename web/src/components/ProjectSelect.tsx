import { Select, type SelectProps } from 'antd';
import { useProjects } from '../api/project.ts';

/** A choice among the caller's projects — the same list everywhere a form or filter asks for one. */
export function ProjectSelect(props: Omit<SelectProps<number>, 'options'>) {
  const projects = useProjects();
  return (
    <Select<number>
      {...props}
      loading={projects.isLoading}
      options={projects.data?.map((p) => ({ value: p.id, label: p.name }))}
    />
  );
}
