import dayjs from 'dayjs';

/** Asia/Shanghai wall-clock time, whatever the browser's zone: sv-SE writes it as YYYY-MM-DD HH:mm. */
const SHANGHAI = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Times are stored in UTC and shown in Asia/Shanghai, the company's time (SPEC §4.7), on every device. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : SHANGHAI.format(at);
}
export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD') : '—';
}
/** Money is integer fen (分): ¥1,234.56 */
export function formatMoney(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
/** A ratio as a percentage with two decimals: 0.9812 → 98.12% */
export function formatPercent(numerator: number, denominator: number): string {
  if (!denominator) return '—';
  return `${((numerator * 100) / denominator).toFixed(2)}%`;
}
/** 138****5678 in lists; the full number only where the role needs it */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '—';
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}
