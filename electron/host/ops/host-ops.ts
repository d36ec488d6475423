/**
 * What an entry point (the Electron main process, browser mode) turns on for operations before it builds the
 * app: the rotating log files under <data>/logs/ and the crash records under <data>/crashes/. The log is
 * attached with the default level first, so a failed start is in the file too; `configure` applies
 * config.json's logging section once it has been read.
 */
import { attachLogSink, setLogFileLevel } from '../log';
import { appVersion } from './app-version';
import { installCrashHandlers, type CrashRecord } from './crash-record';
import { createRotatingFile, logDir } from './log-file';
import { LoggingConfig } from './ops-config';

export interface HostOperations {
  configure(logging: LoggingConfig): void;
  stop(): void;
}

export function startHostOperations(opts: { dataDir: string; exit?: (code: number, record: CrashRecord) => void }): HostOperations {
  const defaults = LoggingConfig.parse({});
  const open = (c: LoggingConfig) => {
    const sink = createRotatingFile({ dir: logDir(opts.dataDir), maxBytes: c.maxFileMB * 1024 * 1024, files: c.files });
    return { sink, detach: attachLogSink(sink, c.level) };
  };
  let current = open(defaults);
  // A start marker in the file only (the console of browser mode prints its own lines): where a run begins.
  current.sink.write('info', `程序启动: 版本 ${appVersion()}，Node ${process.versions.node}${process.versions.electron ? `，Electron ${process.versions.electron}` : ''}，进程 ${process.pid}`);
  const removeCrashHandlers = installCrashHandlers({ dataDir: opts.dataDir, appVersion: appVersion(), exit: opts.exit });
  return {
    configure(logging) {
      if (logging.maxFileMB !== defaults.maxFileMB || logging.files !== defaults.files) {
        current.detach();
        current = open(logging);
      } else setLogFileLevel(logging.level);
    },
    stop() {
      removeCrashHandlers();
      current.detach();
    },
  };
}
