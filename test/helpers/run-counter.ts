/** The real `counter` CLI as a child process: the names the CLI tests use for ./run-tsx's `counter`. */
export { counter as runCounter, ROOT, TSX, type RunResult as CounterRun } from './run-tsx';
