/** `counter simulate platform --port N [--db FILE] [--profile ID]`: the provincial platform simulator. */
import path from 'node:path';
import type { SimulatorKind } from '../../../../native/simulators/simulator-kinds';
import { defaultDataDir } from '../../store/data-dir';
import { loadProfile } from '../profile';
import { startPlatformSimulator } from './server';

export const PLATFORM_SIMULATOR_DB = 'platform-simulator.db';

export const platformSimulatorKind: SimulatorKind = {
  name: 'platform',
  description: '医保平台模拟器 (HTTP, 127.0.0.1)',
  options: [
    { flags: '--port <port>', description: '监听端口 (0 = 随机)', defaultValue: '18901' },
    { flags: '--db <file>', description: '模拟器自己的 SQLite 文件 (默认在数据目录下)' },
    { flags: '--profile <id>', description: '省份配置', defaultValue: 'demo' },
  ],
  async start(options) {
    const port = Number(options.port ?? 18901);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`端口号不合法: ${String(options.port)}`);
    const dbFile = typeof options.db === 'string' ? options.db : path.join(defaultDataDir(), PLATFORM_SIMULATOR_DB);
    const profile = loadProfile(typeof options.profile === 'string' ? options.profile : 'demo');
    const sim = await startPlatformSimulator({ port, dbFile, profile });
    const base = sim.url.replace(/\/fsi\/.*$/, '');
    return {
      info: [
        `医保平台模拟器已启动 (${profile.name}): ${sim.url}`,
        `数据库: ${dbFile}`,
        `控制接口: GET ${base}/__control/state, POST ${base}/__control/faults, POST ${base}/__control/reset`,
        '输入 state 查看状态, reset 清除故障, expire 使所有签到失效; Ctrl-C 退出',
      ],
      onInput(line) {
        if (line === 'state') return JSON.stringify(sim.state());
        if (line === 'reset') return JSON.stringify(sim.faults.reset());
        if (line === 'expire') {
          sim.expireSignIns();
          return '所有签到已失效';
        }
        return line ? `未知指令: ${line}` : undefined;
      },
      close: () => sim.close(),
    };
  },
};
