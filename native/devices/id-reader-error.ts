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
