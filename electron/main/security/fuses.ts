/**
 * Electron fuses flipped in the packaged binary (scripts/apply-fuses.ts, run by the packager's afterPack
 * hook): the binary cannot be used as a plain Node (RUN_AS_NODE, NODE_OPTIONS, --inspect), loads the app only
 * from its asar and checks that asar's integrity, and encrypts its cookies. Data, so a test checks each one.
 * Keys are @electron/fuses' FuseV1Options names; every fuse of the wire is listed.
 */
export const FUSES = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  EnableCookieEncryption: true,
  // The renderer is served over app://, so file:// needs none of its historical extra powers.
  GrantFileProtocolExtraPrivileges: false,
  // Left at Electron's defaults, named so that every fuse of the wire is decided here.
  LoadBrowserProcessSpecificV8Snapshot: false,
  WasmTrapHandlers: true,
} as const satisfies Record<string, boolean>;
