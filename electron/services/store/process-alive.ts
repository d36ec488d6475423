/**
 * Whether a process on this machine still runs: the app lock, the maintenance commands and the upload lease
 * all recognise a crashed holder by its pid being gone.
 */
/** Is a process on this machine alive? EPERM counts: it exists but belongs to someone else. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
