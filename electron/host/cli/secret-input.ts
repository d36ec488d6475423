/**
 * Reading a password for the CLI: never from argv (it would sit in the shell history and the process list).
 * On a terminal it is prompted for without echo, twice; otherwise the first line of standard input is
 * taken, read asynchronously (a slow pipe must not fail with EAGAIN).
 */
import { CliError } from './cli-error';

/** The first line of a piped standard input (without its line ending), or '' when it is empty. */
export async function readFirstLineOfStdin(stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  let text = '';
  stdin.setEncoding('utf8');
  for await (const chunk of stdin) {
    text += chunk as string;
    const eol = text.indexOf('\n');
    if (eol >= 0) {
      stdin.pause();
      return text.slice(0, eol).replace(/\r$/, '');
    }
    if (text.length > 4096) throw new CliError('标准输入的第一行过长，不像是密码');
  }
  return text.replace(/\r$/, '');
}

/** Prompts on the terminal (stderr) and reads one line without echoing it. */
export function promptHidden(prompt: string, stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  return new Promise((resolve, reject) => {
    // Echo off before the prompt appears: whatever is typed after seeing it must never be shown.
    stdin.setRawMode(true);
    process.stderr.write(prompt);
    let value = '';
    stdin.setEncoding('utf8');
    stdin.resume();
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new CliError('已取消', 130));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** A new password: prompted twice on a terminal (they must match), else the first line of standard input. */
export async function readNewPassword(what = '新密码'): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await promptHidden(`${what}: `);
    const again = await promptHidden(`再次输入${what}: `);
    if (first !== again) throw new CliError('两次输入的密码不一致');
    return first;
  }
  const line = await readFirstLineOfStdin();
  if (!line) throw new CliError('没有读到密码: 请通过标准输入传入（例如 printf "%s\\n" "$PW" | counter operator …），或在终端中运行以输入密码');
  return line;
}
