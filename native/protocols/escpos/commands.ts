/** ESC/POS command bytes used by the builder, decoder and simulator (one table, one truth). */
export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

export const CMD = {
  init: [ESC, 0x40], // ESC @
  chineseOn: [FS, 0x26], // FS &
  chineseOff: [FS, 0x2e], // FS .
  align: (n: 0 | 1 | 2) => [ESC, 0x61, n], // ESC a n: 0 left, 1 centre, 2 right
  bold: (on: boolean) => [ESC, 0x45, on ? 1 : 0], // ESC E n
  size: (n: number) => [GS, 0x21, n & 0xff], // GS ! n: high nibble width-1, low nibble height-1
  feedLines: (n: number) => [ESC, 0x64, n & 0xff], // ESC d n
  cut: [GS, 0x56, 0x42, 0x00], // GS V 66 0: feed to cut position, partial cut
  status: (n: 1 | 2 | 3 | 4) => [DLE, EOT, n], // DLE EOT n: real-time status
} as const;
