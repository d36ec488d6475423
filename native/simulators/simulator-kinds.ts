/**
 * The registry behind `counter simulate <kind>`: each device kind registers how to start its simulator.
 * CLI-agnostic on purpose (options are plain specs), so native/ does not depend on commander.
 */
export interface SimulatorOptionSpec {
  /** Commander-style flags, e.g. "--port <path>" or "--no-card". */
  flags: string;
  description: string;
  defaultValue?: string | boolean;
}

export interface RunningSimulator {
  /** Serial path the application should open, when there is one. */
  portPath?: string;
  /** Lines shown to the user once started (zh-CN). */
  info: string[];
  /** A line typed on stdin (Enter alone gives ''); returns a line to show, if any. */
  onInput?(line: string): Promise<string | undefined> | string | undefined;
  close(): Promise<void>;
}

export interface SimulatorKind {
  name: string;
  description: string;
  options?: SimulatorOptionSpec[];
  start(options: Record<string, unknown>): Promise<RunningSimulator>;
}

const kinds = new Map<string, SimulatorKind>();

export function registerSimulatorKind(kind: SimulatorKind): void {
  if (kinds.has(kind.name)) throw new Error(`simulator kind already registered: ${kind.name}`);
  kinds.set(kind.name, kind);
}

export function simulatorKinds(): SimulatorKind[] {
  return [...kinds.values()];
}

export function simulatorKind(name: string): SimulatorKind | undefined {
  return kinds.get(name);
}
