import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createNotifyService } from '../../server/modules/notify/notify.service.ts';
import { runScheduledCheck } from '../../server/modules/reminder/reminder.scheduler.ts';
import { describeApi } from '../helpers/app.ts';
import { idsOf, reportRepair, testClock } from '../helpers/servicedesk.ts';

/** Message channels (issue 16, point 6): a local WeCom-robot receiver and a local SMTP sink, no outside network. */

const clock = testClock('2026-12-02T10:00');
const HOUR = 3_600_000;

/** A WeCom group robot stand-in: records each POST; answers as told (errcode 0 by default). */
let robot: Server;
let robotUrl = '';
const received: { path: string; body: { msgtype: string; text: { content: string } } }[] = [];
let failNext = 0;
/** messages whose text holds this fail (as often as `times` says), the others are taken */
const failMatching = { text: '', times: 0 };
beforeAll(async () => {
  robot = createServer(async (req: IncomingMessage, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    if (failNext > 0) {
      failNext--;
      res.writeHead(500).end('down');
      return;
    }
    if (failMatching.times > 0 && failMatching.text && raw.includes(failMatching.text)) {
      failMatching.times--;
      res.writeHead(500).end('down');
      return;
    }
    received.push({ path: req.url ?? '', body: JSON.parse(raw) });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
  });
  await new Promise<void>((r) => robot.listen(0, '127.0.0.1', r));
  robotUrl = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/cgi-bin/webhook/send?key=secret-key-1234`;
});
afterAll(() => new Promise<void>((r) => robot.close(() => r())));

describeApi(
  'message channels',
  (ctx) => {
    const channelInput = (projectId: number, over: Record<string, unknown> = {}) => ({
      projectId,
      kind: 'wecom',
      name: '客服群机器人',
      target: robotUrl,
      events: ['repair_order.due', 'repair_order.overdue'],
      ...over,
    });

    it('keeps the robot key secret, refuses plain http to other hosts, and is for managers', async () => {
      const { projectA } = await idsOf(ctx);
      const manager = await ctx.as('manager');
      const http = await manager({
        method: 'POST',
        url: '/api/notify/channels',
        payload: channelInput(projectA, { target: 'http://example.com/hook' }),
      });
      expect(http.statusCode).toBe(400);
      expect(http.json().fields).toEqual([{ field: 'target', message: 'Webhook 地址必须以 https:// 开头' }]);
      const mail = await manager({
        method: 'POST',
        url: '/api/notify/channels',
        payload: channelInput(projectA, { kind: 'email', target: 'not-an-address' }),
      });
      expect(mail.json().fields[0].field).toBe('target');
      const badEvent = await manager({
        method: 'POST',
        url: '/api/notify/channels',
        payload: channelInput(projectA, { events: ['everything'] }),
      });
      expect(badEvent.statusCode).toBe(400);
      const officer = await ctx.as('officer');
      expect(
        (await officer({ method: 'POST', url: '/api/notify/channels', payload: channelInput(projectA) }))
          .statusCode,
      ).toBe(403);
      const created = await manager({
        method: 'POST',
        url: '/api/notify/channels',
        payload: channelInput(projectA),
      });
      expect(created.statusCode).toBe(200);
      expect(created.json().target).not.toContain('secret-key');
      expect(created.json().target.endsWith('1234')).toBe(true);
      const list = await manager({ method: 'GET', url: '/api/notify/channels' });
      expect(JSON.stringify(list.json())).not.toContain('secret-key');
      // an edit without a new target keeps the stored one (it is never sent back)
      const edited = await manager({
        method: 'PUT',
        url: `/api/notify/channels/${created.json().id}`,
        payload: {
          ...channelInput(projectA, { name: '客服一群' }),
          target: '',
          version: created.json().version,
        },
      });
      expect(edited.statusCode).toBe(200);
      const stored = await ctx.database.db
        .selectFrom('notify_channel')
        .select('target')
        .where('id', '=', created.json().id)
        .executeTakeFirstOrThrow();
      expect(stored.target).toBe(robotUrl);
      // a stale edit is refused
      const stale = await manager({
        method: 'PUT',
        url: `/api/notify/channels/${created.json().id}`,
        payload: { ...channelInput(projectA), version: created.json().version },
      });
      expect(stale.statusCode).toBe(409);
    });

    it("sends a test message the robot receives; another project's manager cannot touch the channel", async () => {
      const { projectA, projectB } = await idsOf(ctx);
      const manager = await ctx.as('manager');
      const [channel] = (
        await manager({ method: 'GET', url: `/api/notify/channels?projectId=${projectA}` })
      ).json();
      const before = received.length;
      const test = await manager({ method: 'POST', url: `/api/notify/channels/${channel.id}/test` });
      expect(test.json()).toEqual({ ok: true, error: null });
      expect(received.length).toBe(before + 1);
      expect(received.at(-1)!.body.msgtype).toBe('text');
      expect(received.at(-1)!.body.text.content).toContain('客服一群');
      expect(received.at(-1)!.path).toContain('key=secret-key-1234');
      failNext = 1;
      const down = await manager({ method: 'POST', url: `/api/notify/channels/${channel.id}/test` });
      expect(down.json()).toEqual({ ok: false, error: 'HTTP 500' });

      const admin = await ctx.as('admin');
      const made = await admin({
        method: 'POST',
        url: '/api/users',
        payload: {
          username: 'managerb',
          password: 'manager-b-pass',
          displayName: '乙项目经理',
          role: 'manager',
          projectIds: [projectB],
        },
      });
      expect(made.statusCode).toBe(200);
      const cookie = await ctx.login('managerb', 'manager-b-pass');
      const asB = (url: string, method: 'GET' | 'POST' = 'GET') =>
        ctx.app.inject({ method, url, headers: { cookie } });
      expect((await asB(`/api/notify/channels/${channel.id}/test`, 'POST')).statusCode).toBe(404);
      expect((await asB('/api/notify/channels')).json()).toEqual([]);
      expect((await asB('/api/notify/deliveries')).json().total).toBe(0);
    });

    it('queues due items in the check and sends each once, after the check, retrying with back-off', async () => {
      const { projectA } = await idsOf(ctx);
      // the demo's due items go out first, so this test follows one message of its own
      await runScheduledCheck(ctx.database, ctx.services.reminders.check, clock.now(), HOUR);
      await ctx.services.notify.dispatch(500);
      clock.set('2026-12-02T10:00');
      const order = await reportRepair(ctx, projectA, '楼道灯不亮');
      const outboxOf = () =>
        ctx.database.db
          .selectFrom('notify_outbox')
          .selectAll()
          .where('entity', '=', 'repair_order')
          .where('entity_id', '=', String(order.id))
          .execute();
      clock.set('2026-12-02T11:00'); // the next slot of the check
      const ran = await runScheduledCheck(ctx.database, ctx.services.reminders.check, clock.now(), HOUR);
      expect(ran).toMatchObject({ ran: true });
      expect((ran as { queued?: number }).queued).toBeGreaterThanOrEqual(1);
      expect(await outboxOf()).toEqual([
        expect.objectContaining({ event: 'repair_order.due', status: 'pending', attempts: 0 }),
      ]);
      // nothing was sent inside the check: the receiver hears only after commit, from the dispatcher
      const before = received.length;
      const marker = `（5栋301）待派工`;
      Object.assign(failMatching, { text: marker, times: 2 });
      const first = await ctx.services.notify.dispatch(500);
      expect(first.retrying).toBe(1);
      const [afterOne] = await outboxOf();
      expect(afterOne).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 500' });
      expect(Date.parse(afterOne!.next_attempt_at) - clock.now().getTime()).toBe(60_000);
      // not due yet: nothing is tried
      await ctx.services.notify.dispatch(500);
      expect((await outboxOf())[0]!.attempts).toBe(1);
      clock.set('2026-12-02T11:01');
      await ctx.services.notify.dispatch(500);
      const [afterTwo] = await outboxOf();
      expect(afterTwo).toMatchObject({ status: 'pending', attempts: 2 });
      expect(Date.parse(afterTwo!.next_attempt_at) - clock.now().getTime()).toBe(120_000);
      clock.set('2026-12-02T11:03');
      // a restart in between: a new service over the same database finds the message in the outbox
      const restarted = createNotifyService({
        db: ctx.database.db,
        clock,
        senders: { smtpUrl: null, smtpFrom: 'x@y.z', allowLocal: true, timeoutMs: 5000 },
      });
      await restarted.dispatch(500);
      const [sent] = await outboxOf();
      expect(sent).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
      const mine = received.slice(before).filter((m) => m.body.text.content.includes(marker));
      expect(mine.length).toBe(1);
      // the next check and dispatch send nothing again
      clock.set('2026-12-02T13:05');
      await runScheduledCheck(ctx.database, ctx.services.reminders.check, clock.now(), HOUR);
      await ctx.services.notify.dispatch(500);
      // (by now the order is past its dispatch limit: that is another event, queued once too)
      expect((await outboxOf()).filter((m) => m.event === 'repair_order.due').length).toBe(1);
      expect(received.slice(before).filter((m) => m.body.text.content.includes(marker)).length).toBe(1);
      // the delivery log shows it
      const manager = await ctx.as('manager');
      const log = (
        await manager({ method: 'GET', url: '/api/notify/deliveries?status=sent&pageSize=200' })
      ).json();
      expect(log.items.some((d: { entityId: string }) => d.entityId === String(order.id))).toBe(true);
    });

    it('queues business events in the action’s own transaction: a complaint received, a sheet published', async () => {
      const { projectA, user } = await idsOf(ctx);
      const manager = await ctx.as('manager');
      const channel = (
        await manager({
          method: 'POST',
          url: '/api/notify/channels',
          payload: channelInput(projectA, {
            name: '经理群',
            events: ['complaint.received', 'assessment.published', 'assessment_appeal.decided'],
          }),
        })
      ).json();
      const outbox = () =>
        ctx.database.db
          .selectFrom('notify_outbox')
          .selectAll()
          .where('channel_id', '=', channel.id)
          .execute();
      const fd = await ctx.as('frontdesk');
      const cats = (await fd({ method: 'GET', url: '/api/complaint-categories' })).json();
      // a refused complaint queues nothing
      const refused = await fd({
        method: 'POST',
        url: '/api/complaints',
        payload: { projectId: projectA, categoryId: cats[0].id, content: '' },
      });
      expect(refused.statusCode).toBe(400);
      expect(await outbox()).toEqual([]);
      const complaint = (
        await fd({
          method: 'POST',
          url: '/api/complaints',
          payload: {
            projectId: projectA,
            complainantName: '郑女士',
            categoryId: cats[0].id,
            content: '楼上深夜装修噪音',
          },
        })
      ).json();
      const [queued] = await outbox();
      expect(queued).toMatchObject({
        event: 'complaint.received',
        entity_id: String(complaint.id),
        status: 'pending',
      });
      expect(queued!.text).toContain('郑女士');
      // a sheet published: one message, sent with the rest by the dispatcher
      const sheet = (
        await manager({
          method: 'POST',
          url: '/api/assessments',
          payload: { assesseeUserId: user('supervisor').id, period: '2026-12' },
        })
      ).json();
      const manual = await manager({
        method: 'POST',
        url: `/api/assessments/${sheet.assessment.id}/manual-entries`,
        payload: { ruleKey: '0.1', quantity: 1, reason: '迟到一次' },
      });
      expect(manual.statusCode, manual.body).toBe(200);
      const published = await manager({
        method: 'POST',
        url: `/api/assessments/${sheet.assessment.id}/publish`,
        payload: {},
      });
      expect(published.statusCode, published.body).toBe(200);
      const rows = await outbox();
      const pub = rows.find((r) => r.event === 'assessment.published');
      expect(pub).toMatchObject({ entity: 'assessment', entity_id: String(sheet.assessment.id) });
      expect(pub!.text).toMatch(/考核表已公示：李晓梅 2026-12，得分 [0-9.]+，申诉截止/);
      // an appeal decided: the assessee appeals the manual row, the manager rejects it
      const supervisor = await ctx.as('supervisor');
      const manualRow = published.json().rows.find((r: { source: string }) => r.source === 'manual');
      const appealed = await supervisor({
        method: 'POST',
        url: `/api/assessments/${sheet.assessment.id}/appeals`,
        payload: { rowKey: manualRow.rowKey, reason: '那天已请假' },
      });
      expect(appealed.statusCode, appealed.body).toBe(200);
      const decided = await manager({
        method: 'POST',
        url: `/api/assessment/appeals/${appealed.json().appeals[0].id}/decision`,
        payload: { decision: 'rejected', reason: '请假未审批' },
      });
      expect(decided.statusCode, decided.body).toBe(200);
      const decision = (await outbox()).find((r) => r.event === 'assessment_appeal.decided');
      expect(decision!.text).toMatch(/申诉已处理：李晓梅 2026-12 第 0.1 项，驳回（请假未审批）/);
      const before = received.length;
      await ctx.services.notify.dispatch(500);
      expect((await outbox()).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
      expect(received.slice(before).map((m) => m.body.text.content)).toEqual(
        expect.arrayContaining([queued!.text, pub!.text, decision!.text]),
      );
    });
  },
  { clock, config: { PROPDESK_NOTIFY_ALLOW_LOCAL: '1' } },
);

describeApi(
  'e-mail channel',
  (ctx) => {
    let sink: SMTPServer;
    let port = 0;
    const mails: { to: string[]; data: string }[] = [];
    beforeAll(async () => {
      sink = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        onData(stream, session, done) {
          let data = '';
          stream.on('data', (c: Buffer) => {
            data += c.toString();
          });
          stream.on('end', () => {
            mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
            done();
          });
        },
      });
      await new Promise<void>((r) => sink.listen(0, '127.0.0.1', () => r()));
      port = (sink.server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((r) => sink.close(() => r())));

    it('sends to every address of the list through SMTP', async () => {
      const { projectA } = await idsOf(ctx);
      const manager = await ctx.as('manager');
      const created = await manager({
        method: 'POST',
        url: '/api/notify/channels',
        payload: {
          projectId: projectA,
          kind: 'email',
          name: '经理邮箱',
          target: 'wang@example.com；li@example.com',
          events: ['complaint.overdue'],
        },
      });
      expect(created.statusCode).toBe(200);
      expect(created.json().target).toBe('wang@example.com, li@example.com');
      const notify = createNotifyService({
        db: ctx.database.db,
        senders: {
          smtpUrl: `smtp://127.0.0.1:${port}`,
          smtpFrom: 'PropDesk <pd@example.com>',
          allowLocal: true,
          timeoutMs: 5000,
        },
      });
      const admin = await ctx.database.db
        .selectFrom('app_user')
        .selectAll()
        .where('username', '=', 'manager')
        .executeTakeFirstOrThrow();
      const result = await notify.test(
        {
          userId: admin.id,
          username: admin.username,
          displayName: admin.display_name,
          role: 'manager',
          employeeId: null,
          projectIds: [projectA],
          allProjects: false,
          locale: 'zh-CN',
          requestId: 't',
        },
        created.json().id,
      );
      expect(result).toEqual({ ok: true, error: null });
      expect(mails.length).toBe(1);
      expect(mails[0]!.to.sort()).toEqual(['li@example.com', 'wang@example.com']);
      expect(mails[0]!.data).toMatch(/^Subject: /m);
      expect(mails[0]!.data).toContain('PropDesk');
      // without SMTP configured the channel says so, it does not pretend
      const unconfigured = await manager({
        method: 'POST',
        url: `/api/notify/channels/${created.json().id}/test`,
      });
      expect(unconfigured.json()).toEqual({ ok: false, error: 'PROPDESK_SMTP_URL is not set' });
    });
  },
  { clock },
);
