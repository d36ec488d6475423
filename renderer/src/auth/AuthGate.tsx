/**
 * What the window shows, decided by the session (./auth-store): first-run set-up, sign-in, the lock screen
 * or the desk. The desk is mounted only while signed in and unlocked, so no person data is rendered — or
 * left in the DOM — before sign-in or behind the lock.
 */
import { App } from '../App';
import { useDesk } from '../store/desk-store';
import { AuthCard } from './AuthCard';
import { useAuth } from './auth-store';
import { LockScreen } from './LockScreen';
import { SetupScreen } from './SetupScreen';
import { SignInScreen } from './SignInScreen';
import { useSessionWatch } from './useSessionWatch';

export function AuthGate() {
  useSessionWatch();
  const phase = useAuth((s) => s.phase);
  const hostConnected = useDesk((s) => s.hostConnected);
  switch (phase) {
    case 'signed-in':
      return <App />;
    case 'locked':
      return <LockScreen />;
    case 'setup':
      return <SetupScreen />;
    case 'sign-in':
      return <SignInScreen />;
    default:
      return (
        <AuthCard title="正在连接工作站服务…" testId="connecting">
          {!hostConnected && <p className="muted">如长时间无响应，请确认工作站服务已启动。</p>}
        </AuthCard>
      );
  }
}
