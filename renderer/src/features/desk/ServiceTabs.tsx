import { useEffect, useRef } from 'react';
import { onEnterKeyDown } from '../../keyboard/enter-next';
import { useKeyboardStore } from '../../keyboard/keyboard-store';
import { shortcutKeys } from '../../keyboard/shortcuts';
import { useFocusFirstField } from '../../keyboard/useFocusFirstField';
import { HistoryPanel } from '../history/HistoryPanel';
import { ProvisionalOffer } from '../insured/ProvisionalOffer';
import { useCases, type ServiceTab } from '../services/cases-store';
import { NoticeView } from '../services/NoticeView';
import { ReceiptView } from '../services/ReceiptView';
import { ReimbursementForm } from '../services/ReimbursementForm';
import { RemoteRegistrationForm } from '../services/RemoteRegistrationForm';
import { SpecialDiseaseForm } from '../services/SpecialDiseaseForm';
import { usePersonForCase } from '../services/usePersonForCase';
import { PROVISIONAL_ACCEPTANCE_LABEL } from '../../../../electron/contract/vocabulary/identity-documents';
import { useDesk } from '../../store/desk-store';
import { useDeskProfile } from '../../store/desk-profile-store';
import { usePlatform } from '../../store/platform-store';
import '../services/services.css';

// 门诊慢特病 and 异地就医备案 come first on every desk (a hospital 医保办 desk's two services, 特门 and 异地转诊);
// the desk-profile defaults (desk-defaults.ts) are what makes a hospital desk its own.
const TABS: Array<{ id: ServiceTab; label: string; keys: string[] }> = [
  { id: 'special-disease', label: '门诊慢特病', keys: shortcutKeys('tab-special-disease') },
  { id: 'remote-registration', label: '异地就医备案', keys: shortcutKeys('tab-remote-registration') },
  { id: 'reimbursement', label: '零星报销', keys: shortcutKeys('tab-reimbursement') },
  { id: 'history', label: '办件记录', keys: shortcutKeys('tab-history') },
];

/**
 * The three services of the one-window desk and the person's 办件记录. A case needs the card read at reception
 * AND the platform's answer for it (psn_no, 参保地, identities): no manual entry, so a case is never filed
 * for a person the platform has not confirmed (the offline cache counts as confirmed, marked as such).
 */
export function ServiceTabs() {
  const { tab, setTab, outcome, reset, error, setError } = useCases();
  const card = useDesk((s) => s.person);
  const lookingUp = usePlatform((s) => s.lookingUp);
  const lookupError = usePlatform((s) => s.lookupError);
  const person = usePersonForCase();
  const psnNo = person?.psnNo ?? null;
  const deskReady = useDeskProfile((s) => s.ready);
  const deskHospital = useDeskProfile((s) => (s.info?.profile === 'hospital' ? s.info.hospital : null));
  const loadDesk = useDeskProfile((s) => s.load);
  useEffect(loadDesk, [loadDesk]);

  // A new citizen at the counter starts from empty forms.
  useEffect(() => {
    reset();
  }, [psnNo, reset]);
  // Keyboard-first: the caret goes to the first field whenever a form (or a receipt's 继续办理) appears.
  const bodyRef = useRef<HTMLDivElement>(null);
  const openCard = useKeyboardStore((s) => s.setCardOpen);
  useFocusFirstField(bodyRef, card && person ? `${person.psnNo}|${tab}|${outcome?.forPsnNo === person.psnNo ? 'outcome' : 'form'}` : null);

  let body;
  if (!card) body = <p className="empty">请先在左侧读取参保人身份证件（F2）或社保卡（F3），也可扫码或输入证件号码。</p>;
  else if (!person && lookupError)
    // 1101 failed: no form at all — a case is never filed for a person the platform has not named.
    body = (
      <>
        <p className="empty" data-testid="services-blocked">
          参保信息查询未成功，不能办理业务：{lookupError}
        </p>
        <ProvisionalOffer />
      </>
    );
  else if (!person) body = <p className="empty">{lookingUp ? '正在查询参保信息…' : '参保信息查询成功后才能办理业务。'}</p>;
  else if (tab === 'history') body = <HistoryPanel psnNo={person.psnNo} />;
  // The forms take their defaults at mount: on a hospital desk they wait for its hospital and doctors.
  else if (!deskReady) body = <p className="empty">正在读取本机设置…</p>;
  else if (outcome && outcome.forPsnNo === person.psnNo && outcome.outcome === 'accepted' && outcome.receipt.kind === tab)
    body = <ReceiptView receipt={outcome.receipt} onDone={reset} justAccepted />;
  else if (outcome && outcome.forPsnNo === person.psnNo && outcome.outcome === 'refused' && outcome.notice.kind === tab)
    body = <NoticeView notice={outcome.notice} onDone={reset} />;
  else if (tab === 'special-disease') body = <SpecialDiseaseForm key={person.psnNo} person={person} />;
  else if (tab === 'remote-registration') body = <RemoteRegistrationForm key={person.psnNo} person={person} />;
  else body = <ReimbursementForm key={person.psnNo} person={person} />;

  return (
    <section className="panel services">
      <nav className="tabs" role="tablist">
        {TABS.map((s) => (
          <button
            key={s.id}
            role="tab"
            aria-selected={tab === s.id}
            className={tab === s.id ? 'tab active' : 'tab'}
            onClick={() => {
              setTab(s.id);
              if (outcome) reset();
            }}
          >
            {s.label}
            <kbd>{s.keys[0]}</kbd>
          </button>
        ))}
        {deskHospital && (
          <span className="tag desk-hospital" data-testid="desk-hospital" title="医院医保办：表单默认填写本院和本院医师">
            医保办 · {deskHospital.name}
          </span>
        )}
        <button type="button" className="link shortcut-help" onClick={() => openCard(true)} data-testid="open-shortcut-card">
          快捷键 <kbd>F1</kbd>
        </button>
      </nav>
      <div className="tab-body" role="tabpanel" ref={bodyRef} onKeyDown={onEnterKeyDown}>
        {person && (
          <p className="readonly-note">
            办理对象：<b data-testid="case-person-name">{person.name}</b> · 人员编号 <span className="mono">{person.psnNo}</span>
            {person.provisional && <span className="tag warn" style={{ marginLeft: 8 }}>{PROVISIONAL_ACCEPTANCE_LABEL}</span>}
          </p>
        )}
        {/* A form shows its refusal beside 受理/试算 (where the clerk is looking); elsewhere it shows here. */}
        {error && (tab === 'history' || !person) && (
          <div className="alert error" role="alert" data-testid="service-error">
            {error}
            <button className="link" style={{ marginLeft: 8 }} onClick={() => setError(null)}>
              关闭
            </button>
          </div>
        )}
        {body}
      </div>
    </section>
  );
}
