// `npm start`: launch Electron where its binary and a display exist; otherwise say why in one line and
// run browser mode, which prints the one-time launch address to open (also kept in <data>/browser-launch.url).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const shell = process.platform === 'win32';
function run(cmd, args) {
  const child = spawn(cmd, args, { stdio: 'inherit', shell });
  child.on('exit', (code) => process.exit(code ?? 0));
  // Pass stop requests on, so the app never outlives this launcher.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
}

/** The Electron binary's path, fetching it once (Electron 45 downloads lazily) without noise on failure. */
function electronBinary() {
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'electron 软件包未安装 (请先运行 npm install)' };
  }
  const located = () => {
    const pathFile = path.join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist');
    const binary = path.join(distDir, readFileSync(pathFile, 'utf8'));
    return existsSync(binary) ? binary : null;
  };
  if (located()) return { binary: located() };
  console.log('正在下载 Electron 程序文件…');
  const fetched = spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'pipe', timeout: 180_000 });
  if (fetched.status === 0 && located()) return { binary: located() };
  return { reason: 'Electron 程序文件未能下载 (本机无法访问 Electron 的下载地址)' };
}

function unavailableReason() {
  const { reason } = electronBinary();
  if (reason) return reason;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return '没有图形显示 (未设置 DISPLAY)';
  return null;
}

const build = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', shell });
if (build.status !== 0) process.exit(build.status ?? 1);

const reason = unavailableReason();
if (reason) {
  console.log(`无法启动 Electron: ${reason}，改用浏览器模式。`);
  run(process.execPath, ['--import', 'tsx', 'electron/host/web-main.ts', ...process.argv.slice(2)]);
} else {
  run('npx', ['electron-vite', 'preview', '--skipBuild']);
}
