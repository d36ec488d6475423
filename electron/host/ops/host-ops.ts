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
  const open = (c: LoggingConfig) => attachLogSink(createRotatingFile({ dir: logDir(opts.dataDir), maxBytes: c.maxFileMB * 1024 * 1024, files: c.files }), c.level);
  let detach = open(defaults);
  const removeCrashHandlers = installCrashHandlers({ dataDir: opts.dataDir, appVersion: appVersion(), exit: opts.exit });
  return {
    configure(logging) {
      if (logging.maxFileMB !== defaults.maxFileMB || logging.files !== defaults.files) {
        detach();
        detach = open(logging);
      } else setLogFileLevel(logging.level);
    },
    stop() {
      removeCrashHandlers();
      detach();
    },
  };
}
