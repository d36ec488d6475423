/** An expected failure of a CLI command: printed as one clear line on stderr, exit code non-zero. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'CliError';
  }
}
