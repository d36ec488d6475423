/** MIME from the bytes: JPEG, PNG, PDF kept; everything else (and a renamed file) refused in Chinese; the size limit. */
import { describe, expect, it } from 'vitest';
import { attachmentProblem, MAX_ATTACHMENT_BYTES, sniffMime } from '../../../../../electron/services/attachments/mime-sniff';

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1');

describe('sniffMime', () => {
  it('names JPEG, PNG and PDF by their first bytes', () => {
    expect(sniffMime(jpeg)).toBe('image/jpeg');
    expect(sniffMime(png)).toBe('image/png');
    expect(sniffMime(pdf)).toBe('application/pdf');
  });

  it('refuses other formats and near misses', () => {
    expect(sniffMime(Buffer.from('GIF89a......'))).toBeNull();
    expect(sniffMime(Buffer.from('PK\u0003\u0004 docx'))).toBeNull(); // a Word file renamed .jpg
    expect(sniffMime(Buffer.from([0xff, 0xd8]))).toBeNull(); // truncated JPEG marker
    expect(sniffMime(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a]))).toBeNull(); // 7 of 8 PNG bytes
    expect(sniffMime(Buffer.from(' %PDF-1.4'))).toBeNull();
    expect(sniffMime(Buffer.alloc(0))).toBeNull();
  });
});

describe('attachmentProblem', () => {
  it('accepts a good file', () => {
    expect(attachmentProblem(jpeg, 'a.jpg')).toBeNull();
  });

  it('says in Chinese why a file is refused, naming it', () => {
    expect(attachmentProblem(Buffer.from('hello'), '说明.txt')).toMatch(/“说明.txt”不是 JPEG、PNG 或 PDF 格式/);
    expect(attachmentProblem(Buffer.alloc(0), 'x.pdf')).toMatch(/是空的/);
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1);
    jpeg.copy(big);
    expect(attachmentProblem(big, '大图.jpg')).toMatch(/超过 10 MB 上限/);
    const exact = Buffer.alloc(MAX_ATTACHMENT_BYTES);
    jpeg.copy(exact);
    expect(attachmentProblem(exact, 'ok.jpg')).toBeNull();
  });
});
