/**
 * Forgets every person on screen: run when the session locks, is signed out or ends, so that nothing of the
 * last citizen is left in memory for the next operator (the desk itself is unmounted at the same moment).
 */
import { useMaterialsDraft } from '../features/materials/materials-store';
import { useCases } from '../features/services/cases-store';
import { clearAllDrafts } from '../features/services/drafts';
import { useDesk } from '../store/desk-store';
import { usePlatform } from '../store/platform-store';

export function clearPersonData(): void {
  useDesk.setState({ person: null, readError: null, lastScan: null, reading: false, readingKind: null });
  usePlatform.getState().clearInsured();
  clearAllDrafts();
  useCases.setState({ outcome: null, calculation: null, error: null, history: [], historyFor: null, submitting: false });
  // The citizen's captured papers (and their thumbnails) go too; unaccepted ones are removed on the host.
  useMaterialsDraft.getState().forOwner(null);
}
