// Small numeric helpers: ranges of repeated measurements, a least-squares line, and unit formatting.

export interface Range {
  min: number;
  max: number;
}

export function range(values: number[]): Range {
  if (values.length === 0) throw new Error('range of no values');
  return { min: Math.min(...values), max: Math.max(...values) };
}

export interface Line {
  intercept: number;
  slope: number;
}

/** Least-squares line through (x, y) points; needs two distinct x. */
export function fitLine(points: { x: number; y: number }[]): Line | undefined {
  const n = points.length;
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / n;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / n;
  const sxx = points.reduce((sum, point) => sum + (point.x - meanX) ** 2, 0);
  if (n < 2 || sxx === 0) return undefined;
  const sxy = points.reduce((sum, point) => sum + (point.x - meanX) * (point.y - meanY), 0);
  const slope = sxy / sxx;
  return { intercept: meanY - slope * meanX, slope };
}

export function predict(line: Line, x: number): number {
  return line.intercept + line.slope * x;
}

export const KiB_PER_GiB = 1024 * 1024;

export function gib(kib: number): string {
  return (kib / KiB_PER_GiB).toFixed(2);
}

export function mib(kib: number): string {
  return (kib / 1024).toFixed(0);
}

/** `a–b` with `digits` decimals, or a single number when both ends round alike. */
export function formatRange(value: Range, format: (n: number) => string): string {
  const low = format(value.min);
  const high = format(value.max);
  return low === high ? low : `${low}–${high}`;
}

export function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}
