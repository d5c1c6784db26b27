import dayjs from 'dayjs';

/** Times are stored in UTC and shown in the browser's zone (China for our users). */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
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
