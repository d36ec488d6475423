/** Typed 社保卡 read failures, each with a clerk-readable Chinese message. */

export type SsCardErrorCode =
  | 'not-sscard' // the 社保 application is absent (6A82 on SELECT)
  | 'needs-psam' // 6982: protected records need PSAM authentication
  | 'record-missing' // a required record is absent
  | 'bad-record' // record bytes do not decode
  | 'card-error' // any other status word
  | 'malformed-response'; // response shorter than a status word

export class SsCardError extends Error {
  constructor(message: string, readonly code: SsCardErrorCode, readonly sw?: string) {
    super(message);
    this.name = 'SsCardError';
  }
}
