/**
 * Runs a token refresh while holding a lock shared by every tab of the console. The refresh
 * cookie rotates on each use and a reused one ends the session, so two tabs must never present
 * the same cookie: the second tab waits and then refreshes with the cookie the first one got.
 */
export async function withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks === undefined) {
    return work();
  }
  return await locks.request('deskpilot-session-refresh', work);
}
