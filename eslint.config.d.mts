// Types of what eslint.config.mjs exports, for test/unit/eslint.config.layers.test.ts.
/** The layers inside electron/services, lowest first; a folder imports only folders of lower tiers. */
export declare const SERVICE_TIERS: string[][];
declare const config: unknown;
export default config;
