/**
 * The app's own version and the versions of what it runs on, for crash records and `counter diagnose`.
 * package.json is found by walking up from this file, which works from the sources (electron/host/ops),
 * from the bundle (out/main) and from inside a packaged asar alike.
 */
import fs from 'node:fs';
import path from 'node:path';

const PACKAGE_NAME = 'counter-workstation';

export interface PackageInfo {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

export function findPackageJson(start = __dirname): string | null {
  let dir = start;
  for (;;) {
    const file = path.join(dir, 'package.json');
    try {
      if ((JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return file;
    } catch {
      // not here; go up
    }
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

export function packageInfo(): PackageInfo | null {
  const file = findPackageJson();
  if (!file) return null;
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<PackageInfo>;
  return { name: p.name ?? PACKAGE_NAME, version: p.version ?? '0.0.0', dependencies: p.dependencies ?? {}, devDependencies: p.devDependencies ?? {} };
}

export function appVersion(): string {
  return packageInfo()?.version ?? '0.0.0';
}
