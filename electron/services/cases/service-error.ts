/** A refusal the clerk can act on: a stable code and a Chinese message (the bridge carries both). */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
