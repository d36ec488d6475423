/**
 * 操作员 (系统管理员 only): who may sign in at this workstation — list, add, reset a password, disable and
 * re-enable. The host refuses all of it to any other role; this page is simply not in their nav.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { authMethods, OPERATOR_ROLES, ROLE_LABEL, type OperatorRecord } from '../../../../electron/contract/features/auth';
import { api, errorMessage } from '../../api/client';
import { useAuth } from '../../auth/auth-store';
import { withConfirmation } from '../../auth/confirm-password';
import { ConfirmDialog, Dialog, DialogFormFooter } from '../../ui/Dialog';
import { Field } from '../services/Field';
import '../services/services.css';
import { chinaDateTime } from '../../../../shared/china-time';

const when = (iso: string | null) => (iso ? chinaDateTime(iso) : '—');
const lockedNow = (o: OperatorRecord) => !!o.lockedUntil && new Date(o.lockedUntil).getTime() > Date.now();

export function OperatorsPanel() {
  const me = useAuth((s) => s.operator);
  const [list, setList] = useState<OperatorRecord[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<OperatorRecord | null>(null);
  const [toggling, setToggling] = useState<OperatorRecord | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(() => {
    api
      .call('operators.list')
      .then((l) => (setList(l), setLoadError(null)))
      .catch((err) => setLoadError(errorMessage(err)));
  }, []);
  useEffect(load, [load]);

  const done = (text: string) => {
    setMessage(text);
    load();
  };

  return (
    <section className="panel operators-page" aria-labelledby="operators-title">
      <header className="panel-head">
        <h2 id="operators-title">操作员</h2>
        <button className="primary" onClick={() => setAdding(true)} data-testid="operator-add-open">
          添加操作员
        </button>
      </header>
      {message && (
        <div className="alert ok" role="status" data-testid="operators-message">
          {message}
        </div>
      )}
      {loadError && (
        <div className="alert error" role="alert" data-testid="operators-error">
          无法读取操作员列表：{loadError}{' '}
          <button className="link" onClick={load}>
            重试
          </button>
        </div>
      )}
      {list && (
        <table className="grid" data-testid="operators-table">
          <thead>
            <tr>
              <th>工号</th>
              <th>姓名</th>
              <th>角色</th>
              <th>状态</th>
              <th>最近登录</th>
              <th>锁定至</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {list.map((o) => (
              <tr key={o.code} data-testid={`operator-${o.code}`}>
                <td className="mono">{o.code}</td>
                <td>{o.name}</td>
                <td>{ROLE_LABEL[o.role]}</td>
                <td>
                  {o.disabled ? <span className="tag bad">已停用</span> : lockedNow(o) ? <span className="tag warn">已锁定</span> : <span className="tag ok">正常</span>}
                </td>
                <td className="small">{when(o.lastSignInAt)}</td>
                <td className="small">{lockedNow(o) ? when(o.lockedUntil) : '—'}</td>
                <td>
                  <div className="row-actions">
                    <button onClick={() => setResetting(o)} data-testid={`reset-${o.code}`}>
                      重置密码
                    </button>
                    {o.code !== me?.code && (
                      <button className={o.disabled ? '' : 'warn'} onClick={() => setToggling(o)} data-testid={`toggle-${o.code}`}>
                        {o.disabled ? '启用' : '停用'}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding && <AddOperatorDialog onClose={() => setAdding(false)} onAdded={(o) => (setAdding(false), done(`已添加${ROLE_LABEL[o.role]} ${o.name}（${o.code}）`))} />}
      {resetting && <ResetPasswordDialog operator={resetting} onClose={() => setResetting(null)} onDone={() => (setResetting(null), done(`已重置 ${resetting.name}（${resetting.code}）的密码，锁定已解除`))} />}
      {toggling && <ToggleDialog operator={toggling} onClose={() => setToggling(null)} onDone={(o) => (setToggling(null), done(`${o.name}（${o.code}）已${o.disabled ? '停用' : '启用'}`))} />}
    </section>
  );
}

const AddSchema = withConfirmation(authMethods['operators.add'].input, 'password');
type AddValues = z.input<typeof AddSchema>;

function AddOperatorDialog(props: { onClose(): void; onAdded(o: OperatorRecord): void }) {
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<AddValues, unknown, z.output<typeof AddSchema>>({
    resolver: zodResolver(AddSchema),
    mode: 'onTouched',
    defaultValues: { code: '', name: '', role: 'clerk', password: '', confirm: '' },
  });
  const submit = handleSubmit(async ({ code, name, role, password }) => {
    setError(null);
    try {
      props.onAdded(await api.call('operators.add', { code, name, role, password }));
    } catch (err) {
      setError(errorMessage(err));
    }
  });
  const e = formState.errors;
  return (
    <Dialog title="添加操作员" onClose={props.onClose} testId="operator-add">
      <form className="auth-form" onSubmit={(ev) => void submit(ev)} noValidate>
        <div className="form-pair">
          <Field label="工号" error={e.code}>
            <input {...register('code')} data-testid="op-code" />
          </Field>
          <Field label="姓名" error={e.name}>
            <input {...register('name')} data-testid="op-name" />
          </Field>
        </div>
        <Field label="角色" error={e.role}>
          <select {...register('role')} data-testid="op-role">
            {OPERATOR_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </Field>
        <div className="form-pair">
          <Field label="初始密码（至少 8 位，含字母和数字）" error={e.password}>
            <input {...register('password')} type="password" autoComplete="new-password" data-testid="op-password" />
          </Field>
          <Field label="确认密码" error={e.confirm}>
            <input {...register('confirm')} type="password" autoComplete="new-password" data-testid="op-confirm" />
          </Field>
        </div>
        <DialogFormFooter error={error} errorTestId="operator-add-error" onCancel={props.onClose} submitLabel="添加" submitTestId="op-submit" submitting={formState.isSubmitting} />
      </form>
    </Dialog>
  );
}

const ResetSchema = withConfirmation(authMethods['operators.setPassword'].input.pick({ password: true }), 'password');
type ResetValues = z.input<typeof ResetSchema>;

function ResetPasswordDialog(props: { operator: OperatorRecord; onClose(): void; onDone(): void }) {
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<ResetValues, unknown, z.output<typeof ResetSchema>>({
    resolver: zodResolver(ResetSchema),
    mode: 'onTouched',
    defaultValues: { password: '', confirm: '' },
  });
  const submit = handleSubmit(async ({ password }) => {
    setError(null);
    try {
      await api.call('operators.setPassword', { code: props.operator.code, password });
      props.onDone();
    } catch (err) {
      setError(errorMessage(err));
    }
  });
  const e = formState.errors;
  return (
    <Dialog title={`重置密码：${props.operator.name}（${props.operator.code}）`} onClose={props.onClose} testId="operator-reset">
      <form className="auth-form" onSubmit={(ev) => void submit(ev)} noValidate>
        <p className="dialog-body">原密码将失效，锁定会一并解除。请把新密码当面告知本人，并提醒其登录后修改。</p>
        <Field label="新密码（至少 8 位，含字母和数字）" error={e.password}>
          <input {...register('password')} type="password" autoComplete="new-password" data-testid="reset-password" />
        </Field>
        <Field label="确认新密码" error={e.confirm}>
          <input {...register('confirm')} type="password" autoComplete="new-password" data-testid="reset-confirm" />
        </Field>
        <DialogFormFooter
          error={error}
          errorTestId="operator-reset-error"
          onCancel={props.onClose}
          submitLabel="重置密码"
          submitTestId="reset-submit"
          submitting={formState.isSubmitting}
          danger
        />
      </form>
    </Dialog>
  );
}

function ToggleDialog(props: { operator: OperatorRecord; onClose(): void; onDone(o: OperatorRecord): void }) {
  const o = props.operator;
  const disabling = !o.disabled;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      props.onDone(await api.call('operators.setDisabled', { code: o.code, disabled: disabling }));
    } catch (err) {
      setBusy(false);
      setError(errorMessage(err));
    }
  };
  return (
    <ConfirmDialog
      title={disabling ? '停用操作员' : '启用操作员'}
      message={
        disabling
          ? `停用后 ${o.name}（${o.code}）将不能登录，已登录的会话在下一次操作时结束。确定停用？`
          : `启用后 ${o.name}（${o.code}）可以重新登录。确定启用？`
      }
      confirmLabel={disabling ? '停用' : '启用'}
      danger={disabling}
      busy={busy}
      error={error}
      onConfirm={() => void run()}
      onCancel={props.onClose}
    />
  );
}
