/**
 * A refused input said in the clerk's words: `items[0].amount: …` or `form.invoices.1.no: …` become
 * 「第 1 条费用明细：…」「第 2 张票据：…」. Field names become their Chinese labels, and a label already in
 * the message is not said twice; containers with no label (`form`) are left out.
 */
export interface IssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

const LABELS: Record<string, string> = {
  psnNo: '人员编号',
  insuplcAdmdvs: '参保地区划',
  materials: '材料清单',
  insutype: '险种',
  diseaseCode: '病种',
  hospitalCode: '医疗机构编码',
  hospitalName: '医疗机构名称',
  hospitalLevel: '医院等级',
  assessedOn: '鉴定日期',
  doctorCode: '诊断医师编码',
  doctorName: '诊断医师姓名',
  begndate: '开始日期',
  enddate: '结束日期',
  tel: '联系电话',
  addr: '地址',
  memo: '备注',
  regType: '备案类型',
  targetAdmdvs: '就医地',
  targetHospitalCode: '就医机构编码',
  targetHospitalName: '就医机构名称',
  reason: '报销原因',
  visitType: '就诊类型',
  outOfArea: '异地就医',
  name: '名称',
  category: '类别',
  amount: '金额',
  overLimit: '超限价金额',
  selfPayRatio: '先行自付比例',
  code: '票据代码',
  no: '票据号码',
  checkCode: '校验码',
  issueDate: '开票日期',
  caseNo: '办件编号',
  retired: '退休状态',
  items: '费用明细',
  invoices: '票据',
};

const CJK = /[\u4e00-\u9fff]/;

const ROWS: Record<string, (n: number) => string> = {
  items: (n) => `第 ${n} 条费用明细`,
  invoices: (n) => `第 ${n} 张票据`,
};

/** Where one issue is, in Chinese (may be empty). */
export function issuePlace(path: ReadonlyArray<PropertyKey>, message = ''): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = String(path[i]);
    const next = path[i + 1];
    if (ROWS[key] && typeof next === 'number') {
      parts.push(ROWS[key](next + 1));
      i++;
    } else if (i === path.length - 1 && typeof path[i] === 'string') {
      const label = LABELS[key];
      // The field itself: its label, unless the message already names it (「请填写就诊机构编码」 needs no
      // 「机构编码：」 before it; the label's last two characters are enough to tell). A key with no label
      // is named only when the message does not explain itself in Chinese (a device option such as
      // timeoutMs with zod's own text, never a form field).
      if (label && !message.includes(label.slice(-2))) parts.push(label);
      else if (!label && !CJK.test(message)) parts.push(key);
    }
  }
  return parts.join('的');
}

export function describeIssues(issues: readonly IssueLike[]): string {
  const lines = issues.map((i) => {
    const place = issuePlace(i.path, i.message);
    return place ? `${place}：${i.message}` : i.message;
  });
  return [...new Set(lines)].join('；');
}

/** The same for lines already written as `items[0].amount: message` (the policy engine's refusals). */
export function describeIssueLines(lines: readonly string[]): string {
  return describeIssues(
    lines.map((line) => {
      const m = /^([A-Za-z_][\w]*(?:\[\d+\]|\.[A-Za-z_]\w*)*): ([\s\S]*)$/.exec(line);
      if (!m) return { path: [], message: line };
      const path = m[1].split(/\.|(?=\[)/).map((seg) => (/^\[\d+\]$/.test(seg) ? Number(seg.slice(1, -1)) : seg));
      return { path, message: m[2] };
    }),
  );
}
