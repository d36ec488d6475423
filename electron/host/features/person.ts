/**
 * The person panel (person.overview): the platform's client, the policy and the region names the overview
 * needs. Runs after the platform feature (uses its client). The year-to-date it shows is the one the cases
 * feature's 试算 uses (services/reimbursement/year-to-date).
 */
import { shippedRegionCatalogue } from '../../services/catalogues/regions';
import { personOverview } from '../../services/desk/person-overview';
import { loadPolicyFile, samplePolicyPath } from '../../services/policy';
import type { Feature } from '../context';

export const personFeature: Feature = (ctx) => {
  const runtime = ctx.platform;
  if (!runtime) throw new Error('person feature needs the platform feature to run first');
  const policy = loadPolicyFile(ctx.config.policy.file ?? samplePolicyPath());
  const deps = {
    db: ctx.db,
    client: runtime.platform.client,
    policy,
    clock: ctx.clock,
    regionName: (code: string) => shippedRegionCatalogue().lookup(code)?.fullName,
  };
  return {
    'person.overview': ({ psnNo }) => personOverview(deps, psnNo),
  };
};
