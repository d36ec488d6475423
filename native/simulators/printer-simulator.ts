/**
 * A simulated ESC/POS receipt printer on the device end of a ByteTransport. It answers DLE EOT status
 * queries from its state (paper out, near end, cover open, offline: toggled by tests or the UI), keeps
 * each printed job's raw bytes and decoded preview (a job ends at a cut, or after a pause), and can save
 * them to a directory as job-N.bin / job-N.txt. While it cannot print, job bytes are discarded and
 * counted, as the printer refuses them (the host is expected to check status first).
 */
import fs from 'node:fs';
import path from 'node:path';
import { EscPosDecoder, previewToText, toItems, type DecodeEvent, type PreviewItem } from '../protocols/escpos/decode';
import { columnsFor, type PaperWidth } from '../protocols/escpos/layout';
import { statusReplyByte, type PrinterStatus, type StatusQuery } from '../protocols/escpos/status';
import type { ByteTransport } from '../transports/transport';

export interface PrintedJob {
  index: number;
  receivedAt: string;
  bytes: Uint8Array;
  preview: PreviewItem[];
  /** previewToText at the paper's width. */
  text: string;
}

export interface PrinterSimulatorOptions {
  paper?: PaperWidth;
  /** When set, each finished job is written there as job-N.bin and job-N.txt. */
  saveDir?: string;
  /** A job without a cut ends after this pause, ms (default 500). */
  idleJobMs?: number;
  /** Jobs kept in memory (default 50). */
  keepJobs?: number;
}

const MAX_JOB_BYTES = 1 << 20;

export class PrinterSimulator {
  readonly paper: PaperWidth;
  readonly jobs: PrintedJob[] = [];
  discardedBytes = 0;
  private state: PrinterStatus = { online: true, coverOpen: false, paperNearEnd: false, paperOut: false, error: false };
  private readonly decoder = new EscPosDecoder();
  private jobBytes: number[] = [];
  private held: number[] = [];
  private jobEvents: DecodeEvent[] = [];
  private jobCount = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly jobListeners = new Set<(job: PrintedJob) => void>();
  private unsubscribe: Array<() => void> = [];

  constructor(
    readonly transport: ByteTransport,
    private readonly options: PrinterSimulatorOptions = {},
  ) {
    this.paper = options.paper ?? 80;
  }

  async start(): Promise<void> {
    this.unsubscribe = [this.transport.onData((chunk) => this.receive(chunk))];
    if (!this.transport.isOpen) await this.transport.open();
  }

  get status(): PrinterStatus {
    return { ...this.state };
  }

  /** Change the simulated condition: e.g. { paperOut: true } (paper out also takes the printer offline). */
  setState(patch: Partial<PrinterStatus>): void {
    this.state = { ...this.state, ...patch };
  }

  onJob(listener: (job: PrintedJob) => void): () => void {
    this.jobListeners.add(listener);
    return () => this.jobListeners.delete(listener);
  }

  /** Writes every kept job to dir; returns the file names written. */
  saveJobs(dir: string): string[] {
    fs.mkdirSync(dir, { recursive: true });
    return this.jobs.flatMap((job) => writeJob(dir, job));
  }

  async stop(): Promise<void> {
    clearTimeout(this.idleTimer);
    this.finishJob();
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    if (this.transport.isOpen) await this.transport.close();
  }

  private get canPrint(): boolean {
    const s = this.state;
    return s.online && !s.paperOut && !s.coverOpen;
  }

  private receive(chunk: Buffer): void {
    // Byte by byte, so a cut splits jobs exactly and status queries are answered in order. A command's
    // bytes are held until it completes: status queries are answered, never counted as job bytes.
    for (const b of chunk) {
      const events = this.decoder.push(Uint8Array.of(b));
      this.held.push(b);
      if (this.decoder.inCommand) continue;
      const held = this.held;
      this.held = [];
      const query = events.find((e) => e.type === 'status-query');
      if (query && query.type === 'status-query') {
        this.answer(query.n);
        continue;
      }
      if (!this.canPrint) {
        this.discardedBytes += held.length;
        continue;
      }
      if (this.jobBytes.length < MAX_JOB_BYTES) this.jobBytes.push(...held);
      this.jobEvents.push(...events);
      if (events.some((e) => e.type === 'cut')) this.finishJob();
    }
    clearTimeout(this.idleTimer);
    if (this.jobBytes.length > 0) this.idleTimer = setTimeout(() => this.finishJob(), this.options.idleJobMs ?? 500);
  }

  private answer(n: number): void {
    if (n < 1 || n > 4) return;
    // A printer without paper reports itself offline as well (ESC/POS behaviour).
    const s = { ...this.state, online: this.state.online && !this.state.paperOut && !this.state.coverOpen };
    this.transport.write(Uint8Array.of(statusReplyByte(n as StatusQuery, s))).catch(() => undefined);
  }

  private finishJob(): void {
    this.jobEvents.push(...this.decoder.flush());
    const meaningful = this.jobEvents.some((e) => e.type === 'line' || e.type === 'cut');
    const bytes = Uint8Array.from(this.jobBytes);
    const preview = toItems(this.jobEvents);
    this.jobBytes = [];
    this.jobEvents = [];
    if (!meaningful) return;
    const job: PrintedJob = {
      index: ++this.jobCount,
      receivedAt: new Date().toISOString(),
      bytes,
      preview,
      text: previewToText(preview, columnsFor(this.paper)),
    };
    this.jobs.push(job);
    if (this.jobs.length > (this.options.keepJobs ?? 50)) this.jobs.shift();
    if (this.options.saveDir) {
      try {
        fs.mkdirSync(this.options.saveDir, { recursive: true });
        writeJob(this.options.saveDir, job);
      } catch {
        // Saving is a convenience; a full disk must not stop the simulated printer.
      }
    }
    for (const l of [...this.jobListeners]) l(job);
  }
}

function writeJob(dir: string, job: PrintedJob): string[] {
  const base = path.join(dir, `job-${String(job.index).padStart(4, '0')}`);
  fs.writeFileSync(`${base}.bin`, job.bytes);
  fs.writeFileSync(`${base}.txt`, job.text + '\n');
  return [`${base}.bin`, `${base}.txt`];
}
