/** GA 467 request commands (CMD PARA) and their frames. */
import { encodeFrame } from './frame';

export const COMMANDS = {
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readText: [0x30, 0x01],
  readWithFingerprint: [0x30, 0x10],
  reset: [0x10, 0xff],
  samStatus: [0x11, 0xff],
  samId: [0x12, 0xff],
} as const satisfies Record<string, readonly [number, number]>;

export type Ga467CommandName = keyof typeof COMMANDS;

export function buildRequest(name: Ga467CommandName): Buffer {
  return encodeFrame(Buffer.from(COMMANDS[name]));
}

export const findCardRequest = (): Buffer => buildRequest('findCard');
export const selectCardRequest = (): Buffer => buildRequest('selectCard');
export const readCardRequest = (): Buffer => buildRequest('readText');
export const readCardWithFingerprintRequest = (): Buffer => buildRequest('readWithFingerprint');
export const resetRequest = (): Buffer => buildRequest('reset');
export const samStatusRequest = (): Buffer => buildRequest('samStatus');
export const samIdRequest = (): Buffer => buildRequest('samId');

/** Which command a request body carries (for the simulator), or undefined. */
export function commandOf(body: Uint8Array): Ga467CommandName | undefined {
  if (body.length < 2) return undefined;
  for (const [name, [cmd, para]] of Object.entries(COMMANDS)) {
    if (body[0] === cmd && body[1] === para) return name as Ga467CommandName;
  }
  return undefined;
}
