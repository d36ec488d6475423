/** Reception: reads one 居民身份证 at a time from the configured reader and logs the access. */
import { AppError } from '../../contract/errors';
import type { IdCardIdentity } from '../../contract/schemas';
import { maskIdNumber } from '../../../native/protocols/id-number';
import type { AuditLog } from '../audit/audit-log';
import type { IdReaderPort } from '../devices/ports';

export const DEFAULT_READ_TIMEOUT_MS = 10_000;

export class IdCardService {
  private current: AbortController | null = null;

  constructor(
    private reader: IdReaderPort,
    private audit: AuditLog,
    private operatorCode: string,
  ) {}

  async read(timeoutMs = DEFAULT_READ_TIMEOUT_MS): Promise<IdCardIdentity> {
    if (this.current) throw new AppError('busy', '正在读卡，请稍候');
    const controller = new AbortController();
    this.current = controller;
    try {
      const identity = await this.reader.read({ timeoutMs, signal: controller.signal });
      this.audit.record(this.operatorCode, 'id-card.read', { idNumber: maskIdNumber(identity.idNumber) });
      return identity;
    } finally {
      this.current = null;
    }
  }

  cancel(): void {
    this.current?.abort();
  }
}
