/**
 * <dataDir>/receipts: the A4 PDFs (受理回执, 一次性告知单, the signed forms, 日结) browser mode saves for the
 * clerk to print. They carry a name and an ID number (masked, or in full on the forms that need it). They are
 * not encrypted (the clerk's PDF viewer must open them) but written only into a 0700 folder as 0600 files and
 * purged: everything older than a day, at start, before every new PDF and once an hour while the app runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, tightenFile } from '../store/private-dir';

export const RECEIPTS_DIR = 'receipts';
export const RECEIPT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export class ReceiptFolder {
  readonly dir: string;
  constructor(
    dataDir: string,
    private readonly now: () => Date,
    private readonly maxAgeMs = RECEIPT_MAX_AGE_MS,
  ) {
    this.dir = path.join(dataDir, RECEIPTS_DIR);
  }

  /** The path for a new PDF (folder made private, old PDFs purged first). */
  prepare(name: string): string {
    ensurePrivateDir(this.dir);
    this.purge();
    return path.join(this.dir, `${name}.pdf`);
  }

  /** After the renderer wrote file: user-only. */
  seal(file: string): void {
    tightenFile(file);
  }

  /** Remove PDFs (and anything else) older than maxAgeMs; returns how many were removed. */
  purge(): number {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return 0;
    }
    const cutoff = this.now().getTime() - this.maxAgeMs;
    let removed = 0;
    for (const n of names) {
      const f = path.join(this.dir, n);
      try {
        if (fs.statSync(f).mtimeMs < cutoff) {
          fs.rmSync(f, { force: true });
          removed++;
        }
      } catch {
        /* gone meanwhile */
      }
    }
    return removed;
  }

  /** Purge now and then hourly; returns stop(). The timer never keeps the process alive. */
  startPurging(everyMs = 60 * 60 * 1000): () => void {
    this.purge();
    const t = setInterval(() => this.purge(), everyMs);
    t.unref();
    return () => clearInterval(t);
  }
}
