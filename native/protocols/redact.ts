/**
 * Log redaction: what may reach stdout/stderr, log files or an error text shown on a device status.
 * No full ID number (GB 11643, 18 characters), no name beside an ID, no name/ID/diagnosis fields of a JSON
 * text. Pure (no Node imports) so native device code, the host and the renderer can all use it. It is a
 * safety net for text that comes from outside (platform err_msg, a driver's stderr, an exception message);
 * the code's own messages should not carry personal data in the first place.
 */
import { maskIdNumber } from '../../shared/id-number';

const HAN = '\\u3400-\\u9fff';
const ID = '\\d{17}[\\dXx]';
/** An ID number not inside a longer run of letters/digits (a 23-digit 办件编号 is not an ID). */
const ID_RE = new RegExp(`(?<![0-9A-Za-z])${ID}(?![0-9A-Za-z])`, 'g');
const MASKED_ID = '(?<![0-9A-Za-z])[0-9]{6}\\*{8}[0-9A-Za-z]{4}';
/** The run of hanzi right before an (already masked) ID: its end is the name, e.g. 参保人张伟明(1101…) / 人员李四 1101… */
const NAME_BEFORE_ID = new RegExp(`[${HAN}·]+(?=[\\s(（:：,，、\\[【<"']{0,3}${MASKED_ID})`, 'g');
/** A label ending the run is not a name: 社会保障号码 1101… */
const ID_LABEL = /(号码|证号|身份证|证件|号)$/;
/** A 2–3 hanzi word right after an ID, separated and standing alone: 1101…，张伟明 / 1101… (张伟明). */
const NAME_AFTER_ID = new RegExp(`(${MASKED_ID}[\\s:：,，、"'(（]{1,3})[${HAN}·]{2,3}(?![${HAN}])`, 'g');
/** A label, then a name standing alone (姓名：赵六 …); a longer run of hanzi is a sentence (诊断医师姓名含有…), not a name. */
const LABELLED_NAME = new RegExp(`(姓名|申请人|参保人|持卡人)([:：\\s]{0,2})[${HAN}·]{2,8}(?![${HAN}·])`, 'g');
/** JSON-ish "key": "value" pairs whose value is a name, an ID or a diagnosis. */
const SENSITIVE_KEYS = [
  'psn_name', 'name', 'applicantName', 'psnName', 'doctorName', 'idNumber', 'certno', 'certNo', 'ssn', 'mdtrt_cert_no',
  'diseaseCode', 'diseaseName', 'opsp_dise_code', 'opsp_dise_name', 'dise_code', 'dise_name', 'diag_code', 'diag_name', 'tel', 'addr', 'address',
];
const KEY_VALUE = new RegExp(`("(?:${SENSITIVE_KEYS.join('|')})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'g');

export function redact(text: string, extraTerms: readonly string[] = []): string {
  let out = text.replace(KEY_VALUE, '$1"***"');
  out = out.replace(ID_RE, (id) => maskIdNumber(id.toUpperCase()));
  out = out.replace(NAME_BEFORE_ID, (run) => (ID_LABEL.test(run) ? run : run.length <= 3 ? '***' : `${run.slice(0, -3)}***`));
  out = out.replace(NAME_AFTER_ID, '$1***');
  out = out.replace(LABELLED_NAME, '$1$2***');
  for (const term of extraTerms) if (term.length >= 2) out = out.split(term).join('***');
  return out;
}
