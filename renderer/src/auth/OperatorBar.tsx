/** The signed-in operator in the top bar: name, role, 修改密码, 锁定 and 签退 (asks first: it ends the shift). */
import { useState } from 'react';
import { ROLE_LABEL } from '../../../electron/contract/features/auth';
import { ConfirmDialog } from '../ui/Dialog';
import { may } from './access';
import { useAuth } from './auth-store';
import { ChangePasswordDialog } from './ChangePasswordDialog';

export function OperatorBar() {
  const operator = useAuth((s) => s.operator);
  const [changing, setChanging] = useState(false);
  if (!operator) return null;
  return (
    <div className="operator-bar" data-testid="operator-bar">
      <span className="operator-name" title={`工号 ${operator.code}`} data-testid="operator-name">
        {operator.name}
        <span className="role-label" data-testid="operator-role">
          {ROLE_LABEL[operator.role]}
        </span>
      </span>
      {may(operator.role, 'auth.changePassword') && (
        <button className="topbar-btn" onClick={() => setChanging(true)} data-testid="change-password-open">
          修改密码
        </button>
      )}
      <button className="topbar-btn" onClick={() => void useAuth.getState().lock()} title="离开柜台时锁定，回来用密码解锁" data-testid="lock-now">
        锁定
      </button>
      <SignOutButton className="topbar-btn" />
      {changing && <ChangePasswordDialog onClose={() => setChanging(false)} />}
    </div>
  );
}

/** 签退 with its confirmation; used in the top bar and on the lock screen. */
export function SignOutButton({ className }: { className?: string }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setAsking(true)} data-testid="sign-out">
        签退
      </button>
      {asking && (
        <ConfirmDialog
          title="签退"
          message="签退将结束本班次，并同时退出医保平台登录（9002）。未保存的录入内容将丢失。确定签退？"
          confirmLabel="签退"
          danger
          busy={busy}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setBusy(true);
            void useAuth.getState().signOut();
          }}
        />
      )}
    </>
  );
}
