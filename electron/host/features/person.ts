/**
 * The person panel (person.overview): the platform's client, the policy and the region names the overview
 * needs, built once by the composition root (AppServices.overview). The year-to-date it shows is the one the cases
 * feature's 试算 uses (services/reimbursement/year-to-date).
 */
import { personOverview, type PersonOverviewDeps } from '../../services/desk/person-overview';
import type { Feature } from '../context';

export const personFeature: Feature<{ overview: PersonOverviewDeps }> = (_ctx, { overview }) => {
  return {
    'person.overview': ({ psnNo }) => personOverview(overview, psnNo),
  };
};
