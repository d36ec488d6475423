/**
 * A driver command line typed on the `counter read-sscard --library` command line, split into words. Only the
 * CLI takes a typed command line: the app runs drivers an administrator installed (sscard-drivers.ts).
 */

/** Split a command line ("CMD ARGS", double or single quotes group words). */
export function splitCommandLine(line: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}
