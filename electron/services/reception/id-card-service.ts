/** Reception: reads one 居民身份证 at a time from the configured reader (the access is audited by the host's audit policy). */
import { AppError } from '../../contract/errors';
import type { IdCardIdentity } from '../../contract/schemas';
import type { IdReaderPort } from '../devices/ports';

export const DEFAULT_READ_TIMEOUT_MS = 10_000;

export class IdCardService {
  private current: AbortController | null = null;

  constructor(private reader: IdReaderPort) {}

  async read(timeoutMs = DEFAULT_READ_TIMEOUT_MS): Promise<IdCardIdentity> {
    if (this.current) throw new AppError('busy', '正在读卡，请稍候');
    const controller = new AbortController();
    this.current = controller;
    try {
      return await this.reader.read({ timeoutMs, signal: controller.signal });
    } finally {
      this.current = null;
    }
  }

  cancel(): void {
    this.current?.abort();
  }
}
