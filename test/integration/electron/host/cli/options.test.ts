/**
 * The four device commands share one --baud / --timeout parser (electron/host/cli/options.ts) and one error
 * table (electron/host/error-mapping.ts): a bad value is refused in Chinese before any port is opened, and
 * a port that is not there is reported through the table, each with the table's exit code.
 */
import { describe, expect, it } from 'vitest';
import { CliError } from '../../../../../electron/host/cli/cli-error';
import { boundaryError } from '../../../../../electron/host/error-mapping';
import { TransportError } from '../../../../../native/transports/transport';
import { runCounter } from '../../../../helpers/run-counter';

const MISSING = '/dev/does-not-exist-cli-options';
const DEVICE_COMMANDS = [
  ['print-test', '--port', MISSING],
  ['read-id', '--port', MISSING],
  ['read-sscard', '--port', MISSING],
  ['scan', '--port', MISSING],
];

const refusedExit = boundaryError(new CliError('')).exitCode;
const missingPortExit = boundaryError(new TransportError('', 'not-found')).exitCode;

describe('the device commands’ shared options', () => {
  it.each(['0', '-9600', '9600.5', 'abc'])('refuse --baud %s with the same Chinese line and the table’s exit code', async (baud) => {
    const runs = await Promise.all(DEVICE_COMMANDS.map((args) => runCounter([...args, '--baud', baud])));
    for (const [i, r] of runs.entries()) {
      expect({ command: DEVICE_COMMANDS[i][0], code: r.code, stderr: r.stderr, stdout: r.stdout }).toEqual({
        command: DEVICE_COMMANDS[i][0],
        code: refusedExit,
        stderr: `错误: 波特率无效: ${baud}\n`,
        stdout: '',
      });
    }
  });

  it('refuse a zero or non-numeric timeout the same way in every command that takes one', async () => {
    const runs = await Promise.all([
      runCounter(['print-test', '--port', MISSING, '--status-timeout', '0']),
      runCounter(['read-id', '--port', MISSING, '--timeout', 'soon']),
      runCounter(['read-sscard', '--port', MISSING, '--timeout', '-1']),
      runCounter(['scan', '--port', MISSING, '--timeout', '0']),
    ]);
    expect(runs.map((r) => [r.code, r.stderr])).toEqual([
      [refusedExit, '错误: 超时秒数无效: 0\n'],
      [refusedExit, '错误: 超时秒数无效: soon\n'],
      [refusedExit, '错误: 超时秒数无效: -1\n'],
      [refusedExit, '错误: 超时秒数无效: 0\n'],
    ]);
  });

  it('accept a good baud rate and report the missing port through the error table, not as an internal error', async () => {
    const runs = await Promise.all([
      runCounter(['print-test', '--port', MISSING, '--baud', '19200', '--status-timeout', '0.5']),
      runCounter(['read-id', '--port', MISSING, '--baud', '19200', '--timeout', '1']),
      runCounter(['read-sscard', '--port', MISSING, '--baud', '19200', '--timeout', '1']),
      runCounter(['scan', '--port', MISSING, '--baud', '19200', '--timeout', '1']),
    ]);
    for (const r of runs) {
      expect(r.code).toBe(missingPortExit);
      expect(r.stderr).toBe(`错误: 串口 ${MISSING} 不存在，请检查设备连接和端口设置\n`);
    }
  });
});
