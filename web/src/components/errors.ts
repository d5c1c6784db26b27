import type { FormInstance } from 'antd';
import { message } from 'antd';
import { ApiError } from '../api/client.ts';

/** Field errors as people read them: the messages, never the internal field names. */
function wordsOf(fields: { field: string; message: string }[]) {
  return [...new Set(fields.map((f) => f.message))].join('；');
}

/**
 * The one place that decides how an API error is shown: field errors go beside their form
 * fields, everything else becomes a message (with the request id of an unexpected error).
 */
export function showError(error: unknown, form?: FormInstance): void {
  if (error instanceof ApiError) {
    if (form && error.fields.length) {
      const known = new Set(Object.keys(form.getFieldsValue(true) ?? {}));
      const fields = error.fields.map((f) => ({ name: f.field.split('.'), errors: [f.message] }));
      form.setFields(fields);
      const unplaced = error.fields.filter((f) => !known.has(f.field.split('.')[0]));
      message.error(unplaced.length ? `${error.message}：${wordsOf(unplaced)}` : error.message);
      return;
    }
    const detail = error.fields.length ? `：${wordsOf(error.fields)}` : '';
    message.error(`${error.message}${detail}`);
    return;
  }
  message.error(error instanceof Error ? error.message : String(error));
}
