/**
 * The APDU channel: whatever carries command APDUs to a card and brings the response back
 * (a serial reader, a HID reader, a PC/SC bridge, a simulator). Plus the T=0 housekeeping
 * every caller needs: GET RESPONSE after 61xx and resend with the right Le after 6Cxx.
 */
import { encodeCommandApdu, getResponse, parseResponseApdu, type CommandApdu, type ResponseApdu } from './command';
import { interpretStatus, type StatusWord } from './status-words';

export interface ApduChannel {
  /** Send one command APDU; resolves with the raw response (data + SW1 SW2). */
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
}

export interface ApduResult extends ResponseApdu {
  status: StatusWord;
}

/** The response was shorter than a status word: the reader or card garbled it. */
export class MalformedResponseError extends Error {
  constructor(readonly raw: Uint8Array) {
    super(`卡片应答格式错误（${raw.length} 字节，缺少状态字）`);
    this.name = 'MalformedResponseError';
  }
}

const MAX_CHAINED_RESPONSE = 4096; // a 社保卡 record is far smaller; stops a looping card

/**
 * Transmit a command and follow 61xx (GET RESPONSE, concatenating data) and 6Cxx (resend with Le=xx, once).
 * Returns the final response with its interpreted status; the caller decides which statuses are fatal.
 */
export async function transmitCommand(channel: ApduChannel, cmd: CommandApdu): Promise<ApduResult> {
  let res = await transmitOnce(channel, encodeCommandApdu(cmd));
  if (res.sw1 === 0x6c) {
    res = await transmitOnce(channel, encodeCommandApdu({ ...cmd, le: res.sw2 === 0 ? 256 : res.sw2 }));
  }
  const chunks: Uint8Array[] = [res.data];
  let total = res.data.length;
  while (res.sw1 === 0x61) {
    res = await transmitOnce(channel, encodeCommandApdu(getResponse(res.sw2 === 0 ? 256 : res.sw2)));
    chunks.push(res.data);
    total += res.data.length;
    if (total > MAX_CHAINED_RESPONSE) throw new MalformedResponseError(res.data);
  }
  const data = chunks.length === 1 ? chunks[0] : Uint8Array.from(Buffer.concat(chunks));
  return { data, sw1: res.sw1, sw2: res.sw2, sw: res.sw, status: interpretStatus(res.sw1, res.sw2) };
}

async function transmitOnce(channel: ApduChannel, apdu: Uint8Array): Promise<ResponseApdu> {
  const raw = await channel.transmit(apdu);
  const res = parseResponseApdu(raw);
  if (!res) throw new MalformedResponseError(raw);
  return res;
}
