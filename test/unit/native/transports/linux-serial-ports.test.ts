/** Linux serial listing from sysfs, against a fake /sys and /dev tree in a temp dir (no udevadm involved). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listLinuxSerialPorts } from '../../../../native/transports/linux-serial-ports';

let root: string;

const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), `${text}\n`);
};
const link = (rel: string, target: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.symlinkSync(target, path.join(root, rel));
};
/** /sys/class/tty/<name>, with a device link to devicePath (under /sys/devices) when given. */
const tty = (name: string, devicePath?: string, type?: string) => {
  const dir = `sys/devices/virtual/tty/${name}`;
  fs.mkdirSync(path.join(root, dir), { recursive: true });
  if (type !== undefined) write(`${dir}/type`, type);
  if (devicePath) {
    fs.mkdirSync(path.join(root, 'sys/devices', devicePath), { recursive: true });
    link(`${dir}/device`, path.relative(path.join(root, dir), path.join(root, 'sys/devices', devicePath)));
  }
  link(`sys/class/tty/${name}`, `../../devices/virtual/tty/${name}`);
};
const usbDevice = (dir: string, attrs: Record<string, string>) => {
  for (const [k, v] of Object.entries(attrs)) write(`sys/devices/${dir}/${k}`, v);
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-fake-sysfs-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('listLinuxSerialPorts', () => {
  it('lists a USB serial adapter with vendor, product, manufacturer and serial number from its USB parent, and its by-id alias', () => {
    usbDevice('pci0000:00/0000:00:14.0/usb1/1-2', { idVendor: '1a86', idProduct: '7523', manufacturer: 'QinHeng', product: 'USB Serial', serial: 'A1B2' });
    tty('ttyUSB0', 'pci0000:00/0000:00:14.0/usb1/1-2/1-2:1.0/ttyUSB0');
    link('dev/serial/by-id/usb-1a86_USB_Serial_A1B2-if00-port0', '../../ttyUSB0');
    expect(listLinuxSerialPorts(root)).toEqual([
      {
        path: '/dev/ttyUSB0',
        aliases: ['/dev/serial/by-id/usb-1a86_USB_Serial_A1B2-if00-port0'],
        vendorId: '1a86',
        productId: '7523',
        manufacturer: 'QinHeng',
        product: 'USB Serial',
        serialNumber: 'A1B2',
      },
    ]);
  });

  it('a CDC-ACM device (device link to the interface) finds the USB device one level up', () => {
    usbDevice('pci0000:00/usb2/2-1', { idVendor: '0483', idProduct: '5740' });
    tty('ttyACM0', 'pci0000:00/usb2/2-1/2-1:1.0');
    expect(listLinuxSerialPorts(root)).toEqual([{ path: '/dev/ttyACM0', aliases: [], vendorId: '0483', productId: '5740' }]);
  });

  it('skips virtual ttys (no device link) and empty 8250 slots (type 0); keeps a real on-board UART without USB ids', () => {
    tty('tty0');
    tty('console');
    tty('ttyS1', 'platform/serial8250', '0');
    tty('ttyS0', 'pnp0/00:04', '4');
    expect(listLinuxSerialPorts(root)).toEqual([{ path: '/dev/ttyS0', aliases: [] }]);
  });

  it('no /sys/class/tty (not Linux, or a locked-down container) → an empty list, never an error', () => {
    expect(listLinuxSerialPorts(root)).toEqual([]);
  });

  it('a dangling device link or a by-id entry that is not a link is ignored', () => {
    tty('ttyUSB3');
    link(`sys/devices/virtual/tty/ttyUSB3/device`, '../../../nowhere');
    write('dev/serial/by-id/not-a-link', 'x');
    expect(listLinuxSerialPorts(root)).toEqual([]);
  });
});
