import nodemailer from 'nodemailer';
import type { ChannelKind } from './notify.constants.ts';

/** Where a channel's messages go, and the settings a sender needs (from config). */
export interface SenderConfig {
  /** e.g. smtp://user:pass@mail.example.com:587 — no e-mail channel works without it */
  smtpUrl: string | null;
  smtpFrom: string;
  /** how long one attempt may take */
  timeoutMs: number;
}

export interface Message {
  kind: ChannelKind;
  target: string;
  text: string;
}

/**
 * Sends one message; resolves when the receiver accepted it, rejects with a readable reason otherwise.
 * WeCom group robot (企业微信群机器人): POST of `{"msgtype":"text","text":{"content":…}}` to its webhook
 * URL; the answer's `errcode` 0 means accepted. E-mail: SMTP through nodemailer.
 */
export async function send(message: Message, config: SenderConfig): Promise<void> {
  if (message.kind === 'wecom') {
    const res = await fetch(message.target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ msgtype: 'text', text: { content: message.text } }),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    const body = (await res.json().catch(() => null)) as { errcode?: number; errmsg?: string } | null;
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    if (body?.errcode !== 0) throw new Error(`errcode ${body?.errcode ?? '?'}: ${body?.errmsg ?? ''}`.trim());
    return;
  }
  if (!config.smtpUrl) throw new Error('PROPDESK_SMTP_URL is not set');
  const url = new URL(config.smtpUrl);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
    secure: url.protocol === 'smtps:',
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    // a local relay without TLS (tests, an in-house relay) is allowed only as smtp://localhost
    ignoreTLS: ['localhost', '127.0.0.1'].includes(url.hostname),
    connectionTimeout: config.timeoutMs,
    greetingTimeout: config.timeoutMs,
    socketTimeout: config.timeoutMs,
  });
  try {
    const [subject] = message.text.split('\n');
    await transport.sendMail({
      from: config.smtpFrom,
      to: message.target,
      subject: `[PropDesk] ${subject}`,
      text: message.text,
    });
  } finally {
    transport.close();
  }
}
