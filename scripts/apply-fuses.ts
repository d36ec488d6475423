/**
 * Flips the Electron fuses of electron/main/security/fuses.ts in a packaged binary. Packaging (issue 11)
 * calls `afterPack` from its electron-builder hook; by hand: `npx tsx scripts/apply-fuses.ts <electron binary>`.
 * Every fuse of the wire must be set explicitly (strictlyRequireAllFuses), so a new Electron fuse is a
 * build error until it is decided here.
 */
import { flipFuses, FuseV1Options, FuseVersion, type FuseConfig } from '@electron/fuses';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FUSES } from '../electron/main/security/fuses';

export function fuseConfig(platform: string = process.platform): FuseConfig {
  const config: Record<string | number, unknown> = { version: FuseVersion.V1, strictlyRequireAllFuses: true, resetAdHocDarwinSignature: platform === 'darwin' };
  for (const [name, on] of Object.entries(FUSES)) {
    const option = FuseV1Options[name as keyof typeof FuseV1Options];
    if (option === undefined) throw new Error(`unknown Electron fuse ${name}`);
    config[option] = on;
  }
  return config as unknown as FuseConfig;
}

export async function applyFuses(electronBinary: string, platform: string = process.platform): Promise<void> {
  await flipFuses(electronBinary, fuseConfig(platform));
}

/** electron-builder's afterPack hook. */
export async function afterPack(context: {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}): Promise<void> {
  const name = context.packager.appInfo.productFilename;
  const binary =
    context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas'
      ? path.join(context.appOutDir, `${name}.app`)
      : context.electronPlatformName === 'win32'
        ? path.join(context.appOutDir, `${name}.exe`)
        : path.join(context.appOutDir, context.packager.executableName ?? name);
  await applyFuses(binary, context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const binary = process.argv[2];
  if (!binary) {
    console.error('错误: 用法 npx tsx scripts/apply-fuses.ts <Electron 程序文件>');
    process.exit(2);
  }
  applyFuses(path.resolve(binary)).then(
    () => console.log(`已设置 Electron fuses: ${path.resolve(binary)}`),
    (err: Error) => {
      console.error(`错误: ${err.message}`);
      process.exit(1);
    },
  );
}
