import { z } from 'zod';
import { AppInfo, DeviceStatus } from '../schemas';
import { method } from '../spec';

const None = z.object({}).strict();

export const appMethods = {
  'app.info': method(None, AppInfo, 'Product, version, run mode and data directory'),
};

export const appEvents = {
  'device.status': DeviceStatus,
};
