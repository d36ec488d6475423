export { startPlatformSimulator, type PlatformSimulator, type PlatformSimulatorOptions, type SimulatorState } from './server';
export { FaultControl, NO_FAULTS, type FaultSettings } from './faults';
