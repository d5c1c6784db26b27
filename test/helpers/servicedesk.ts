import type { ApiContext } from './app.ts';

/** A clock the test moves by hand: services read "now" from it. */
export function testClock(startLocal: string) {
  let t = new Date(`${startLocal}:00+08:00`).getTime();
  return {
    now: () => new Date(t),
    /** set "now" to a Beijing local time 'YYYY-MM-DDTHH:mm' */
    set(local: string) {
      t = new Date(`${local}:00+08:00`).getTime();
    },
  };
}

export async function idsOf(ctx: ApiContext) {
  const db = ctx.database.db;
  const users = await db.selectFrom('app_user').select(['id', 'username', 'employee_id']).execute();
  const projects = await db.selectFrom('project').select(['id', 'code']).orderBy('id').execute();
  const user = (u: string) => users.find((x) => x.username === u)!;
  return {
    user,
    employee: (u: string) => user(u).employee_id!,
    projectA: projects[0].id,
    projectB: projects[1].id,
  };
}

/** A multipart/form-data body with one file field. */
export function multipart(fileName: string, content: Buffer, contentType = 'image/png') {
  const boundary = `----pd${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A tiny valid PNG (1×1) */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
