/**
 * The uploader's hold on the upload lease (upload-lease.ts): whether it holds it, crash recovery each time it
 * (re)takes it — never under another live uploader's feet — who holds it otherwise, and a heartbeat while
 * requests are out, so a long wait on the platform does not let the lease lapse.
 */
import { UploadLease, type LeaseHolder } from './upload-lease';

/** Named when the lease is refused but its row cannot be read. */
const UNKNOWN_HOLDER: LeaseHolder = { id: '?', pid: 0, host: '?', role: '?', acquiredAt: '', heartbeatAt: '', expiresAt: '' };

export interface LeaseKeeperEvents {
  /** We (re)took the lease: whatever a previous holder left in-flight may or may not have been sent. */
  taken: () => void;
  /** Another uploader took it over (we stalled past its expiry). */
  lost: (holder: LeaseHolder) => void;
  error: (err: unknown) => void;
}

export class LeaseKeeper {
  private holdingLease = false;

  constructor(
    readonly lease: UploadLease,
    private readonly on: LeaseKeeperEvents,
  ) {}

  /** True from taking the lease until it is lost or released. */
  get holding(): boolean {
    return this.holdingLease;
  }

  /** Holds the lease (taking or renewing it) or says who does. */
  take(): LeaseHolder | null {
    if (this.lease.ensure()) {
      if (!this.holdingLease) {
        this.holdingLease = true;
        this.on.taken();
      }
      return null;
    }
    if (this.holdingLease) this.lose();
    return this.lease.holder() ?? UNKNOWN_HOLDER;
  }

  /**
   * Renews the lease every third of its life until the returned function is called. It only renews:
   * recovery belongs to take(), never under our own requests.
   */
  heartbeat(): () => void {
    const timer = setInterval(() => {
      try {
        if (this.holdingLease && !this.lease.ensure()) this.lose();
      } catch (err) {
        this.on.error(err);
      }
    }, Math.max(50, this.lease.ttlMs / 3));
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Gives the lease up (on stop), if we hold it. */
  release(): void {
    if (this.holdingLease) this.lease.release();
    this.holdingLease = false;
  }

  private lose(): void {
    this.holdingLease = false;
    const holder = this.lease.holder();
    if (holder) this.on.lost(holder);
  }
}
