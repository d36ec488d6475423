/**
 * Keyboard-wedge scanner detection. PURE TypeScript (no Node, no DOM): the renderer feeds it every keydown
 * and it decides, key by key, whether the key belongs to a scanner burst (swallow it) or to a person
 * typing (let it through).
 *
 * A scanner "types" a whole code in a few milliseconds and ends it with Enter; people cannot sustain
 * gaps under ~30 ms. A burst is recognised once `burstKeys` printable keys arrived each less than
 * `maxGapMs` after the previous one. The first burstKeys-1 keys could not be known yet and reached the
 * focused field: the decision reports them as `retract` so the caller removes them again. From then on
 * every key of the burst is swallowed. The terminator ends it: with at least `minLength` characters it
 * becomes a scan; a burst that stops without a terminator (gap > maxGapMs) is reported as `abandoned`
 * (its text, so the caller may put it back) unless `idleEndsScan` is set.
 */
export interface WedgeOptions {
  /** Largest gap between keys of one burst, ms (default 30). */
  maxGapMs?: number;
  /** Fast printable keys in a row that prove a scanner (default 4). */
  burstKeys?: number;
  /** Shortest accepted scan (default 6). */
  minLength?: number;
  /** Longest burst kept; longer bursts are abandoned (default 4096). */
  maxLength?: number;
  /** Keys that end a scan (default Enter). */
  terminators?: string[];
  /** Scanners configured without a suffix: a burst of ≥ minLength ends on a pause (default false). */
  idleEndsScan?: boolean;
}

export interface WedgeKey {
  /** KeyboardEvent.key */
  key: string;
  /** ms timestamp (KeyboardEvent.timeStamp or performance.now()). */
  time: number;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

export interface WedgeDecision {
  /** preventDefault + stopPropagation this key. */
  swallow: boolean;
  /** Remove this many characters just typed into the focused field: the leaked start of a burst. */
  retract: number;
  /** A complete scan. */
  scan?: string;
  /** A burst that ended without a terminator; its text was swallowed/retracted. */
  abandoned?: string;
}

const MODIFIERS = new Set(['Shift', 'CapsLock', 'Control', 'Alt', 'AltGraph', 'Meta']);
const PASS: WedgeDecision = Object.freeze({ swallow: false, retract: 0 }) as WedgeDecision;

export class WedgeDetector {
  private readonly maxGapMs: number;
  private readonly burstKeys: number;
  private readonly minLength: number;
  private readonly maxLength: number;
  private readonly terminators: Set<string>;
  private readonly idleEndsScan: boolean;

  private chars: string[] = [];
  private lastTime = -Infinity;
  private inBurst = false;
  private overlong = false;

  constructor(options: WedgeOptions = {}) {
    this.maxGapMs = options.maxGapMs ?? 30;
    this.burstKeys = Math.max(2, options.burstKeys ?? 4);
    this.minLength = Math.max(1, options.minLength ?? 6);
    this.maxLength = options.maxLength ?? 4096;
    this.terminators = new Set(options.terminators ?? ['Enter']);
    this.idleEndsScan = options.idleEndsScan ?? false;
  }

  /** True while a recognised burst is in progress (callers may show a "扫描中" hint). */
  get scanning(): boolean {
    return this.inBurst;
  }

  feed(ev: WedgeKey): WedgeDecision {
    if (MODIFIERS.has(ev.key)) return this.inBurst ? { swallow: true, retract: 0 } : PASS;
    const gapOk = ev.time - this.lastTime <= this.maxGapMs && ev.time >= this.lastTime;
    // A pause ends whatever was going on before this key.
    const ended = gapOk ? undefined : this.endByPause();

    if (ev.ctrlKey || ev.altKey || ev.metaKey) {
      this.clear();
      return ended ?? PASS;
    }
    if (this.terminators.has(ev.key)) {
      if (this.inBurst && gapOk) {
        const text = this.chars.join('');
        const tooShort = text.length < this.minLength || this.overlong;
        this.clear();
        return tooShort ? { swallow: true, retract: 0, abandoned: text } : { swallow: true, retract: 0, scan: text };
      }
      this.clear();
      return ended ?? PASS;
    }
    if ([...ev.key].length !== 1) {
      // Navigation/editing keys: a person is typing.
      this.clear();
      return ended ?? PASS;
    }
    this.lastTime = ev.time;
    if (this.chars.length < this.maxLength) this.chars.push(ev.key);
    else this.overlong = true;

    if (this.inBurst) return merge(ended, { swallow: true, retract: 0 });
    if (this.chars.length >= this.burstKeys) {
      this.inBurst = true;
      return merge(ended, { swallow: true, retract: this.chars.length - 1 });
    }
    return ended ?? PASS;
  }

  /**
   * Call from a timer (e.g. maxGapMs after the last key) so a burst without terminator is finished
   * without waiting for the next key.
   */
  tick(now: number): WedgeDecision {
    if (now - this.lastTime <= this.maxGapMs) return PASS;
    return this.endByPause() ?? PASS;
  }

  reset(): void {
    this.clear();
  }

  private endByPause(): WedgeDecision | undefined {
    const wasBurst = this.inBurst;
    const text = this.chars.join('');
    const overlong = this.overlong;
    this.clear();
    if (!wasBurst) return undefined;
    if (this.idleEndsScan && text.length >= this.minLength && !overlong) return { swallow: false, retract: 0, scan: text };
    return { swallow: false, retract: 0, abandoned: text };
  }

  private clear(): void {
    this.chars = [];
    this.inBurst = false;
    this.overlong = false;
    this.lastTime = -Infinity;
  }
}

function merge(previous: WedgeDecision | undefined, current: WedgeDecision): WedgeDecision {
  if (!previous) return current;
  return { ...previous, swallow: current.swallow, retract: current.retract };
}
