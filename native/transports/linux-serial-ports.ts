/**
 * Serial ports on Linux, read straight from sysfs instead of `udevadm` (which serialport's list spawns, and
 * which a minimal machine or container does not have). A tty under /sys/class/tty is real hardware when it
 * has a `device` link (virtual consoles and ptys have none); a legacy 8250 UART slot with no chip behind it
 * reports `type` 0 and is skipped. Vendor, product, manufacturer and serial number come from the nearest
 * USB ancestor in sysfs (the directory holding `idVendor`); /dev/serial/by-id links become aliases.
 * `root` lets tests point it at a fake sysfs tree.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface LinuxSerialPort {
  /** /dev/ttyUSB0, /dev/ttyACM0, /dev/ttyS0 … */
  path: string;
  /** Other names of the same port, e.g. /dev/serial/by-id/usb-1a86_USB_Serial-if00-port0. */
  aliases: string[];
  manufacturer?: string;
  product?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}

const readAttr = (dir: string, name: string): string | undefined => {
  try {
    const v = fs.readFileSync(path.join(dir, name), 'utf8').trim();
    return v || undefined;
  } catch {
    return undefined;
  }
};

/** The nearest ancestor of dir (inside sysRoot) that is a USB device, i.e. holds idVendor. */
function usbParent(dir: string, sysRoot: string): string | undefined {
  for (let d = dir; d.startsWith(sysRoot) && d !== path.dirname(d); d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'idVendor'))) return d;
  }
  return undefined;
}

/** by-id link targets by tty name: ttyUSB0 → [/dev/serial/by-id/…]. */
function byIdAliases(root: string): Map<string, string[]> {
  const dir = path.join(root, 'dev/serial/by-id');
  const out = new Map<string, string[]>();
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    try {
      const target = path.basename(fs.readlinkSync(path.join(dir, name)));
      out.set(target, [...(out.get(target) ?? []), path.posix.join('/dev/serial/by-id', name)]);
    } catch {
      // not a link: ignore
    }
  }
  return out;
}

const realpathOr = (p: string) => {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
};

export function listLinuxSerialPorts(root = '/'): LinuxSerialPort[] {
  const classDir = path.join(root, 'sys/class/tty');
  const sysRoot = realpathOr(path.join(root, 'sys'));
  let names: string[];
  try {
    names = fs.readdirSync(classDir);
  } catch {
    return [];
  }
  const aliases = byIdAliases(root);
  const ports: LinuxSerialPort[] = [];
  for (const name of names.sort()) {
    const ttyDir = path.join(classDir, name);
    let device: string;
    try {
      device = fs.realpathSync(path.join(ttyDir, 'device'));
    } catch {
      continue; // no device link: a virtual tty
    }
    if (readAttr(ttyDir, 'type') === '0') continue; // an 8250 slot without a UART
    const port: LinuxSerialPort = { path: path.posix.join('/dev', name), aliases: aliases.get(name) ?? [] };
    const usb = usbParent(device, sysRoot);
    if (usb) {
      port.vendorId = readAttr(usb, 'idVendor');
      port.productId = readAttr(usb, 'idProduct');
      port.manufacturer = readAttr(usb, 'manufacturer');
      port.product = readAttr(usb, 'product');
      port.serialNumber = readAttr(usb, 'serial');
    }
    ports.push(port);
  }
  return ports;
}
