import type { DB, Executor } from '../../db/database.ts';
import { type Actor, assertProjectVisible, requireRole } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { fieldError, notFound } from '../../lib/errors.ts';
import type { OutboundEvent } from '../../lib/events.ts';
import type { DueReminder } from '../../lib/reminders.ts';
import { type Clock, systemClock } from '../../lib/time.ts';
import { assertVersion, staleEdit } from '../../lib/versioning.ts';
import {
  type ChannelKind,
  MAX_ATTEMPTS,
  NOTIFY_EVENTS,
  type NotifyEvent,
  RETRY_BASE_SECONDS,
  RETRY_MAX_SECONDS,
} from './notify.constants.ts';
import * as repo from './notify.repository.ts';
import type { TChannel, TChannelInput, TDeliveryQuery } from './notify.schemas.ts';
import { type Message, type SenderConfig, send } from './notify.senders.ts';

type ChannelRow = NonNullable<Awaited<ReturnType<typeof repo.findChannel>>>;

export interface NotifyDeps {
  db: DB;
  clock?: Clock;
  senders: SenderConfig & {
    /** http:// to localhost allowed (tests, a local relay); otherwise a robot's URL must be https */
    allowLocal: boolean;
  };
  /** how a message is sent (tests pass the real one; kept injectable for a future SMS channel) */
  send?: (message: Message, config: SenderConfig) => Promise<void>;
}

/** A robot URL is a secret (its key): shown as its host and path with the last 4 characters. */
export function maskTarget(kind: ChannelKind, target: string): string {
  if (kind !== 'wecom') return target;
  try {
    const url = new URL(target);
    return `${url.origin}${url.pathname}?…${target.slice(-4)}`;
  } catch {
    return `…${target.slice(-4)}`;
  }
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/** The target as stored, or a field error: https robot URLs, a list of e-mail addresses. */
function checkTarget(actor: Actor, kind: ChannelKind, raw: string, allowLocal: boolean): string {
  const target = raw.trim();
  const bad = (zh: string, en: string) => fieldError('target', { 'zh-CN': zh, 'en-US': en }, actor.locale);
  if (kind === 'wecom') {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw bad(
        '请填写机器人的 Webhook 地址（以 https:// 开头）',
        "Enter the robot's webhook URL (https://…)",
      );
    }
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(allowLocal && local && url.protocol === 'http:'))
      throw bad('Webhook 地址必须以 https:// 开头', 'A webhook URL must start with https://');
    return url.toString();
  }
  const list = target
    .split(/[,;，；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (!list.length || list.length > 20 || !list.every((a) => EMAIL.test(a)))
    throw bad('请填写 1–20 个邮箱地址，用逗号分隔', 'Enter 1–20 e-mail addresses, separated by commas');
  return list.join(', ');
}

/** The wait before attempt n+1: 1 min, 2, 4 … never more than an hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(RETRY_MAX_SECONDS, RETRY_BASE_SECONDS * 2 ** Math.max(0, attempts - 1));
}

export type NotifyService = ReturnType<typeof createNotifyService>;

/**
 * 消息通道 Outbound channels: due and overdue items of the reminder centre reach a project's WeCom group
 * robot or e-mail list. Messages are written to an outbox in the scheduler's transaction and sent after
 * it commits, with retries and back-off; each (channel, event, record) is sent at most once.
 */
export function createNotifyService(deps: NotifyDeps) {
  const { db } = deps;
  const clock = deps.clock ?? systemClock;
  const sender = deps.send ?? send;

  async function toChannels(rows: ChannelRow[]): Promise<TChannel[]> {
    const latest = new Map(
      (
        await repo.latestOfChannels(
          db,
          rows.map((r) => r.id),
        )
      ).map((l) => [l.channel_id, l]),
    );
    return rows.map((r) => {
      const last = latest.get(r.id);
      return {
        id: r.id,
        projectId: r.project_id,
        kind: r.kind,
        name: r.name,
        target: maskTarget(r.kind, r.target),
        events: JSON.parse(r.events) as NotifyEvent[],
        active: r.active === 1,
        version: Number(r.version),
        lastStatus: last?.status ?? null,
        lastError: last?.last_error ?? null,
        lastAt: last ? (last.sent_at ?? last.created_at) : null,
      };
    });
  }
  const audited = (r: ChannelRow) => ({
    name: r.name,
    kind: r.kind,
    target: maskTarget(r.kind, r.target),
    events: JSON.parse(r.events),
    active: r.active === 1,
  });

  return {
    async list(actor: Actor, projectId?: number) {
      requireRole(actor, 'manager');
      return toChannels(await repo.listChannels(db, actor, projectId));
    },

    async create(actor: Actor, input: TChannelInput) {
      requireRole(actor, 'manager');
      assertProjectVisible(actor, input.projectId);
      if (!input.target?.trim())
        throw fieldError(
          'target',
          { 'zh-CN': '请填写发送地址', 'en-US': 'Enter where to send' },
          actor.locale,
        );
      const target = checkTarget(actor, input.kind, input.target, deps.senders.allowLocal);
      const at = clock.now().toISOString();
      const row = await db.transaction().execute(async (trx) => {
        const created = await repo.insertChannel(trx, {
          project_id: input.projectId,
          kind: input.kind,
          name: input.name.trim(),
          target,
          events: JSON.stringify(input.events),
          active: input.active === false ? 0 : 1,
          created_at: at,
          updated_at: at,
        });
        await writeAudit(trx, actor, {
          entity: 'notify_channel',
          entityId: created.id,
          projectId: created.project_id,
          action: 'create',
          after: audited(created),
        });
        return created;
      });
      return (await toChannels([row]))[0]!;
    },

    async update(actor: Actor, id: number, input: TChannelInput) {
      requireRole(actor, 'manager');
      const row = await db.transaction().execute(async (trx) => {
        const before = await repo.findChannel(trx, actor, id);
        if (!before) throw notFound('消息通道', 'Channel');
        assertProjectVisible(actor, input.projectId);
        const version = await assertVersion(trx, actor, 'notify_channel', id, before, input.version);
        const kindChanged = input.kind !== before.kind;
        if (kindChanged && !input.target?.trim())
          throw fieldError(
            'target',
            { 'zh-CN': '更换类型时请重新填写发送地址', 'en-US': 'A new kind needs a new target' },
            actor.locale,
          );
        const target = input.target?.trim()
          ? checkTarget(actor, input.kind, input.target, deps.senders.allowLocal)
          : before.target;
        const after = await repo.updateChannel(trx, id, version, {
          project_id: input.projectId,
          kind: input.kind,
          name: input.name.trim(),
          target,
          events: JSON.stringify(input.events),
          active: input.active === false ? 0 : 1,
          updated_at: clock.now().toISOString(),
        });
        if (!after) throw await staleEdit(trx, 'notify_channel', id, (await toChannels([before]))[0]);
        await writeAudit(trx, actor, {
          entity: 'notify_channel',
          entityId: id,
          projectId: after.project_id,
          action: 'update',
          before: audited(before),
          after: audited(after),
        });
        return after;
      });
      return (await toChannels([row]))[0]!;
    },

    /** Sends a test message now, outside the outbox: the answer says whether the receiver took it. */
    async test(actor: Actor, id: number) {
      requireRole(actor, 'manager');
      const row = await repo.findChannel(db, actor, id);
      if (!row) throw notFound('消息通道', 'Channel');
      const text = `PropDesk 测试消息：通道“${row.name}”已可用（${actor.displayName}）`;
      const error = await sender({ kind: row.kind, target: row.target, text }, deps.senders).then(
        () => null,
        (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500),
      );
      await writeAudit(db, actor, {
        entity: 'notify_channel',
        entityId: id,
        projectId: row.project_id,
        action: 'test',
        after: { ok: error === null, error },
      });
      return { ok: error === null, error };
    },

    async deliveries(actor: Actor, query: TDeliveryQuery) {
      requireRole(actor, 'manager');
      const { rows, total } = await repo.listDeliveries(db, actor, query, query);
      return {
        items: rows.map((r) => ({
          id: r.id,
          channelId: r.channel_id,
          event: r.event as NotifyEvent,
          entity: r.entity,
          entityId: r.entity_id,
          text: r.text,
          status: r.status,
          attempts: r.attempts,
          nextAttemptAt: r.next_attempt_at,
          lastError: r.last_error,
          createdAt: r.created_at,
          sentAt: r.sent_at,
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /**
     * The reminder check's due items, queued for the channels of their projects that hear their event —
     * in the check's own transaction, so a message exists exactly when its reminder does.
     */
    async enqueue(exec: Executor, due: DueReminder[], nowIso: string): Promise<number> {
      const withProject = due.filter((d): d is DueReminder & { projectId: number } => d.projectId !== null);
      const channels = await repo.activeChannelsOf(exec, [...new Set(withProject.map((d) => d.projectId))]);
      if (!channels.length) return 0;
      const rows = [];
      for (const d of withProject) {
        const event = `${d.entity}.${d.kind}`;
        if (!(NOTIFY_EVENTS as readonly string[]).includes(event)) continue;
        for (const c of channels) {
          if (c.project_id !== d.projectId || !(JSON.parse(c.events) as string[]).includes(event)) continue;
          rows.push({
            channel_id: c.id,
            project_id: c.project_id,
            event,
            entity: d.entity,
            entity_id: d.entityId,
            text: d.title,
            status: 'pending' as const,
            attempts: 0,
            next_attempt_at: nowIso,
            lease_until: null,
            last_error: null,
            created_at: nowIso,
            sent_at: null,
          });
        }
      }
      return repo.enqueue(exec, rows);
    },

    /**
     * A module's business event (a complaint received, a sheet published, an appeal decided), queued in the
     * action's own transaction for the project's channels that hear it; sent after commit like the rest.
     */
    async emit(exec: Executor, e: OutboundEvent): Promise<void> {
      const channels = (await repo.activeChannelsOf(exec, [e.projectId])).filter((c) =>
        (JSON.parse(c.events) as string[]).includes(e.event),
      );
      if (!channels.length) return;
      const at = clock.now().toISOString();
      await repo.enqueue(
        exec,
        channels.map((c) => ({
          channel_id: c.id,
          project_id: e.projectId,
          event: e.event,
          entity: e.entity,
          entity_id: String(e.entityId),
          text: e.text,
          status: 'pending' as const,
          attempts: 0,
          next_attempt_at: at,
          lease_until: null,
          last_error: null,
          created_at: at,
          sent_at: null,
        })),
      );
    },

    /**
     * Sends what is due in the outbox. Each message is leased first (a conditional update), so two
     * servers never send the same one; a failure waits 1, 2, 4 … minutes, and after MAX_ATTEMPTS the
     * message is marked failed (kept in the log).
     */
    async dispatch(limit = 50): Promise<{ sent: number; failed: number; retrying: number }> {
      const now = clock.now();
      const nowIso = now.toISOString();
      const due = await repo.dueMessages(db, nowIso, limit);
      const channels = new Map(
        (await repo.channelsByIds(db, [...new Set(due.map((m) => m.channel_id))])).map((c) => [c.id, c]),
      );
      const leaseUntil = new Date(now.getTime() + deps.senders.timeoutMs * 2 + 5000).toISOString();
      const tally = { sent: 0, failed: 0, retrying: 0 };
      for (const m of due) {
        const channel = channels.get(m.channel_id);
        if (!channel || !(await repo.lease(db, m.id, nowIso, leaseUntil))) continue;
        const attempts = m.attempts + 1;
        try {
          if (channel.active !== 1) throw new Error('channel is switched off');
          await sender({ kind: channel.kind, target: channel.target, text: m.text }, deps.senders);
          await repo.recordAttempt(db, m.id, {
            status: 'sent',
            attempts,
            sent_at: clock.now().toISOString(),
            last_error: null,
          });
          tally.sent++;
        } catch (e) {
          const error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
          const giveUp = attempts >= MAX_ATTEMPTS;
          await repo.recordAttempt(db, m.id, {
            status: giveUp ? 'failed' : 'pending',
            attempts,
            last_error: error,
            next_attempt_at: new Date(now.getTime() + retryDelaySeconds(attempts) * 1000).toISOString(),
          });
          if (giveUp) tally.failed++;
          else tally.retrying++;
        }
      }
      return tally;
    },
  };
}
