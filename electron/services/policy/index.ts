/** Public API of the reimbursement engine. */
export { calculate } from './engine';
export { parseClaim, parseClaimJson, claimSchema, ClaimRejectedError, type Claim, type ClaimInput, type ClaimItem } from './claim-schema';
export { parsePolicy, policyFileSchema, PolicyFileError, POLICY_FORMAT, type Policy, type PolicyFile } from './policy-schema';
export { loadPolicyFile, samplePolicyPath, SAMPLE_POLICY_RELATIVE_PATH } from './loader';
export { foldAccumulators, mergeAccumulators, claimUsage, type SettledClaim } from './accumulators';
export { emptyYtd, type ClaimResult, type Ytd } from './types';
