/** 请插入社保卡或放置身份证: the two big choices, what happens next, and why the last session ended. */
import { useKiosk } from './kiosk-store';

export function StartScreen() {
  const step = useKiosk((s) => s.step);
  const notice = useKiosk((s) => s.notice);
  const error = useKiosk((s) => s.error);
  const readCard = useKiosk((s) => s.readCard);
  const reading = step === 'reading';

  return (
    <section className="kiosk-start" data-testid="kiosk-start" aria-busy={reading}>
      <h1>请插入社保卡或放置身份证</h1>
      <p className="kiosk-lead">可查询参保状态、门诊统筹余额，办理临时外出就医的异地就医备案（告知承诺制，无需提交材料）</p>
      {reading ? (
        <div className="kiosk-reading" role="status" data-testid="kiosk-reading">
          <div className="kiosk-spinner" aria-hidden />
          正在读取证件并查询参保信息，请勿移动证件…
        </div>
      ) : (
        <div className="kiosk-card-choices">
          <button className="kiosk-choice" onClick={() => void readCard('id-card')} data-testid="kiosk-read-id">
            <IdCardIcon />
            <span className="kiosk-choice-title">身份证</span>
            <span className="kiosk-choice-hint">放在下方感应区，办理期间请勿取走</span>
          </button>
          <button className="kiosk-choice" onClick={() => void readCard('sscard')} data-testid="kiosk-read-sscard">
            <SsCardIcon />
            <span className="kiosk-choice-title">社保卡</span>
            <span className="kiosk-choice-hint">芯片朝上插入读卡口，办理期间请勿拔出</span>
          </button>
        </div>
      )}
      {error && (
        <p className="kiosk-error" role="alert" data-testid="kiosk-error">
          {error}
        </p>
      )}
      {notice && !error && !reading && (
        <p className="kiosk-notice" role="status" data-testid="kiosk-notice">
          {notice}
        </p>
      )}
      <p className="kiosk-privacy">您的信息仅用于本次办理；离开或长时间无操作时将自动清除。</p>
    </section>
  );
}

/** Drawn, not an emoji: a kiosk has no colour-emoji font to rely on. */
function IdCardIcon() {
  return (
    <svg className="kiosk-choice-icon" viewBox="0 0 160 100" aria-hidden>
      <rect x="4" y="4" width="152" height="92" rx="10" fill="#e6eefa" stroke="#0b4ea2" strokeWidth="6" />
      <circle cx="46" cy="42" r="16" fill="#0b4ea2" />
      <rect x="24" y="62" width="44" height="18" rx="9" fill="#0b4ea2" />
      <rect x="84" y="28" width="56" height="8" rx="4" fill="#0b4ea2" />
      <rect x="84" y="48" width="56" height="8" rx="4" fill="#0b4ea2" />
      <rect x="84" y="68" width="36" height="8" rx="4" fill="#0b4ea2" />
    </svg>
  );
}

function SsCardIcon() {
  return (
    <svg className="kiosk-choice-icon" viewBox="0 0 160 100" aria-hidden>
      <rect x="4" y="4" width="152" height="92" rx="10" fill="#e6eefa" stroke="#0b4ea2" strokeWidth="6" />
      <rect x="22" y="30" width="38" height="30" rx="5" fill="#f5c451" stroke="#b07d12" strokeWidth="3" />
      <path d="M22 45h38M41 30v30" stroke="#b07d12" strokeWidth="3" />
      <rect x="80" y="34" width="60" height="8" rx="4" fill="#0b4ea2" />
      <rect x="80" y="54" width="44" height="8" rx="4" fill="#0b4ea2" />
      <rect x="22" y="74" width="118" height="6" rx="3" fill="#0b4ea2" opacity="0.5" />
    </svg>
  );
}
