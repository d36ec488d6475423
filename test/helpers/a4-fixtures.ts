/** A sample 受理回执 for A4/PDF tests and benches; `n` varies the case number so each PDF differs. */
import type { A4AcceptanceReceipt } from '../../electron/services/printing/a4';

export function sampleA4Receipt(n = 0): A4AcceptanceReceipt {
  return {
    office: '某市医疗保障局 政务服务大厅',
    caseNumber: `3301000012024031500${String(n).padStart(5, '0')}`,
    applicantName: '张三',
    idNumber: '11010519491231002X',
    items: [{ name: '异地就医备案（异地长期居住）' }, { name: '零星报销', amountFen: 123450 }],
    materials: ['居民身份证', '异地就医备案表', '个人承诺书'],
    acceptedAt: '2024-03-15 09:30',
    clerk: '李四',
    committedDate: '2024-03-22',
  };
}
