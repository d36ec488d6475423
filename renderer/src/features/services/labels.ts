/** Formatting helpers of the service forms (the codes' names live in electron/contract/vocabulary). */
import { chinaDate } from '../../../../shared/china-time';
/** Today's date in China (the desk's forms default to it, whatever the machine's zone). */
export function today(): string {
  return chinaDate(new Date());
}

export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100).toLocaleString('zh-CN')}.${String(abs % 100).padStart(2, '0')}`;
}
