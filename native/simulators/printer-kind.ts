/** `counter simulate printer`: an ESC/POS receipt printer on a fresh socat pair, or on an existing port. */
import { SerialTransport } from '../transports/serial-port';
import { PrinterSimulator } from './printer-simulator';
import type { RunningSimulator, SimulatorKind } from './simulator-kinds';
import { startSimulatedPrinter } from './start-simulated-devices';

export const printerSimulatorKind: SimulatorKind = {
  name: 'printer',
  description: '小票打印机 (ESC/POS) 模拟器：显示打印内容，可模拟缺纸/开盖/离线',
  options: [
    { flags: '--port <path>', description: '在已有串口上运行模拟器（默认新建 socat 虚拟串口对）' },
    { flags: '--baud <rate>', description: '波特率', defaultValue: '9600' },
    { flags: '--width <mm>', description: '纸宽 58 或 80', defaultValue: '80' },
    { flags: '--save-dir <dir>', description: '把每张小票的原始字节和预览保存到该目录' },
  ],
  async start(options): Promise<RunningSimulator> {
    const paper = Number(options.width ?? 80);
    const baudRate = Number(options.baud ?? 9600);
    if (paper !== 58 && paper !== 80) throw new Error(`纸宽只能是 58 或 80: ${String(options.width)}`);
    if (!Number.isInteger(baudRate) || baudRate <= 0) throw new Error(`波特率无效: ${String(options.baud)}`);
    const saveDir = typeof options.saveDir === 'string' ? options.saveDir : undefined;
    let simulator: PrinterSimulator;
    let portPath: string | undefined;
    let close: () => Promise<void>;
    if (typeof options.port === 'string') {
      simulator = new PrinterSimulator(new SerialTransport({ path: options.port, baudRate }), { paper, saveDir });
      await simulator.start();
      close = () => simulator.stop();
    } else {
      const sim = await startSimulatedPrinter({ paper, saveDir });
      simulator = sim.simulator;
      portPath = sim.hostPath;
      close = () => sim.close();
    }
    simulator.onJob((job) => process.stdout.write(`—— 第 ${job.index} 张（${job.bytes.length} 字节）——\n${job.text}\n`));
    const describe = () => {
      const s = simulator.status;
      return `状态: ${s.paperOut ? '缺纸' : s.paperNearEnd ? '纸将尽' : '有纸'} · ${s.coverOpen ? '开盖' : '合盖'} · ${s.online ? '在线' : '离线'}`;
    };
    return {
      portPath,
      info: [
        portPath ? `请在应用中打开串口: ${portPath}` : `模拟器已连接串口: ${String(options.port)}`,
        `纸宽 ${paper}mm`,
        '输入 p 切换缺纸，n 切换纸将尽，c 切换开盖，o 切换离线，s 查看状态；Ctrl-C 退出',
      ],
      onInput(line) {
        const s = simulator.status;
        if (line === 'p') simulator.setState({ paperOut: !s.paperOut });
        else if (line === 'n') simulator.setState({ paperNearEnd: !s.paperNearEnd });
        else if (line === 'c') simulator.setState({ coverOpen: !s.coverOpen });
        else if (line === 'o') simulator.setState({ online: !s.online });
        else if (line !== 's') return '未知指令（p/n/c/o/s）';
        return describe();
      },
      close,
    };
  },
};
