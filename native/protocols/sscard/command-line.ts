/**
 * A driver command line as one editable line and back. Kept free of Node imports so the renderer's
 * 配置 form can split what the clerk typed exactly as the host does.
 */

/** Split a configured command line ("CMD ARGS", double or single quotes group words). */
export function splitCommandLine(line: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** The inverse for display and editing: words with spaces (or empty) are double-quoted. */
export function joinCommandLine(words: readonly string[]): string {
  return words.map((w) => (w === '' || /\s/.test(w) ? (w.includes('"') ? `'${w}'` : `"${w}"`) : w)).join(' ');
}
