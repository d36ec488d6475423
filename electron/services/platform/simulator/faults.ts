/**
 * Fault injection for the platform simulator: latency, HTTP 500, dropped connections before or after the work,
 * infcode -1 refusals and malformed replies. Counted faults ("next N calls") are consumed one per matching call.
 */
export interface FaultSettings {
  /** Delay before handling every matching call, ms. */
  latencyMs: number;
  /** Next N matching calls: HTTP 500, nothing done. */
  http500: number;
  /** Next N: connection destroyed before any work. */
  dropBefore: number;
  /** Next N: the work is done and stored, then the connection is destroyed (reply lost). */
  dropAfter: number;
  /** Next N: infcode -1 with `businessErrorMessage`, nothing done. */
  businessError: number;
  businessErrorMessage: string;
  /** Next N: the work is done, then a reply that is not JSON. */
  malformed: number;
  /** Only these infnos are affected (empty = all). */
  infnos: string[];
}

export type FaultName = 'http500' | 'dropBefore' | 'dropAfter' | 'businessError' | 'malformed';

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  http500: 0,
  dropBefore: 0,
  dropAfter: 0,
  businessError: 0,
  businessErrorMessage: '模拟平台故障: 业务处理失败',
  malformed: 0,
  infnos: [],
};

export class FaultControl {
  private s: FaultSettings = { ...NO_FAULTS, infnos: [] };

  /** Merge new settings (counts replace, not add). Throws on nonsense values. */
  set(patch: Partial<FaultSettings>): FaultSettings {
    const next = { ...this.s, ...patch };
    for (const k of ['latencyMs', 'http500', 'dropBefore', 'dropAfter', 'businessError', 'malformed'] as const) {
      if (!Number.isInteger(next[k]) || next[k] < 0) throw new Error(`故障设置 ${k} 应为非负整数`);
    }
    if (!Array.isArray(next.infnos) || next.infnos.some((x) => typeof x !== 'string')) throw new Error('故障设置 infnos 应为交易编号数组');
    if (typeof next.businessErrorMessage !== 'string' || !next.businessErrorMessage) throw new Error('故障设置 businessErrorMessage 不能为空');
    this.s = { ...next, infnos: [...next.infnos] };
    return this.current();
  }

  reset(): FaultSettings {
    this.s = { ...NO_FAULTS, infnos: [] };
    return this.current();
  }

  current(): FaultSettings {
    return { ...this.s, infnos: [...this.s.infnos] };
  }

  applies(infno: string): boolean {
    return this.s.infnos.length === 0 || this.s.infnos.includes(infno);
  }

  latencyFor(infno: string): number {
    return this.applies(infno) ? this.s.latencyMs : 0;
  }

  /** Consume one of a counted fault if armed for this infno. */
  take(name: FaultName, infno: string): boolean {
    if (!this.applies(infno) || this.s[name] <= 0) return false;
    this.s[name] -= 1;
    return true;
  }

  get businessErrorMessage(): string {
    return this.s.businessErrorMessage;
  }
}
