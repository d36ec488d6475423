/**
 * Option parsers shared by the device commands (commander calls them while parsing, so a bad value stops
 * the command before it opens a port): one place says what a valid baud rate or number of seconds is and
 * how the refusal reads.
 */
import { CliError } from './cli-error';

/** `--baud <rate>`: a positive whole number. */
export function parseBaud(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CliError(`波特率无效: ${value}`);
  return n;
}

/** `--timeout <seconds>` / `--status-timeout <seconds>`: a positive number, fractions allowed. */
export function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new CliError(`超时秒数无效: ${value}`);
  return n;
}
