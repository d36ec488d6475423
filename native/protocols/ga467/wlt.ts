/**
 * WLT photo decoding needs a licensed vendor library, so it is a plug-in point. The default keeps the
 * raw bytes; a decoder returning e.g. image/bmp can be supplied by deployments that hold a licence.
 */
export interface WltDecoder {
  decode(wlt: Buffer): Promise<{ mime: string; data: Buffer }>;
}

export const WLT_MIME = 'application/x-wlt';

export const rawWltDecoder: WltDecoder = {
  async decode(wlt) {
    return { mime: WLT_MIME, data: wlt };
  },
};
