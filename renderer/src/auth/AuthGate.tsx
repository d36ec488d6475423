/**
 * What the window shows, decided by the session (./auth-store): first-run set-up, sign-in, the lock screen
 * or the desk. The desk is mounted only while signed in and unlocked, so no person data is rendered — or
 * left in the DOM — before sign-in or behind the lock.
 */
import { useEffect, useState } from 'react';
import { App } from '../App';
import { KioskApp } from '../kiosk/KioskApp';
import { api } from '../api/client';
import type { Refusal } from '../api/launch-credential';
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
  const role = useAuth((s) => s.operator?.role);
  const hostConnected = useDesk((s) => s.hostConnected);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  useEffect(() => api.onRefused(setRefusal), []);
  // Browser mode: the host refused this tab's link or session; nothing else can work, so say why first.
  if (refusal) return <LaunchRefused refusal={refusal} />;
  switch (phase) {
    case 'signed-in':
      // A 自助终端 account gets the citizen's guided flow, never the clerk's desk.
      return role === 'kiosk' ? <KioskApp /> : <App />;
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

/** Browser mode, when the host refused this tab: what happened and how to get a new link. */
function LaunchRefused({ refusal }: { refusal: Refusal }) {
  return (
    <div className="launch-refused" role="alert" data-testid="launch-refused">
      <h1>{refusal.title}</h1>
      <p>{refusal.detail}</p>
      <p>{refusal.remedy}</p>
    </div>
  );
}
