// Ordering: code-point comparison (the same on every machine, whatever its locale) and newest-first.

/** Code-point order of two strings: the same on every machine (`localeCompare` depends on the machine's locale). */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest first by an ISO date or issue key, then code-point order of a tie-breaker. */
export function byNewest<T>(key: (item: T) => string, tieBreak: (item: T) => string = () => ''): (a: T, b: T) => number {
  return (a, b) => compareCodePoints(key(b), key(a)) || compareCodePoints(tieBreak(a), tieBreak(b));
}
