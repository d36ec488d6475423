/**
 * BER-TLV parser (ISO 7816-4 / EMV flavour). Total: never throws, never reads past the input,
 * never recurses deeper than `maxDepth`; a damaged input gives the objects parsed so far plus an error.
 */

export interface Tlv {
  /** Tag as a number (multi-byte tags big-endian, e.g. 0x9F38). */
  tag: number;
  /** Tag bytes as upper-case hex, e.g. "9F38". */
  tagHex: string;
  constructed: boolean;
  value: Uint8Array;
  /** Children when constructed and parsable. */
  children?: Tlv[];
}

export type TlvErrorCode = 'truncated-tag' | 'truncated-length' | 'bad-length' | 'truncated-value' | 'too-deep';

export interface TlvParseResult {
  items: Tlv[];
  error?: { code: TlvErrorCode; offset: number; message: string };
}

const MESSAGES: Record<TlvErrorCode, string> = {
  'truncated-tag': 'TLV 标签不完整',
  'truncated-length': 'TLV 长度字段不完整',
  'bad-length': 'TLV 长度字段无效',
  'truncated-value': 'TLV 数据长度超出实际数据',
  'too-deep': 'TLV 嵌套层数过多',
};

export interface TlvOptions {
  maxDepth?: number;
  /** Skip 00 / FF filler bytes between objects (ISO 7816-4 §5.2.2). Default true. */
  skipPadding?: boolean;
}

export function parseBerTlv(input: Uint8Array, options: TlvOptions = {}): TlvParseResult {
  return parseLevel(input, options.maxDepth ?? 8, options.skipPadding ?? true, 0);
}

function parseLevel(buf: Uint8Array, depthLeft: number, skipPadding: boolean, base: number): TlvParseResult {
  const items: Tlv[] = [];
  let i = 0;
  const fail = (code: TlvErrorCode, at: number): TlvParseResult => ({
    items,
    error: { code, offset: base + at, message: `${MESSAGES[code]}（偏移 ${base + at}）` },
  });
  while (i < buf.length) {
    if (skipPadding && (buf[i] === 0x00 || buf[i] === 0xff)) {
      i++;
      continue;
    }
    const start = i;
    const first = buf[i++];
    let tag = first;
    if ((first & 0x1f) === 0x1f) {
      // Subsequent tag bytes: bit 8 set means "another byte follows"; at most 3 more bytes.
      let n = 0;
      for (;;) {
        if (i >= buf.length) return fail('truncated-tag', start);
        const b = buf[i++];
        tag = tag * 256 + b;
        if ((b & 0x80) === 0) break;
        if (++n >= 3) return fail('truncated-tag', start);
      }
    }
    const tagLen = i - start;
    if (i >= buf.length) return fail('truncated-length', i);
    const l0 = buf[i++];
    let length: number;
    if (l0 < 0x80) {
      length = l0;
    } else if (l0 === 0x80 || l0 > 0x84) {
      return fail('bad-length', i - 1); // indefinite form or absurd length-of-length
    } else {
      const count = l0 & 0x7f;
      if (i + count > buf.length) return fail('truncated-length', i - 1);
      length = 0;
      for (let k = 0; k < count; k++) length = length * 256 + buf[i++];
    }
    if (length > buf.length - i) return fail('truncated-value', i);
    const value = buf.subarray(i, i + length);
    i += length;
    const constructed = (first & 0x20) !== 0;
    const item: Tlv = {
      tag,
      tagHex: Buffer.from(buf.subarray(start, start + tagLen)).toString('hex').toUpperCase(),
      constructed,
      value,
    };
    if (constructed) {
      if (depthLeft <= 0) return fail('too-deep', start);
      const inner = parseLevel(value, depthLeft - 1, skipPadding, base + i - length);
      if (inner.error) return { items: [...items, { ...item, children: inner.items }], error: inner.error };
      item.children = inner.items;
    }
    items.push(item);
  }
  return { items };
}

/** Encode a primitive TLV with a one-byte tag (record TLVs, tests, simulators). */
export function encodeTlv(tag: number, value: Uint8Array): Uint8Array {
  if (!Number.isInteger(tag) || tag < 1 || tag > 0xfe) throw new RangeError(`tag must be a single byte, got ${tag}`);
  const len = value.length;
  const head = len < 0x80 ? [tag, len] : len <= 0xff ? [tag, 0x81, len] : [tag, 0x82, len >> 8, len & 0xff];
  if (len > 0xffff) throw new RangeError('TLV value too long');
  const out = new Uint8Array(head.length + len);
  out.set(head, 0);
  out.set(value, head.length);
  return out;
}

/** First object with the tag, searching children depth-first. */
export function findTlv(items: Tlv[], tag: number): Tlv | undefined {
  for (const it of items) {
    if (it.tag === tag) return it;
    if (it.children) {
      const hit = findTlv(it.children, tag);
      if (hit) return hit;
    }
  }
  return undefined;
}
