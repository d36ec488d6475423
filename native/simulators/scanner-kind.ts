/** `counter simulate scanner`: a serial scanner sending sample codes (or typed text) as CR/CRLF lines. */
import { SerialTransport } from '../transports/serial-port';
import { loadSampleCodes, ScannerSimulator, type LineEnding } from './scanner-simulator';
import type { RunningSimulator, SimulatorKind } from './simulator-kinds';
import { startSimulatedScanner } from './start-simulated-devices';

export const scannerSimulatorKind: SimulatorKind = {
  name: 'scanner',
  description: '串口扫码枪模拟器：发送样例条码（身份证号、社保卡号、医保电子凭证、电子票据）',
  options: [
    { flags: '--port <path>', description: '在已有串口上运行模拟器（默认新建 socat 虚拟串口对）' },
    { flags: '--baud <rate>', description: '波特率', defaultValue: '9600' },
    { flags: '--ending <CR|CRLF|LF>', description: '行结束符', defaultValue: 'CR' },
  ],
  async start(options): Promise<RunningSimulator> {
    const ending = String(options.ending ?? 'CR').toUpperCase() as LineEnding;
    if (!['CR', 'CRLF', 'LF'].includes(ending)) throw new Error(`行结束符只能是 CR、CRLF 或 LF: ${String(options.ending)}`);
    const baudRate = Number(options.baud ?? 9600);
    if (!Number.isInteger(baudRate) || baudRate <= 0) throw new Error(`波特率无效: ${String(options.baud)}`);
    const samples = loadSampleCodes();
    let simulator: ScannerSimulator;
    let portPath: string | undefined;
    let close: () => Promise<void>;
    if (typeof options.port === 'string') {
      simulator = new ScannerSimulator(new SerialTransport({ path: options.port, baudRate }), { ending });
      await simulator.start();
      close = () => simulator.stop();
    } else {
      const sim = await startSimulatedScanner({ ending });
      simulator = sim.simulator;
      portPath = sim.hostPath;
      close = () => sim.close();
    }
    let next = 0;
    return {
      portPath,
      info: [
        portPath ? `请在应用中打开串口: ${portPath}` : `模拟器已连接串口: ${String(options.port)}`,
        '按回车发送下一个样例条码；输入文字后回车则发送该文字；Ctrl-C 退出',
      ],
      async onInput(line) {
        if (line) {
          await simulator.scan(line);
          return `已发送: ${line}`;
        }
        const sample = samples[next++ % samples.length];
        await simulator.scan(sample.code);
        return `已发送${sample.label}`;
      },
      close,
    };
  },
};
