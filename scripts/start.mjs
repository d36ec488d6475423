// `npm start`: launch Electron where its binary and a display exist; otherwise say why in one line and
// run browser mode, which prints the address to open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = (cmd, args) => spawn(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).on('exit', (c) => process.exit(c ?? 0));

function electronUnavailableReason() {
  let binary;
  try {
    binary = require('electron'); // the package exports the binary's path
  } catch {
    return 'electron 软件包未安装';
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return 'Electron 程序文件未下载 (本机无法访问 Electron 下载地址)';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return '没有图形显示 (DISPLAY 未设置)';
  return null;
}

const build = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const reason = electronUnavailableReason();
if (reason) {
  console.log(`无法启动 Electron: ${reason}，改用浏览器模式。`);
  run('npx', ['tsx', 'electron/host/web-main.ts', ...process.argv.slice(2)]);
} else {
  run('npx', ['electron-vite', 'preview', '--skipBuild']);
}
