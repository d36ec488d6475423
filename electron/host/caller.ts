/**
 * Who is calling the workstation. Every transport owns one Caller per connection it trusts (the Electron
 * window; a browser-mode bridge session, kept across reconnects and reloads; the CLI; a test) and passes it
 * to `dispatch`, which checks the operator's role against the method before the handler runs.
 * Handlers receive the same Caller as their second argument: the audit actor, the case event's operator and
 * the platform envelope's `opter`/`opter_name` come from it, never from config.json.
 */
import crypto from 'node:crypto';
import type { OperatorRole } from '../contract/features/auth';

export type CallerTransport = 'ipc' | 'websocket' | 'cli' | 'test';

export interface SignedInOperator {
  code: string;
  name: string;
  role: OperatorRole;
}

export interface Caller {
  /** Random id of this connection/session, for logs and the audit trail (never a secret). */
  readonly id: string;
  readonly transport: CallerTransport;
  /** Set by auth.signIn / auth.setupAdmin, cleared by auth.signOut; kept (with `locked`) while auto-locked. */
  operator: SignedInOperator | null;
  /** Auto-locked after idling: the operator stays known but only auth.unlock / auth.signOut / auth.status pass. */
  locked: boolean;
  /** Last call that counted as activity (ms since epoch, from the app clock). */
  lastActivityAt: number;
}

/**
 * The CLI and tests run in-process: they already hold the data directory and its key, so the access policy
 * would protect nothing from them. Every other transport (IPC window, WebSocket) is checked.
 */
export function isTrustedCaller(caller: Caller): boolean {
  return caller.transport === 'cli' || caller.transport === 'test';
}

export function createCaller(transport: CallerTransport, operator: SignedInOperator | null = null, now = Date.now()): Caller {
  return { id: crypto.randomBytes(8).toString('hex'), transport, operator, locked: false, lastActivityAt: now };
}
