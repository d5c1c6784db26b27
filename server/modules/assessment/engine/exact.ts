/**
 * Exact arithmetic for the engine. Points are kept in integer hundredths so that 0.5 × 12 is exactly 6,
 * and rates are compared as integer cross-products (numerator × 10000 vs thresholdBp × denominator) so that
 * a complaint rate of exactly 2% is never read as 1.9999…%.
 */

/** A number of points in hundredths: 0.5 point = 50. */
export type Hundredths = number;

/** Converts points to hundredths; anything that is not a finite number counts as 0. */
export function toHundredths(points: number): Hundredths {
  if (typeof points !== 'number' || !Number.isFinite(points)) return 0;
  return Math.round(points * 100);
}

/** Like toHundredths, but negative values become 0: a deduction is never a bonus. */
export function toNonNegativeHundredths(points: number): Hundredths {
  return Math.max(0, toHundredths(points));
}

export function fromHundredths(value: Hundredths): number {
  // An integer divided by 100 gives the same double as the decimal literal, so 50 → 0.5 and 600 → 6.
  return value / 100;
}

/** quantity (in hundredths) × points per unit (in hundredths), back in hundredths, rounded half up. */
export function multiplyHundredths(quantity: Hundredths, pointsPerUnit: Hundredths): Hundredths {
  return Math.round((quantity * pointsPerUnit) / 100);
}

/**
 * True when the number, as written (its shortest round-trip form, which is what a JSON body carried),
 * has at most two decimals: 1.15, 0.29 and 2.3 pass, 0.001 and 1e-7 do not. Decided on the digits, not
 * on floating-point arithmetic, so 1.15 (whose double is 1.149999…) is not refused.
 */
export function hasAtMostTwoDecimals(value: number): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  const match = /^-?(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(value));
  if (!match) return false;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  const exponent = match[3] ? Number(match[3]) : 0;
  return fraction.length - exponent <= 2;
}

/** Formats hundredths the way a score sheet shows them: 600 → '6', 50 → '0.5', 125 → '1.25'. */
export function formatHundredths(value: Hundredths): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const whole = Math.floor(abs / 100);
  const fraction = abs % 100;
  if (fraction === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')}`;
}

/** Formats a plain number for a detail text without float noise (0.1 + 0.2 → '0.3'). */
export function formatNumber(value: number): string {
  return String(Number.parseFloat(value.toPrecision(12)));
}

/** A decimal number as an integer and a power of ten: 12.5 → { digits: 125n, scale: 1 }. */
interface Decimal {
  digits: bigint;
  scale: number;
}

/**
 * Reads a finite, non-negative number as the decimal it is written as (its shortest round-trip form),
 * so money such as 12345.67 becomes 1234567 / 100 exactly.
 */
function toDecimal(value: number): Decimal {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`not a finite non-negative number: ${value}`);
  const fraction = match[2] ?? '';
  const exponent = match[3] ? Number(match[3]) : 0;
  let digits = BigInt(match[1] + fraction);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits, scale };
}

/** A rate numerator/denominator held exactly, both scaled to whole numbers by the same power of ten. */
export interface ExactRatio {
  numerator: bigint;
  denominator: bigint;
}

export type RatioReading =
  | { status: 'ok'; ratio: ExactRatio }
  | { status: 'zeroDenominator' }
  | { status: 'invalid' };

export function readRatio(numerator: number, denominator: number): RatioReading {
  const usable = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
  if (!usable(numerator) || !usable(denominator)) return { status: 'invalid' };
  if (denominator === 0) return { status: 'zeroDenominator' };
  const n = toDecimal(numerator);
  const d = toDecimal(denominator);
  const scale = Math.max(n.scale, d.scale);
  return {
    status: 'ok',
    ratio: {
      numerator: n.digits * 10n ** BigInt(scale - n.scale),
      denominator: d.digits * 10n ** BigInt(scale - d.scale),
    },
  };
}

/** Sign of (ratio − thresholdBp / 10000): −1, 0 or 1, computed with integers only. */
export function compareRatioToBp(ratio: ExactRatio, thresholdBp: number): -1 | 0 | 1 {
  if (thresholdBp < 0) return 1;
  const bp = toDecimal(thresholdBp);
  // ratio ? bp / 10^scale / 10000  ⇔  numerator × 10000 × 10^scale ? bp × denominator
  const left = ratio.numerator * 10000n * 10n ** BigInt(bp.scale);
  const right = bp.digits * ratio.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** '2.50%'; a value that two decimals cannot show exactly gets '≈' (1/3 → '≈33.33%'). */
export function formatRatioPercent(ratio: ExactRatio): string {
  // in units of 0.01 %: numerator × 10000 / denominator, rounded half up
  const scaled = ratio.numerator * 10000n;
  const rounded = (scaled * 2n + ratio.denominator) / (2n * ratio.denominator);
  const exact = scaled % ratio.denominator === 0n;
  const whole = rounded / 100n;
  const fraction = String(rounded % 100n).padStart(2, '0');
  return `${exact ? '' : '≈'}${whole}.${fraction}%`;
}

/** Basis points as a percentage for texts: 200 → '2%', 9950 → '99.5%'. */
export function formatBp(thresholdBp: number): string {
  return `${Number.isInteger(thresholdBp) ? formatHundredths(thresholdBp) : formatNumber(thresholdBp / 100)}%`;
}
