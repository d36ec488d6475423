/**
 * Classifies one scanned code. Pure (no Node imports): the renderer's keyboard-wedge hook uses it too.
 * Never guesses: a code that matches no accepted shape, or matches one with a wrong check digit or field,
 * is 'unrecognised' with a Chinese reason.
 *
 * Accepted kinds, tried in this order:
 * - id-number: 18 characters, 17 digits + digit/X (lower-case x accepted, returned upper-case), real birth
 *   date, GB 11643 check character verified.
 * - sscard-number: a 社会保障卡 card number (卡号) as printed on third-generation cards: one letter + 8 digits
 *   (9 characters, letter returned upper-case). The 社会保障号码 (SSN) equals the citizen ID number, so a
 *   scanned SSN is reported as id-number.
 * - e-invoice: see e-invoice.ts (comma-separated and URL forms).
 * - ec-voucher: 医保电子凭证 QR. Its payload is opaque and only the platform can resolve it (to an ecToken),
 *   so we accept by shape only: 32–512 characters of [0-9A-Za-z] plus the base64/URL-safe symbols + / = _ - .
 *   with at least 2 distinct characters and at least one digit. Provinces with a stricter known shape pass
 *   their own patterns in ClassifyOptions.ecVoucherPatterns.
 */
import { idNumberProblem, ID_PROBLEM_MESSAGES, idBirthDate, idSexCode, maskIdNumber } from '../id-number';
import { parseEInvoice, type EInvoice } from './e-invoice';

export type ScanKind = 'id-number' | 'sscard-number' | 'ec-voucher' | 'e-invoice' | 'unrecognised';

export type ScanResult =
  | { kind: 'id-number'; raw: string; idNumber: string; birthDate: string; sex: '1' | '2' }
  | { kind: 'sscard-number'; raw: string; cardNumber: string }
  | { kind: 'ec-voucher'; raw: string; code: string }
  | { kind: 'e-invoice'; raw: string; invoice: EInvoice }
  | { kind: 'unrecognised'; raw: string; reason: string };

export interface ClassifyOptions {
  /** Replaces the default 医保电子凭证 shape test. */
  ecVoucherPatterns?: RegExp[];
}

/** Longest text classified at all; longer input is unrecognised without inspection. */
export const MAX_SCAN_LENGTH = 4096;

const DEFAULT_EC_PATTERN = /^[0-9A-Za-z+/=_.-]{32,512}$/;

export function classifyScan(input: string, options: ClassifyOptions = {}): ScanResult {
  const raw = input.length > MAX_SCAN_LENGTH ? input.slice(0, MAX_SCAN_LENGTH) : input;
  if (input.length > MAX_SCAN_LENGTH) return unrecognised(raw, '扫描内容过长，无法识别');
  const text = raw.trim();
  if (text.length === 0) return unrecognised(raw, '扫描内容为空');

  if (/^\d{17}[\dXx]$/.test(text)) {
    const problem = idNumberProblem(text);
    if (problem) return unrecognised(raw, `疑似身份证号码，但${ID_PROBLEM_MESSAGES[problem]}`);
    const idNumber = text.toUpperCase();
    return { kind: 'id-number', raw, idNumber, birthDate: idBirthDate(idNumber), sex: idSexCode(idNumber) };
  }
  if (/^[A-Za-z]\d{8}$/.test(text)) {
    return { kind: 'sscard-number', raw, cardNumber: text.toUpperCase() };
  }
  const invoice = parseEInvoice(text);
  if (invoice.ok) return { kind: 'e-invoice', raw, invoice: invoice.invoice };
  if (invoice.looksLikeInvoice) return unrecognised(raw, invoice.reason);

  if (isEcVoucher(text, options)) return { kind: 'ec-voucher', raw, code: text };
  if (/^\d{15}$/.test(text)) return unrecognised(raw, '15位旧身份证号码不受理，请使用18位号码');
  return unrecognised(raw, '无法识别的条码内容');
}

function isEcVoucher(text: string, options: ClassifyOptions): boolean {
  if (options.ecVoucherPatterns) return options.ecVoucherPatterns.some((p) => p.test(text));
  if (!DEFAULT_EC_PATTERN.test(text) || !/\d/.test(text)) return false;
  return new Set(text).size >= 2;
}

function unrecognised(raw: string, reason: string): ScanResult {
  return { kind: 'unrecognised', raw, reason };
}

/** The same result with ID numbers masked, for logs, the CLI and screens that do not need the full number. */
export function redactScan(result: ScanResult): ScanResult {
  if (result.kind === 'id-number') {
    // The birth date is part of what the mask hides.
    return { ...result, raw: maskIdNumber(result.raw), idNumber: maskIdNumber(result.idNumber), birthDate: '****-**-**' };
  }
  if (result.kind === 'unrecognised' && /^\s*\d{14,17}[\dXx]\s*$/.test(result.raw)) {
    return { ...result, raw: maskIdNumber(result.raw.trim()) };
  }
  return result;
}
