/** Fictional sample identities (resources/samples/id-cards.json) for the simulator, demos and tests. */
import samples from '../../resources/samples/id-cards.json';
import type { IdCardFields } from '../protocols/ga467';

export const SAMPLE_ID_CARDS: readonly IdCardFields[] = samples.cards as IdCardFields[];

/** The first sample of a card type (resident by default). */
export function sampleIdCard(type: IdCardFields['cardType'] = 'resident', index = 0): IdCardFields {
  const found = SAMPLE_ID_CARDS.filter((c) => c.cardType === type)[index];
  if (!found) throw new RangeError(`no sample ${type} card #${index}`);
  return found;
}
