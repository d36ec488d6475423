/**
 * The self-service kiosk (role kiosk, 1080×1920 portrait, touch): one guided flow per citizen, big targets
 * and big text, no simulator dock, no navigation. Its data lives in ./kiosk-store only; the screen below is
 * keyed by the store's session, so ending a session (idle timeout, card taken away, 结束) remounts it empty.
 */
import { useEffect } from 'react';
import { useDesk } from '../store/desk-store';
import { KioskRating } from './KioskRating';
import { useKiosk } from './kiosk-store';
import { PersonStatus } from './PersonStatus';
import { PlacePicker } from './PlacePicker';
import { PromiseScreen } from './PromiseScreen';
import { ReceiptScreen } from './ReceiptScreen';
import { DetailsForm } from './DetailsForm';
import { StartScreen } from './StartScreen';
import { useCardWatch } from './useCardWatch';
import { useKioskIdle } from './useKioskIdle';
import './kiosk.css';

const STEP_TITLES: Record<string, string> = {
  status: '参保信息',
  place: '异地就医备案 · 选择就医地',
  details: '异地就医备案 · 时间和电话',
  promise: '异地就医备案 · 确认承诺',
  receipt: '办理完成',
  rating: '服务评价',
  thanks: '服务评价',
};

export function KioskApp() {
  const session = useKiosk((s) => s.session);
  const step = useKiosk((s) => s.step);
  const hostConnected = useDesk((s) => s.hostConnected);
  const secondsLeft = useKioskIdle();
  useCardWatch();
  useEffect(() => void useKiosk.getState().loadSettings(), []);
  // Leaving the kiosk (sign-out by staff, the app closing) takes the citizen's data with it.
  useEffect(() => () => useKiosk.getState().end('cancelled'), []);

  return (
    <div className="kiosk" data-testid="kiosk">
      <header className="kiosk-header">
        <div className="kiosk-brand">医保自助服务</div>
        {step !== 'start' && step !== 'reading' && <div className="kiosk-step-title">{STEP_TITLES[step]}</div>}
      </header>
      {!hostConnected && (
        <div className="kiosk-banner" role="alert">
          暂时无法连接服务，请稍候或到柜台办理
        </div>
      )}
      <main className="kiosk-main" key={session}>
        <Step step={step} />
      </main>
      <footer className="kiosk-footer">
        {!['start', 'reading', 'rating', 'thanks'].includes(step) && (
          <button className="kiosk-btn ghost" onClick={() => useKiosk.getState().end('cancelled')} data-testid="kiosk-exit">
            结束办理
          </button>
        )}
        {secondsLeft !== null && (
          <div className="kiosk-countdown" role="timer" aria-live="assertive" data-testid="kiosk-countdown">
            长时间无操作，<strong>{secondsLeft}</strong> 秒后将自动退出并清除您的信息。点击屏幕任意位置继续办理
          </div>
        )}
      </footer>
    </div>
  );
}

function Step({ step }: { step: string }) {
  switch (step) {
    case 'status':
      return <PersonStatus />;
    case 'place':
      return <PlacePicker />;
    case 'details':
      return <DetailsForm />;
    case 'promise':
      return <PromiseScreen />;
    case 'receipt':
      return <ReceiptScreen />;
    case 'rating':
    case 'thanks':
      return <KioskRating />;
    default:
      return <StartScreen />;
  }
}
