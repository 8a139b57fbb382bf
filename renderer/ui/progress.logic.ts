/** Progress as the ProgressCard draws it. Pure, so the clamping is tested without a browser. */

export interface ProgressCounts {
  readonly done: number;
  readonly total: number;
}

/**
 * done / total clamped to [0, 1]; null (an indeterminate bar) while the total is not known yet (0, negative
 * or not a number: a job that has not counted its work says so, it does not show an empty or full bar).
 */
export function fractionOf(counts: ProgressCounts | null | undefined): number | null {
  if (!counts || !(counts.total > 0) || !Number.isFinite(counts.done)) return null;
  return Math.min(1, Math.max(0, counts.done / counts.total));
}

/** Counts worth printing as "done / total": only once a total is known. */
export const hasCounts = (counts: ProgressCounts | null | undefined): counts is ProgressCounts => !!counts && counts.total > 0;

/** The indeterminate bar is a 30%-wide slider running across (the `slide` animation in styles.css). */
export const INDETERMINATE_WIDTH = '30%';

/** The bar's fill width: the fraction as a percentage to 0.1 %, or the indeterminate slider's width. */
export const barWidth = (fraction: number | null): string =>
  fraction === null ? INDETERMINATE_WIDTH : `${(Math.min(1, Math.max(0, fraction)) * 100).toFixed(1)}%`;

/** aria-valuenow for a determinate bar, in whole percent (a screen reader reads "42 %"); none when indeterminate. */
export const ariaPercent = (fraction: number | null): number | undefined =>
  fraction === null ? undefined : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
