/**
 * Browser mode: `npm run web [-- --port N --data DIR]`. Builds the workstation through the same composition
 * root as Electron, serves the built renderer on 127.0.0.1 and bridges the contract over a WebSocket.
 * Prints the one-time launch URL (also kept in <data>/browser-launch.url, readable only by this user).
 */
import { Command, InvalidArgumentError } from 'commander';
import path from 'node:path';
import { defaultDataDir } from '../services/store/data-dir';
import { createApp } from './app';
import { defaultDeviceFactories } from './default-devices';
import { log } from './log';
import { startHostOperations } from './ops/host-ops';
import { BROWSER_LAUNCH_FILE, startWebServer } from './web-server';

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('端口应为 0–65535 的整数');
  return n;
}

export async function runWeb(argv: string[]): Promise<void> {
  const opts = new Command('web')
    .option('--port <n>', '监听端口 (0 = 任意空闲端口)', parsePort)
    .option('--data <dir>', '数据目录')
    .option('--renderer <dir>', '界面文件目录', path.resolve(__dirname, '../../out/renderer'))
    .parse(argv, { from: 'user' })
    .opts<{ port?: number; data?: string; renderer: string }>();

  const dataDir = path.resolve(opts.data ?? defaultDataDir());
  // Log files and crash records in <data>/logs and <data>/crashes, attached before the app is built.
  const operations = startHostOperations({ dataDir });
  const app = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories() });
  operations.configure(app.config.logging);
  const launchFile = path.join(dataDir, BROWSER_LAUNCH_FILE);
  let launches = 0;
  const server = await startWebServer({
    handlers: app.handlers,
    events: app.events,
    rendererDir: opts.renderer,
    port: opts.port ?? app.config.web.port,
    launchFile,
    onLaunchUrl: (url) => {
      if (launches++ === 0) {
        console.log(`浏览器模式已启动，请在浏览器中打开: ${url}`);
        console.log(`（此链接只能打开一次；需要新的链接时，请查看本窗口或文件 ${launchFile}）`);
        console.log(`数据目录: ${dataDir}`);
      } else {
        console.log(`新的打开链接（上一个已被使用）: ${url}`);
      }
    },
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

runWeb(process.argv.slice(2)).catch((err: Error) => {
  log.error(`错误: ${err.message}`);
  process.exit(1);
});
