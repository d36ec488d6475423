/**
 * The person panel (person.overview): the platform's client, the policy and the region names the overview
 * needs, from the platform runtime the composition root built. The year-to-date it shows is the one the cases
 * feature's 试算 uses (services/reimbursement/year-to-date).
 */
import { shippedRegionCatalogue } from '../../services/catalogues/regions';
import { personOverview } from '../../services/desk/person-overview';
import { loadPolicyFile, samplePolicyPath } from '../../services/policy';
import type { Feature } from '../context';
import type { PlatformRuntime } from '../platform-runtime';

export const personFeature: Feature<{ platform: PlatformRuntime }> = (ctx, { platform: runtime }) => {
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
