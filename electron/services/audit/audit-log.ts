/** Access and action log: personal data is sensitive, so who looked at whom is recorded (IDs masked). */
import type { Db } from '../store/database';

export class AuditLog {
  private insert;
  constructor(
    db: Db,
    private clock: () => Date,
  ) {
    this.insert = db.prepare('INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)');
  }

  record(actor: string, action: string, detail?: Record<string, unknown>): void {
    this.insert.run(this.clock().toISOString(), actor, action, detail ? JSON.stringify(detail) : null);
  }
}
