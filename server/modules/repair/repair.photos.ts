import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/database.ts';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { commonErrors, defineErrors, notFound } from '../../lib/errors.ts';
import { type Clock, systemClock } from '../../lib/time.ts';
import * as repo from './repair.repository.ts';
import type { RepairOrderTable } from './repair.tables.ts';
import { STATUS_LABELS } from './repair.transitions.ts';

export const repairErrors = defineErrors({
  REPAIR_PHOTO_TOO_LARGE: {
    status: 400,
    'zh-CN': '照片不能超过 {maxMb} MB',
    'en-US': 'A photo may not exceed {maxMb} MB',
  },
  REPAIR_PHOTO_TYPE: {
    status: 400,
    'zh-CN': '只能上传 JPG、PNG 或 WebP 格式的照片',
    'en-US': 'Only JPG, PNG or WebP photos can be uploaded',
  },
  REPAIR_PHOTO_MISSING: { status: 400, 'zh-CN': '请选择要上传的照片', 'en-US': 'Choose a photo to upload' },
  REPAIR_PHOTO_COUNT: {
    status: 400,
    'zh-CN': '每张报修单最多 {max} 张照片',
    'en-US': 'At most {max} photos per repair order',
  },
});

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_MAX_COUNT = 6;

/** The image type from the file's first bytes (a declared content type is not trusted). */
export function sniffImage(buf: Buffer): { mime: string; ext: string } | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff)
    return { mime: 'image/jpeg', ext: 'jpg' };
  if (
    buf.length >= 8 &&
    buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return { mime: 'image/png', ext: 'png' };
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP')
    return { mime: 'image/webp', ext: 'webp' };
  return null;
}

/** A photo's address token: the random name it is stored under (photo ids are sequential, so not those). */
export function photoToken(path: string): string {
  return basename(path).replace(/\.[a-z]+$/, '');
}
export const PHOTO_TOKEN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/** A repair order's photos (报修照片): stored under the data folder, listed with the order. Part of the repair service. */
export function createRepairPhotos({
  db,
  config,
  clock = systemClock,
  findOrder,
}: {
  db: DB;
  config: Config;
  clock?: Clock;
  /** the order if the caller may see it (else "not found") */
  findOrder: (actor: Actor, id: number) => Promise<RepairOrderTable & { id: number }>;
}) {
  const nowIso = () => clock.now().toISOString();
  return {
    /** A photo: type and size checked before anything is stored; the file is written before the row. */
    async addPhoto(
      actor: Actor,
      id: number,
      file: { buffer: Buffer; fileName: string } | null,
      stage: 'report' | 'completion',
    ) {
      const order = await findOrder(actor, id);
      if (!file || file.buffer.length === 0) throw repairErrors.REPAIR_PHOTO_MISSING();
      if (file.buffer.length > PHOTO_MAX_BYTES)
        throw repairErrors.REPAIR_PHOTO_TOO_LARGE({ maxMb: PHOTO_MAX_BYTES / 1048576 });
      const kind = sniffImage(file.buffer);
      if (!kind) throw repairErrors.REPAIR_PHOTO_TYPE();
      if (order.status === 'closed' || order.status === 'cancelled')
        throw commonErrors.ILLEGAL_TRANSITION({
          from: STATUS_LABELS[order.status],
          action: { 'zh-CN': '上传照片', 'en-US': 'add a photo' },
        });
      if ((await repo.countPhotos(db, id)) >= PHOTO_MAX_COUNT)
        throw repairErrors.REPAIR_PHOTO_COUNT({ max: PHOTO_MAX_COUNT });
      const relative = join('repair', String(order.project_id), String(id), `${randomUUID()}.${kind.ext}`);
      const absolute = join(config.dataDir, 'uploads', relative);
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, file.buffer);
      try {
        return await db.transaction().execute(async (trx) => {
          const row = await repo.insertPhoto(trx, {
            repair_order_id: id,
            project_id: order.project_id,
            stage,
            file_name: file.fileName.slice(0, 100),
            mime: kind.mime,
            size: file.buffer.length,
            path: relative,
            created_by: actor.userId || null,
            created_at: nowIso(),
          });
          await writeAudit(trx, actor, {
            entity: 'repair_order',
            entityId: id,
            projectId: order.project_id,
            action: 'photo',
            after: { fileName: row.file_name, size: row.size, stage },
          });
          return { id: row.id, url: `/api/repairs/${id}/photos/${photoToken(row.path)}` };
        });
      } catch (err) {
        rmSync(absolute, { force: true });
        throw err;
      }
    },
    /** A photo by its token, to whoever may see the order (at most a few photos per order). */
    async photoFile(actor: Actor, id: number, token: string) {
      await findOrder(actor, id);
      const photo = (await repo.listPhotos(db, id)).find((p) => photoToken(p.path) === token);
      if (!photo) throw notFound('照片', 'Photo');
      return { path: join(config.dataDir, 'uploads', photo.path), mime: photo.mime };
    },
  };
}
