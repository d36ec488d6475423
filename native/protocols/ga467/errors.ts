/** Typed failures of the GA 467 layer, each with a clerk-readable Chinese message. */
export type Ga467ErrorCode =
  | 'checksum' // a frame's XOR checksum did not match
  | 'length' // a frame announced an impossible length
  | 'malformed-reply' // a reply too short or with inconsistent block lengths
  | 'bad-card' // the card's text block is not a valid identity (bad date, check digit, sex …)
  | 'unsupported-card'; // a card type we detect but do not parse

export class Ga467Error extends Error {
  constructor(
    readonly code: Ga467ErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'Ga467Error';
  }
}
