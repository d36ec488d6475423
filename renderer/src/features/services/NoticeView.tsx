import { useState } from 'react';
import type { OneTimeNotice } from '../../../../electron/contract/features/cases';
import { api, errorMessage } from '../../api/client';

/** 一次性告知单: every missing item at once, so the applicant comes back only once. */
export function NoticeView({ notice, onDone }: { notice: OneTimeNotice; onDone: () => void }) {
  const [message, setMessage] = useState<string | null>(null);
  const save = async () => {
    try {
      setMessage(`已保存 PDF：${(await api.call('cases.noticePdf', { noticeNo: notice.noticeNo })).path}`);
    } catch (err) {
      setMessage(errorMessage(err));
    }
  };
  return (
    <section className="receipt notice" aria-label="一次性告知单" data-testid="notice">
      <h3>一次性告知单</h3>
      <div className="office">
        {notice.office} · 编号 <span className="mono">{notice.noticeNo}</span>
      </div>
      <p>
        {notice.applicantName}（{notice.idNumberMasked}）：您申请办理的<b>{notice.item}</b>，材料尚不齐全。需补正的全部内容如下：
      </p>
      <table className="grid compact">
        <thead>
          <tr>
            <th>序号</th>
            <th>材料名称</th>
            <th>补正要求</th>
          </tr>
        </thead>
        <tbody>
          {notice.missing.map((m, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>{m.material}</td>
              <td>{m.requirement}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">
        经办人 {notice.clerk} · {notice.issuedAt}
      </p>
      <div className="svc-actions">
        <button onClick={() => void save()} data-testid="save-notice-pdf">
          保存PDF
        </button>
        <button className="primary" onClick={onDone} data-testid="back-to-form">
          返回修改
        </button>
      </div>
      {message && <p className="hint">{message}</p>}
    </section>
  );
}
