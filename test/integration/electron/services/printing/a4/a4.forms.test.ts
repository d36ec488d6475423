/** A4 forms: HTML from data (escaped, masked) and a real PDF through Debian's Chromium. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderAcceptanceReceiptHtml, renderOneTimeNoticeHtml, renderPdf } from '../../../../../../electron/services/printing/a4';
import { sampleA4Receipt } from '../../../../../helpers/a4-fixtures';

const OUT = path.resolve('test-results/a4');
fs.mkdirSync(OUT, { recursive: true });

const receipt = {
  ...sampleA4Receipt(12),
  applicantName: '张三<script>alert(1)</script>',
  pending: { materials: ['居住证明复印件'], deadline: '2024-03-29' },
  contactPhone: '12393',
};

const notice = {
  office: '某市医疗保障局 政务服务大厅',
  noticeNumber: 'GZ-20240315-0007',
  applicantName: '王五',
  idNumber: '33010619850312001X',
  item: '门诊慢特病待遇认定（M03900 高血压）',
  missing: [
    { material: '门诊慢特病认定申请表', requirement: '本人签字，填写完整' },
    { material: '近一年病历', requirement: '二级及以上定点医院出具，加盖病历专用章' },
    { material: '检查报告', requirement: '包括血压监测记录 & 心电图 "原件"' },
  ],
  issuedAt: '2024-03-15',
  clerk: '李四',
  contactPhone: '12393',
};

describe('A4 templates', () => {
  it('escape every data value and mask the ID number', () => {
    const html = renderAcceptanceReceiptHtml(receipt);
    expect(html).toContain('张三&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('110105********002X');
    expect(html).not.toContain('19491231');
    expect(html).toContain('1234.50 元');
    expect(html).toContain('请于 2024-03-29 前补齐');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    const n = renderOneTimeNoticeHtml(notice);
    expect(n).toContain('&amp; 心电图 &quot;原件&quot;');
    expect(n.match(/<tr><td/g)).toHaveLength(3);
    expect(n).not.toContain('19850312');
  });
});

describe('renderPdf through Chromium', () => {
  it('writes real A4 PDFs for both forms', async () => {
    const files = [
      [renderAcceptanceReceiptHtml(receipt), path.join(OUT, 'acceptance-receipt.pdf')],
      [renderOneTimeNoticeHtml(notice), path.join(OUT, 'one-time-notice.pdf')],
    ] as const;
    for (const [html, file] of files) {
      await renderPdf(html, file);
      const head = fs.readFileSync(file).subarray(0, 5).toString('latin1');
      expect(head).toBe('%PDF-');
      // A4 media box: 595 x 842 points (rounded).
      expect(fs.readFileSync(file).toString('latin1')).toMatch(/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
      if (fs.existsSync('/usr/bin/pdftoppm')) {
        const r = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, file.replace(/\.pdf$/, '')]);
        expect(r.status).toBe(0);
        expect(fs.existsSync(file.replace(/\.pdf$/, '.png'))).toBe(true);
      }
    }
  }, 60_000);

  it('fails with a Chinese message when Chromium is missing', async () => {
    await expect(renderPdf('<p>x</p>', path.join(OUT, 'never.pdf'), { executablePath: '/nonexistent/chromium' })).rejects.toThrow(/未找到 Chromium/);
  });
});
