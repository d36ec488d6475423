/**
 * The one table from each error a service, store or driver throws on purpose to what a boundary says about
 * it: a stable code (the renderer and the audit trail key on it), the Chinese message the clerk reads, and
 * the CLI's exit code. `dispatch`, the audit wrapper and the CLI's runner all read it, so a new error class
 * gets its row here once instead of a conversion at every call site.
 *
 * Anything the table does not know is a bug, not a refusal: the boundary answers `internal` with a generic
 * message and the detail goes to the log only (it may carry a path, SQL or a stack-worthy text).
 */
import { PrinterError } from '../../native/devices/printer-error';
import { IdReaderError } from '../../native/devices/id-reader-error';
import { ApduStatusError } from '../../native/protocols/apdu/status-words';
import { MalformedResponseError } from '../../native/protocols/apdu/channel';
import { Ga467Error } from '../../native/protocols/ga467/errors';
import { SsCardError } from '../../native/protocols/sscard/errors';
import { ProvincialLibraryError } from '../../native/protocols/sscard/provincial-library';
import { ReaderError } from '../../native/protocols/sscard/reader-protocol';
import { TransportError } from '../../native/transports/transport';
import { AppError } from '../contract/errors';
import { ExcerptFormatError } from '../services/audit/audit-excerpt';
import { CaseStoreError } from '../services/cases/case-store';
import { UnknownMaterialError } from '../services/cases/materials';
import { PlatformError } from '../services/platform/client';
import { PersonUnavailableError } from '../services/platform/person-cache';
import { ProfileError } from '../services/platform/profile';
import { GatewayError } from '../services/platform/signing/gateway';
import { PlatformInputError } from '../services/platform/transactions/shared';
import { ClaimRejectedError } from '../services/policy/claim-schema';
import { PolicyFileError } from '../services/policy/policy-schema';
import { PdfRenderError } from '../services/printing/a4/pdf-renderer';
import { MoneyTextError } from '../services/reimbursement/yuan';
import { DISK_FULL, isDiskFull } from '../services/store/atomic-write';
import { StoreError } from '../services/store/database';
import { MaintenanceRefused } from '../services/maintenance';
import { CliError } from './cli/cli-error';
import { ConfigError } from './config';
import { DriverNotInstalledError } from './devices/sscard-drivers';

/** What a boundary says about a failure. */
export interface BoundaryError {
  code: string;
  message: string;
  /** The CLI's process exit code (1 unless the row says otherwise). */
  exitCode: number;
}

export const INTERNAL_ERROR = { code: 'internal', message: '发生内部错误，操作未完成。请重试；如仍失败，请联系技术支持（详情已写入日志）' } as const;

/** SQLITE_FULL / ENOSPC from deep inside a call: the transaction rolled back, nothing was written. */
export const DISK_FULL_MESSAGE = `${DISK_FULL}，操作未完成 (没有写入任何内容)。请清理磁盘后重试。`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- error classes take any constructor arguments
type ErrorClass<E extends Error> = abstract new (...args: any[]) => E;

interface ErrorRow {
  /** Which errors the row covers. */
  matches: (err: unknown) => boolean;
  map: (err: never) => { code: string; message: string; exitCode?: number };
}

const byClass = <E extends Error>(type: ErrorClass<E>, map: (err: E) => { code: string; message: string; exitCode?: number }): ErrorRow => ({
  matches: (err) => err instanceof type,
  map: map as (err: never) => { code: string; message: string },
});
/** Errors that already carry a stable `code`: it passes through with their (Chinese) message. */
const ownCode = <E extends Error & { code: string }>(type: ErrorClass<E>): ErrorRow => byClass(type, (e) => ({ code: e.code, message: e.message }));
/** Errors without a code: the row names it. */
const named = <E extends Error>(type: ErrorClass<E>, code: string): ErrorRow => byClass(type, (e) => ({ code, message: e.message }));

/** First matching row wins; the order matters only where classes overlap (SignInRefused is an AppError). */
export const ERROR_TABLE: readonly ErrorRow[] = [
  byClass(CliError, (e) => ({ code: 'cli-refused', message: e.message, exitCode: e.exitCode })),
  {
    matches: isDiskFull,
    map: (e: Error) => ({ code: 'disk-full', message: e.message?.includes(DISK_FULL) ? e.message : DISK_FULL_MESSAGE }),
  },
  ownCode(AppError),
  byClass(PlatformError, (e) => ({ code: `platform-${e.kind}`, message: e.errMsg ?? e.message })),
  named(PersonUnavailableError, 'offline'),
  named(ClaimRejectedError, 'invalid-claim'),
  ownCode(CaseStoreError),
  ownCode(StoreError),
  ownCode(TransportError),
  ownCode(Ga467Error),
  ownCode(IdReaderError),
  ownCode(PrinterError),
  ownCode(ReaderError),
  ownCode(SsCardError),
  ownCode(ProvincialLibraryError),
  ownCode(DriverNotInstalledError),
  named(ApduStatusError, 'card-refused'),
  named(MalformedResponseError, 'card-malformed'),
  named(PlatformInputError, 'invalid-input'),
  named(UnknownMaterialError, 'invalid-input'),
  named(MoneyTextError, 'invalid-input'),
  named(PolicyFileError, 'invalid-policy'),
  named(ProfileError, 'invalid-profile'),
  named(ConfigError, 'invalid-config'),
  named(GatewayError, 'signing-refused'),
  named(MaintenanceRefused, 'maintenance-refused'),
  named(ExcerptFormatError, 'invalid-excerpt'),
  named(PdfRenderError, 'pdf-failed'),
];

/** The table's answer for a known error, or null when no row covers it. */
export function knownError(err: unknown): BoundaryError | null {
  const row = ERROR_TABLE.find((r) => r.matches(err));
  if (!row) return null;
  const { code, message, exitCode } = row.map(err as never);
  return { code, message, exitCode: exitCode ?? 1 };
}

/** Any thrown value → what the boundary says; an unknown one becomes `internal` without its message. */
export function boundaryError(err: unknown): BoundaryError {
  return knownError(err) ?? { ...INTERNAL_ERROR, exitCode: 1 };
}
