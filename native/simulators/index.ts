/**
 * Device simulators. Kinds for `counter simulate <kind>` register here: add one import and one
 * registerSimulatorKind(...) line for yours.
 */
import { idReaderSimulatorKind } from './id-reader-kind';
import { printerSimulatorKind } from './printer-kind';
import { scannerSimulatorKind } from './scanner-kind';
import { registerSimulatorKind } from './simulator-kinds';
import { sscardReaderSimulatorKind } from './sscard-reader-kind';

export { registerSimulatorKind, simulatorKind, simulatorKinds } from './simulator-kinds';
export type { RunningSimulator, SimulatorKind, SimulatorOptionSpec } from './simulator-kinds';

registerSimulatorKind(idReaderSimulatorKind);
registerSimulatorKind(sscardReaderSimulatorKind);
registerSimulatorKind(printerSimulatorKind);
registerSimulatorKind(scannerSimulatorKind);
