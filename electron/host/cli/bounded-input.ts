/**
 * What a CLI command reads as its input, with a size cap: a file (its size checked before a byte is read) or
 * standard input (read asynchronously: a synchronous read of a pipe that is not ready yet fails with EAGAIN,
 * and a slow writer is normal — a script, ssh, a pipe from another tool). Too big → a Chinese CliError.
 */
import fs from 'node:fs';
import { CliError } from './cli-error';

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`);

/** Reads a file as UTF-8, refusing it when larger than maxBytes; what names it in messages (e.g. 导入文件). */
export function readFileCapped(file: string, maxBytes: number, what: string): string {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    throw new CliError(`无法读取${what} ${file}（${(err as NodeJS.ErrnoException).code ?? (err as Error).message}）`);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new CliError(`${what} ${file} 不是普通文件`);
    if (st.size > maxBytes) throw new CliError(`${what} ${file} 过大（${size(st.size)}），上限 ${size(maxBytes)}；请拆分后分批处理`);
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads standard input to its end as UTF-8, asynchronously, refusing more than maxBytes. */
export async function readStdinCapped(maxBytes: number, what: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buf.length;
    if (total > maxBytes) {
      (stdin as NodeJS.ReadStream).destroy?.();
      throw new CliError(`标准输入的${what}过大（超过 ${size(maxBytes)}）`);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}
