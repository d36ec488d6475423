/**
 * 已锁定: shown instead of the desk (which is unmounted, its people forgotten) when the session idled or the
 * operator pressed 锁定. Only the same operator's password unlocks (auth.unlock); anyone may 签退 instead.
 * A lockout while locked ends the session on the host: the sign-in screen follows with the reason.
 */
import { useEffect, useRef, useState } from 'react';
import { ROLE_LABEL } from '../../../electron/contract/features/auth';
import { api, ApiError, errorMessage } from '../api/client';
import { FormAlert } from '../ui/Dialog';
import { AuthCard } from './AuthCard';
import { SignOutButton } from './OperatorBar';
import { useAuth } from './auth-store';

export function LockScreen() {
  const operator = useAuth((s) => s.operator);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const unlock = async () => {
    if (!password) {
      setError('请输入密码');
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const op = await api.call('auth.unlock', { password });
      useAuth.getState().signedIn(op);
    } catch (err) {
      setBusy(false);
      setPassword('');
      if (err instanceof ApiError && (err.code === 'locked-out' || err.code === 'operator-disabled')) {
        useAuth.setState({ notice: err.message });
        await useAuth.getState().refresh();
        return;
      }
      setError(errorMessage(err));
      input.current?.focus();
    }
  };

  return (
    <AuthCard
      title="工作站已锁定"
      subtitle={
        operator && (
          <>
            当前操作员：<b>{operator.name}</b>（{operator.code}，{ROLE_LABEL[operator.role]}）。请输入密码解锁。
          </>
        )
      }
      testId="lock-screen"
    >
      <form
        className="auth-form"
        aria-label="解锁"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void unlock();
        }}
      >
        <label className="field">
          <span>密码</span>
          <input ref={input} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" data-testid="unlock-password" />
        </label>
        <FormAlert error={error} testId="unlock-error" />
        <div className="auth-row">
          <button type="submit" className="primary auth-submit" disabled={busy} data-testid="unlock-submit">
            {busy ? '正在解锁…' : '解锁'}
          </button>
          <SignOutButton />
        </div>
      </form>
    </AuthCard>
  );
}
