/* Whether this visit's link makes the memory snapshot worth fetching for the next visit (issue 27).
 *
 * The snapshot (about 6 MB) is fetched after Python is ready, for the next visit, where it saves about 2 s of
 * CPU. On a slow link those megabytes compete with the reader's own use of the page for tens of seconds, and the
 * measurements of issue 27 put the pay-back at about 17–21 Mbit/s. So the worker judges the link from what it
 * has just downloaded (Resource Timing: the bytes that came over the network, over the time they took to come),
 * and from the Network Information API where there is one (Chromium caps its `downlink` at 10 Mbit/s, so it can
 * only say that a link is slow). Nothing known (a visit served from the caches, no API): fetched, as before.
 */

export const SNAPSHOT_MIN_MBIT = 20; // Mbit/s: the pay-back measured in issue 27, rounded up
const MIN_MEASURED = 256 * 1024; // bytes: fewer say more about the round trip than about the link
const SLOW_TYPES = ["slow-2g", "2g", "3g"];

/** Mbit/s of this context's downloads from the network (entries: PerformanceResourceTiming), or null when too
 * little came from the network to tell. Parallel downloads count once: all bytes over the span they took. */
export function measuredMbit(entries) {
  let bytes = 0;
  let start = Infinity;
  let end = 0;
  for (const entry of entries) {
    if (!(entry.transferSize > 0) || !(entry.responseEnd > entry.responseStart)) continue;
    bytes += entry.transferSize;
    start = Math.min(start, entry.responseStart);
    end = Math.max(end, entry.responseEnd);
  }
  return bytes >= MIN_MEASURED && end > start ? (bytes * 8) / ((end - start) / 1000) / 1e6 : null;
}

/** `{keep, why}`: whether to fetch the snapshot now; `connection`: navigator.connection, if any. */
export function snapshotPays(connection, entries, min = SNAPSHOT_MIN_MBIT) {
  if (connection?.saveData) return { keep: false, why: "the reader asked to save data" };
  const measured = measuredMbit(entries);
  if (measured !== null) return { keep: measured >= min, why: `measured ${measured.toFixed(1)} Mbit/s` };
  const downlink = connection?.downlink;
  if (typeof downlink === "number" && downlink > 0 && downlink < Math.min(min, 10)) {
    return { keep: false, why: `downlink ${downlink} Mbit/s` };
  }
  if (SLOW_TYPES.includes(connection?.effectiveType)) return { keep: false, why: connection.effectiveType };
  return { keep: true, why: "link unknown" };
}
