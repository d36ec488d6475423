/**
 * Where in a JSON text a value sits: the 1-based line of the value at a path (["years", 0, "holidays", 2,
 * "from"]), so a hand-edited file's error names its line. A small scanner over valid JSON (the caller parsed
 * it already); the line of the deepest part of the path it finds, or undefined.
 */
export function lineOfPath(text: string, target: ReadonlyArray<string | number>): number | undefined {
  let i = 0;
  let line = 1;
  let best: number | undefined;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i])) {
      if (text[i] === '\n') line++;
      i++;
    }
  };
  const readString = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (depth: number, onPath: boolean): void => {
    skipSpace();
    if (onPath) best = line;
    const c = text[i];
    if (c === '{' || c === '[') {
      const isObject = c === '{';
      i++;
      let index = 0;
      for (;;) {
        skipSpace();
        if (text[i] === '}' || text[i] === ']') {
          i++;
          return;
        }
        let key: string | number = index++;
        if (isObject) {
          key = readString();
          skipSpace();
          i++; // ':'
        }
        value(depth + 1, onPath && depth < target.length && target[depth] === key);
        skipSpace();
        if (text[i] === ',') i++;
      }
    }
    if (c === '"') {
      readString();
      return;
    }
    while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
  };
  value(0, true);
  return best;
}

/** 1-based line and column of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
