import { Ga467Error, type Ga467Status } from '../protocols/ga467';

/** Typed ID-reader failures; `message` is written for the clerk (zh-CN). */
export type IdReaderErrorCode =
  | 'timeout' // the reader did not answer a request
  | 'no-card' // no card appeared before the deadline
  | 'bad-card' // the card could not be read or its data is invalid
  | 'checksum' // replies kept arriving corrupted
  | 'device' // the reader reported a fault (SAM, command rejected …)
  | 'disconnected' // the link went away
  | 'unsupported-card' // a card type we recognise but do not parse
  | 'not-found' // the port does not exist
  | 'open-failed' // the port exists but cannot be opened (or is busy)
  | 'busy' // another read or watch is running on this reader
  | 'aborted'; // the caller cancelled

export class IdReaderError extends Error {
  constructor(
    readonly code: IdReaderErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'IdReaderError';
  }
}

export const ID_READER_MESSAGES = {
  timeout: '读卡器无响应，请检查读卡器连接和电源',
  'no-card': '未检测到身份证，请将身份证放在读卡区',
  'bad-card': '读取身份证失败，请重新放置身份证',
  checksum: '读卡器数据校验错误，请重新读卡',
  disconnected: '读卡器已断开连接，请检查数据线',
  busy: '读卡器正忙，请稍候',
  aborted: '读卡已取消',
} as const;

/** A GA 467 status word that is not success → the clerk-facing failure. */
export function statusError(status: Ga467Status): IdReaderError {
  const detail = `SW ${[status.sw1, status.sw2, status.sw3].map((b) => b.toString(16).padStart(2, '0')).join(' ')}`;
  switch (status.kind) {
    case 'no-card':
      return new IdReaderError('no-card', ID_READER_MESSAGES['no-card'], detail);
    case 'select-failed':
    case 'read-failed':
    case 'card-auth-failed':
    case 'reader-auth-failed':
    case 'verify-failed':
    case 'no-content':
      return new IdReaderError('bad-card', status.message, detail);
    case 'unknown-card-type':
      return new IdReaderError('unsupported-card', status.message, detail);
    default:
      return new IdReaderError('device', status.message, detail);
  }
}

/** A protocol-level failure (bad frame, bad text block) → the clerk-facing failure. */
export function fromGa467(err: unknown): IdReaderError {
  if (err instanceof Ga467Error) {
    const code = err.code === 'unsupported-card' ? 'unsupported-card' : err.code === 'checksum' ? 'checksum' : 'bad-card';
    return new IdReaderError(code, err.message, err.detail);
  }
  return new IdReaderError('bad-card', ID_READER_MESSAGES['bad-card'], String(err));
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new IdReaderError('aborted', ID_READER_MESSAGES.aborted);
}

/** Waits, but ends at once with an `aborted` failure when the caller cancels. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new IdReaderError('aborted', ID_READER_MESSAGES.aborted));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new IdReaderError('aborted', ID_READER_MESSAGES.aborted));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
