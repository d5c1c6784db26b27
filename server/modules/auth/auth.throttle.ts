import type { Config } from '../../config.ts';
import type { FailureTally } from './auth.repository.ts';

/**
 * Sign-in back-off (docs: README, Security). Below `max` failures within the window an attempt is
 * allowed. From then on each further attempt must wait after the latest failure: `backoff` seconds,
 * doubled for every failure beyond `max`, never more than the window. Returns the seconds still to
 * wait (0: allowed).
 */
export function waitSeconds(
  tally: FailureTally,
  max: number,
  backoffSeconds: number,
  windowSeconds: number,
  nowMs: number,
): number {
  if (tally.count < max || !tally.lastAt) return 0;
  const steps = Math.min(tally.count - max, 30);
  const wait = Math.min(windowSeconds, backoffSeconds * 2 ** steps);
  const remainingMs = Date.parse(tally.lastAt) + wait * 1000 - nowMs;
  return remainingMs > 0 ? Math.ceil(remainingMs / 1000) : 0;
}

/** The longer wait of the two limits: this account from this address, and this address for any account. */
export function throttleWait(
  config: Pick<
    Config,
    'loginMaxFailures' | 'loginMaxFailuresPerAddress' | 'loginBackoffSeconds' | 'loginWindowMinutes'
  >,
  tallies: { account: FailureTally; address: FailureTally },
  nowMs: number,
): number {
  const window = config.loginWindowMinutes * 60;
  return Math.max(
    waitSeconds(tallies.account, config.loginMaxFailures, config.loginBackoffSeconds, window, nowMs),
    waitSeconds(
      tallies.address,
      config.loginMaxFailuresPerAddress,
      config.loginBackoffSeconds,
      window,
      nowMs,
    ),
  );
}

/** "30 秒" / "2 分钟": a wait as the user reads it. */
export function waitText(seconds: number): { 'zh-CN': string; 'en-US': string } {
  if (seconds < 60) return { 'zh-CN': `${seconds} 秒`, 'en-US': `${seconds} s` };
  const minutes = Math.ceil(seconds / 60);
  return { 'zh-CN': `${minutes} 分钟`, 'en-US': `${minutes} min` };
}
