export { startPlatformSimulator, type PlatformSimulator, type PlatformSimulatorOptions } from './server';
