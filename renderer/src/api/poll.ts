/**
 * Calls `fn` every `ms`, never two at once: while one call is still waiting for the host, the next ticks
 * are skipped. A slow host, a machine back from sleep (a browser may fire a backlog of interval ticks at
 * once) or a test that fast-forwards the page clock then sends one call, not a flood that the host's
 * per-connection rate limit would answer by closing the socket. Returns the stop function.
 */
export function pollEvery(fn: () => Promise<unknown>, ms: number): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    fn()
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  }, ms);
  return () => clearInterval(timer);
}
