import { useCallback, useEffect, useState } from 'react';
import type { CaseDetail } from '../../../../electron/contract/features/worklist';
import { attemptActionName, attemptOutcomeName } from '../../../../electron/contract/vocabulary/upload-attempts';
import { api, errorMessage } from '../../api/client';
import { may } from '../../auth/access';
import { useAuth } from '../../auth/auth-store';
import { CaseAttachments } from '../materials/CaseAttachments';
import { FormsToPrint } from '../paper/FormsToPrint';
import { ReasonDialog } from './ReasonDialog';

// Times as on the receipts: China Standard Time, whatever the machine's zone.
export const fmt = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });

const CASE_STATE: Record<string, string> = {
  accepted: '已受理',
  filed: '已上报',
  'needs-clerk': '需人工处理',
  cancelled: '已撤销',
  resubmitted: '已更正重报',
  voided: '已作废',
  'settled-elsewhere': '已在其他渠道办结',
};

type Ask = 'void' | 'settle' | 'contact' | 'cancel' | null;

/** One case in full: who did what and why, its uploads, its 容缺 follow-up and the 需人工处理 actions. */
export function CaseDetailView({ caseNo, onChanged, onOpen }: { caseNo: string; onChanged(): void; onOpen(caseNo: string): void }) {
  const role = useAuth((s) => s.operator?.role);
  const [d, setD] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [ask, setAsk] = useState<Ask>(null);
  const [correcting, setCorrecting] = useState(false);

  const load = useCallback(() => {
    api
      .call('cases.detail', { caseNo })
      .then((x) => (setD(x), setError(null)))
      .catch((err) => setError(errorMessage(err)));
  }, [caseNo]);
  useEffect(() => {
    load();
    setNotice(null);
    setCorrecting(false);
    return api.on('queue.changed', load);
  }, [load]);

  const done = (message: string) => {
    setNotice(message);
    load();
    onChanged();
  };

  if (error) return <div className="alert error" role="alert">{error}</div>;
  if (!d) return <p className="muted">正在读取办件…</p>;
  const v = d.view;
  return (
    <div className="case-detail" data-testid="case-detail">
      <header className="case-head">
        <div>
          <div className="case-title">
            {v.kindLabel} <span className={`state ${v.tone}`} data-testid="detail-state">{v.stateLabel}</span>
          </div>
          <div className="mono small">{v.caseNo}</div>
        </div>
      </header>
      <dl className="case-facts">
        <dt>申请人</dt>
        <dd>
          {v.applicantName} <span className="mono small">{d.idNumberMasked}</span>
        </dd>
        <dt>事项</dt>
        <dd>{v.summary}</dd>
        <dt>受理</dt>
        <dd>
          {fmt(v.createdAt)} · {v.clerk}（{d.clerkCode}）
        </dd>
        {d.committedDate && (
          <>
            <dt>承诺办结</dt>
            <dd>{d.committedDate}</dd>
          </>
        )}
        {v.relatedCaseNo && (
          <>
            <dt>{v.kind.endsWith('-cancel') ? '撤销的办件' : '原办件'}</dt>
            <dd>
              <button className="link mono" onClick={() => onOpen(v.relatedCaseNo!)}>
                {v.relatedCaseNo}
              </button>
            </dd>
          </>
        )}
        {d.replacedBy && (
          <>
            <dt>重报办件</dt>
            <dd>
              <button className="link mono" onClick={() => onOpen(d.replacedBy!)} data-testid="replaced-by">
                {d.replacedBy}
              </button>
            </dd>
          </>
        )}
      </dl>

      {notice && (
        <div className="alert ok" role="status" data-testid="detail-notice">
          {notice}
        </div>
      )}

      {d.upload?.platformMessage && (
        <div className="alert error" data-testid="platform-message">
          <b>平台退回：</b>
          {d.upload.platformMessage}
        </div>
      )}

      {(d.actions.resubmit || d.actions.void || d.actions.settle) && (
        <section className="case-section" data-testid="needs-clerk-actions">
          <h3>需人工处理</h3>
          <p className="muted small">核实平台退回原因后：更正后重新上报；或由主管作废；或已在其他渠道办结。联系申请人请登记。</p>
          <div className="actions">
            {d.actions.resubmit && (
              <button className="primary" onClick={() => setCorrecting(true)} data-testid="action-resubmit">
                更正后重报
              </button>
            )}
            {d.actions.settle && (
              <button onClick={() => setAsk('settle')} data-testid="action-settle">
                已在其他渠道办结
              </button>
            )}
            {d.actions.void && may(role, 'cases.void') && (
              <button className="danger" onClick={() => setAsk('void')} data-testid="action-void">
                作废
              </button>
            )}
            {d.actions.void && !may(role, 'cases.void') && <span className="muted small">作废须由主管办理</span>}
          </div>
          {correcting && <CorrectionForm d={d} onCancel={() => setCorrecting(false)} onDone={(no) => (setCorrecting(false), done(`已更正重报，新办件编号 ${no}`))} />}
        </section>
      )}

      {d.followUp && (
        <section className="case-section" data-testid="follow-up">
          <h3>
            容缺材料 {d.followUp.completed ? <span className="state done">已补齐</span> : d.followUp.overdue ? <span className="state bad">已逾期</span> : <span className="state pending">待补齐</span>}
          </h3>
          <p>
            {d.followUp.materials.join('、')} · 承诺 {d.followUp.deadline} 前补齐
          </p>
          {d.followUp.completed && (
            <p className="muted small" data-testid="completed-info">
              {fmt(d.followUp.completed.at)} 由 {d.followUp.completed.by} 登记补齐：{d.followUp.completed.note}
            </p>
          )}
          {d.actions.complete && <CompleteForm d={d} onDone={() => done('已登记补齐，办件已进入上报队列')} />}
        </section>
      )}

      <div className="actions">
        {d.actions.contact && (
          <button onClick={() => setAsk('contact')} data-testid="action-contact">
            登记已联系申请人
          </button>
        )}
        {v.cancellable && (
          <button onClick={() => setAsk('cancel')} data-testid="action-cancel">
            撤销…
          </button>
        )}
        {v.cancelNote && !v.cancellable && <span className="muted small">{v.cancelNote}</span>}
      </div>

      {/* The materials captured at 受理, as thumbnails with their upload state (nothing when there are none). */}
      <CaseAttachments caseNo={v.caseNo} />

      <section className="case-section">
        <h3>办理经过</h3>
        <table className="grid compact" data-testid="case-events">
          <thead>
            <tr>
              <th>时间</th>
              <th>经办</th>
              <th>状态</th>
              <th>说明</th>
            </tr>
          </thead>
          <tbody>
            {v.events.map((e, i) => (
              <tr key={i}>
                <td className="nowrap">{fmt(e.at)}</td>
                <td>{e.actor}</td>
                <td className="nowrap">{e.from === e.to ? CASE_STATE[e.to] ?? e.to : `${e.from ? `${CASE_STATE[e.from] ?? e.from} → ` : ''}${CASE_STATE[e.to] ?? e.to}`}</td>
                <td>{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="case-section">
        <h3>上报记录 {d.upload && <span className="muted small">（{d.upload.held ?? d.upload.stateLabel}）</span>}</h3>
        {!d.upload || d.upload.attempts.length === 0 ? (
          <p className="muted small">尚未上报</p>
        ) : (
          <table className="grid compact" data-testid="case-attempts">
            <thead>
              <tr>
                <th>时间</th>
                <th>动作</th>
                <th>交易</th>
                <th>结果</th>
                <th>信息</th>
              </tr>
            </thead>
            <tbody>
              {d.upload.attempts.map((a, i) => (
                <tr key={i}>
                  <td className="nowrap">{fmt(a.startedAt)}</td>
                  <td>{attemptActionName(a.action)}</td>
                  <td className="mono">{a.infno}</td>
                  <td>{attemptOutcomeName(a.outcome)}</td>
                  <td className="small">{a.message ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {/* Signed paper (申请表, 承诺书, 撤销申请 …) with 补打, from the paper-forms feature. */}
      <section className="case-section" data-testid="case-paper">
        <FormsToPrint caseNo={v.caseNo} />
      </section>

      {ask === 'void' && (
        <ReasonDialog
          title={`作废办件 ${v.caseNo}`}
          intro="作废后该办件不再上报，也不能恢复。"
          label="作废原因"
          confirmLabel="作废"
          danger
          onSubmit={(reason) => api.call('cases.void', { caseNo, reason }).then(() => done('已作废'))}
          onClose={() => setAsk(null)}
        />
      )}
      {ask === 'settle' && (
        <ReasonDialog
          title="标记为已在其他渠道办结"
          label="办结说明（渠道、时间等）"
          confirmLabel="确认已办结"
          onSubmit={(note) => api.call('cases.settleElsewhere', { caseNo, note }).then(() => done('已标记为在其他渠道办结'))}
          onClose={() => setAsk(null)}
        />
      )}
      {ask === 'contact' && (
        <ReasonDialog
          title="登记已联系申请人"
          label="联系情况"
          confirmLabel="登记"
          onSubmit={(note) => api.call('cases.contacted', { caseNo, note }).then(() => done('已登记联系情况'))}
          onClose={() => setAsk(null)}
        />
      )}
      {ask === 'cancel' && (
        <ReasonDialog
          title={`撤销办件 ${v.caseNo}`}
          intro={`${v.kindLabel}：${v.summary}。撤销申请将在原办件上报后提交平台，请申请人在撤销申请上签字。`}
          label="撤销原因（申请人所述）"
          confirmLabel="提交撤销"
          danger
          onSubmit={(memo) => api.call('cases.cancel', { caseNo, memo }).then((r) => done(`已受理撤销申请，办件编号 ${r.caseNo}`))}
          onClose={() => setAsk(null)}
        />
      )}
    </div>
  );
}

/** 补齐: tick each missing material as received; all of them, then the upload goes. */
function CompleteForm({ d, onDone }: { d: CaseDetail; onDone(): void }) {
  const materials = d.followUp?.materials ?? [];
  const [got, setGot] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await api.call('cases.completeMaterials', { caseNo: d.view.caseNo, received: got, note });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="complete-form" data-testid="complete-form">
      {materials.map((m) => (
        <label key={m} className="check">
          <input type="checkbox" checked={got.includes(m)} onChange={(e) => setGot(e.target.checked ? [...got, m] : got.filter((x) => x !== m))} /> 已收到 {m}
        </label>
      ))}
      <input className="note" placeholder="备注（可选，如：申请人本人送来）" value={note} onChange={(e) => setNote(e.target.value)} data-testid="complete-note" />
      <button className="primary" disabled={busy || got.length === 0} onClick={() => void submit()} data-testid="complete-submit">
        登记补齐
      </button>
      {error && (
        <div className="alert error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

/** 更正后重报: the fields the platform may have refused, as filed, to correct; with a note why. */
function CorrectionForm({ d, onCancel, onDone }: { d: CaseDetail; onCancel(): void; onDone(caseNo: string): void }) {
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(d.correctable.map((f) => [f.key, f.value])));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const corrections = Object.fromEntries(d.correctable.filter((f) => values[f.key] !== f.value).map((f) => [f.key, values[f.key]]));
    setBusy(true);
    try {
      const out = await api.call('cases.resubmit', { caseNo: d.view.caseNo, corrections, note });
      onDone(out.caseNo);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <div className="correction-form" data-testid="correction-form">
      <div className="correction-grid">
        {d.correctable.map((f) => (
          <label key={f.key}>
            {f.label}
            <input value={values[f.key] ?? ''} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} data-testid={`correct-${f.key}`} />
          </label>
        ))}
      </div>
      <label className="reason-field">
        更正说明
        <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="更正了什么，依据什么（至少 4 个字）" data-testid="correct-note" />
      </label>
      {error && (
        <div className="alert error" role="alert" data-testid="correct-error">
          {error}
        </div>
      )}
      <div className="actions">
        <button onClick={onCancel}>取消</button>
        <button className="primary" disabled={busy} onClick={() => void submit()} data-testid="correct-submit">
          提交重报
        </button>
      </div>
    </div>
  );
}
