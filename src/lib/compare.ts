/**
 * Orders text the same way on every machine. `a.localeCompare(b)` without a
 * locale follows the build machine's LANG — under da_DK "aa…" sorts after "z…"
 * — so two builds of one archive could list the same documents in two orders.
 * Ids are ASCII, where this is plain alphabetical order.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
