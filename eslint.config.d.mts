// Types of what eslint.config.mjs exports, for test/unit/lint/layer-rules.test.ts.
/** The layers inside electron/services, lowest first; a folder imports only folders of lower tiers. */
export declare const SERVICE_TIERS: string[][];
/** Temporary waivers: `file` (of `zone`) may still import the files in `allow`. */
export declare const PENDING_EXCEPTIONS: Array<{ file: string; zone: string; allow: string[] }>;
declare const config: unknown;
export default config;
