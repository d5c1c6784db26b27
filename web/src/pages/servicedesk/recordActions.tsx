/**
 * The forms of the service desk's state-machine actions, for the one action dialog
 * (components/list/RecordActions.tsx): which fields each move of a repair, a complaint or a
 * task asks for. The buttons come from the record's `actions`, served from the module's
 * transition table.
 */
import { SATISFACTIONS } from '../../../../server/modules/complaint/complaint.constants.ts';
import {
  type TComplaintDetail,
  type TRepairDetail,
  type TTask,
  useComplaintAction,
  useRepairAction,
  useTaskAction,
} from '../../api/servicedesk.ts';
import { type ActionForm, type FieldDecl, useRecordActions } from '../../components/list/index.ts';
import { useI18n } from '../../i18n.tsx';
import { resultField } from './shared.tsx';

type T = ReturnType<typeof useI18n>['t'];

const comment = (t: T): FieldDecl => ({
  kind: 'textarea',
  name: 'comment',
  label: t('servicedesk.comment'),
  rows: 2,
  maxLength: 500,
});

/** 关闭, 返修/重新处理, 取消/撤销 ask only for a comment, for a repair and a complaint alike */
const closeReopenCancel = <R,>(
  t: T,
  noun: 'repair' | 'complaint',
): Record<'close' | 'reopen' | 'cancel', ActionForm<R>> => ({
  close: { fields: [comment(t)], confirm: () => t(`servicedesk.confirm.${noun}Close`) },
  reopen: { fields: [comment(t)] },
  cancel: {
    button: { danger: true },
    fields: [comment(t)],
    confirm: () => t(`servicedesk.confirm.${noun}Cancel`),
  },
});

function repairForms(t: T): Record<string, ActionForm<TRepairDetail>> {
  return {
    dispatch: {
      button: { type: 'primary' },
      initialValues: (r) => ({ department: r.responsible }),
      fields: (r) => [
        {
          kind: 'employee',
          name: 'assigneeEmployeeId',
          label: t('servicedesk.assignee'),
          projectId: r.projectId,
          withPosition: true,
          allowClear: true,
          testId: 'dispatch-assignee',
        },
        { kind: 'text', name: 'department', label: t('servicedesk.department'), maxLength: 50 },
      ],
    },
    complete: {
      button: { type: 'primary' },
      fields: [resultField(t)],
    },
    visit: {
      fields: [{ kind: 'rate', name: 'rating', label: t('servicedesk.rating'), required: true }, comment(t)],
    },
    start: { fields: [comment(t)] },
    ...closeReopenCancel(t, 'repair'),
  };
}

/** 派工, 开始处理, 完成, 回访评价, 关闭, 返修, 取消 of a repair order (detail page) */
export function useRepairActions() {
  const { t } = useI18n();
  const act = useRepairAction();
  return useRecordActions<TRepairDetail>({
    forms: repairForms(t),
    label: (a) => t(`servicedesk.actions.${a}`),
    title: (a, r) => `${t(`servicedesk.actions.${a}`)} · ${r.code}`,
    okText: 'action',
    testIdPrefix: 'action-',
    run: (r, action, body) => act.mutateAsync({ id: r.id, action, body }),
  });
}

function complaintForms(t: T): Record<string, ActionForm<TComplaintDetail>> {
  const note = (required: boolean): FieldDecl => ({
    kind: 'textarea',
    name: 'note',
    label: t('servicedesk.note'),
    required,
    maxLength: 1000,
  });
  return {
    assign: {
      button: { type: 'primary' },
      fields: (k) => [
        {
          kind: 'employee',
          name: 'handlerEmployeeId',
          label: t('servicedesk.handler'),
          projectId: k.projectId,
          required: true,
        },
        note(false),
      ],
    },
    record: { fields: [note(true)] },
    resolve: {
      button: { type: 'primary' },
      fields: [
        {
          kind: 'textarea',
          name: 'resolution',
          label: t('servicedesk.resolution'),
          required: true,
          maxLength: 1000,
        },
      ],
    },
    visit: {
      fields: [
        {
          kind: 'select',
          name: 'satisfaction',
          label: t('servicedesk.satisfaction'),
          required: true,
          options: SATISFACTIONS.map((s) => ({ value: s, label: t(`servicedesk.satisfactions.${s}`) })),
        },
        comment(t),
      ],
    },
    markImproper: {
      button: { danger: true },
      confirm: () => t('servicedesk.confirm.markImproper'),
      fields: [
        {
          kind: 'textarea',
          name: 'reason',
          label: t('servicedesk.improperReason'),
          required: true,
          min: 2,
          maxLength: 500,
        },
      ],
    },
    markDuplicate: {
      confirm: () => t('servicedesk.confirm.markDuplicate'),
      fields: [
        {
          kind: 'text',
          name: 'duplicateOf',
          label: t('servicedesk.duplicateOf'),
          required: true,
          maxLength: 11,
        },
        note(false),
      ],
    },
    ...closeReopenCancel(t, 'complaint'),
  };
}

/** 指派, 处理记录, 解决, 回访, 关闭, 重新处理, 撤销, and the manager's 标记处理不当 of a complaint */
export function useComplaintActions() {
  const { t } = useI18n();
  const act = useComplaintAction();
  return useRecordActions<TComplaintDetail>({
    forms: complaintForms(t),
    label: (a) => (a === 'reopen' ? t('servicedesk.complaintReopen') : t(`servicedesk.actions.${a}`)),
    title: (a, k) => `${t(`servicedesk.actions.${a}`)} · ${k.code}`,
    run: (k, action, body) => act.mutateAsync({ id: k.id, action, body }),
  });
}

/** a reason for a decision on a cancellation: required, as the server asks */
const reasonField = (label: string): FieldDecl => ({
  kind: 'textarea',
  name: 'reason',
  label,
  required: true,
  min: 2,
  maxLength: 500,
  testId: 'task-reason',
});

/**
 * Cancelling past the due time: does it still count as late (the default), or does the decider excuse it?
 * (docs/servicedesk.md, "Cancelling a task")
 */
const excuseField = (t: T, task: TTask): FieldDecl[] =>
  new Date(task.dueAt).getTime() < Date.now()
    ? [
        {
          kind: 'select',
          name: 'lateness',
          label: t('servicedesk.lateness'),
          required: true,
          options: [
            { value: 'count', label: t('servicedesk.countsAsLate') },
            { value: 'excuse', label: t('servicedesk.excuseLate') },
          ],
          testId: 'task-lateness',
        },
      ]
    : [];

/**
 * The task's moves — in the list's rows and on its page. The one place of the cancel button and its
 * dialog (取消 by the issuer or a manager, 申请取消 by the assignee, 同意/驳回 by the issuer), each with its
 * reason.
 */
export function useTaskActions() {
  const { t } = useI18n();
  const act = useTaskAction();
  return useRecordActions<TTask>({
    forms: {
      complete: {
        fields: [resultField(t)],
      },
      requestCancel: { fields: [reasonField(t('servicedesk.requestReason'))] },
      cancel: {
        button: { danger: true },
        // with its reason field the dialog itself asks, with the consequence above the fields
        confirm: (task) => t('servicedesk.confirm.taskCancel', { title: task.title }),
        initialValues: () => ({ lateness: 'count' }),
        fields: (task) => [reasonField(t('servicedesk.cancelReason')), ...excuseField(t, task)],
      },
      approveCancel: {
        confirm: (task) => t('servicedesk.confirm.taskCancel', { title: task.title }),
        // the decider writes her own reason; the request's is on the page beside the button
        initialValues: () => ({ lateness: 'count' }),
        fields: (task) => [reasonField(t('servicedesk.cancelReason')), ...excuseField(t, task)],
      },
      declineCancel: { fields: [reasonField(t('servicedesk.declineReason'))] },
    },
    label: (a) => t(`servicedesk.taskActions.${a}`),
    title: (a, task) => `${t(`servicedesk.taskActions.${a}`)} · ${task.title}`,
    run: (task, action, { lateness, ...body }) =>
      act.mutateAsync({
        id: task.id,
        action,
        body: lateness === undefined ? body : { ...body, excuseLate: lateness === 'excuse' },
      }),
  });
}
