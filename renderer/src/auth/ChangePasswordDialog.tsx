/** 修改密码: the signed-in operator changes their own password (auth.changePassword checks the old one). */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { authMethods } from '../../../electron/contract/features/auth';
import { api, errorMessage } from '../api/client';
import { Field } from '../features/services/Field';
import { Dialog, DialogFormFooter } from '../ui/Dialog';
import { withConfirmation } from './confirm-password';

const Schema = withConfirmation(authMethods['auth.changePassword'].input, 'newPassword');
type Values = z.input<typeof Schema>;

export function ChangePasswordDialog({ onClose }: { onClose(): void }) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { register, handleSubmit, formState, setValue, setFocus } = useForm<Values, unknown, z.output<typeof Schema>>({
    resolver: zodResolver(Schema),
    mode: 'onTouched',
    defaultValues: { oldPassword: '', newPassword: '', confirm: '' },
  });
  const submit = handleSubmit(async ({ oldPassword, newPassword }) => {
    setError(null);
    try {
      await api.call('auth.changePassword', { oldPassword, newPassword });
      setDone(true);
    } catch (err) {
      setError(errorMessage(err));
      setValue('oldPassword', '');
      setFocus('oldPassword');
    }
  });
  const e = formState.errors;
  return (
    <Dialog title="修改密码" onClose={onClose} testId="change-password">
      {done ? (
        <>
          <div className="alert ok" role="status" data-testid="change-password-done">
            密码已修改，下次登录请使用新密码。
          </div>
          <div className="dialog-actions">
            <button className="primary" onClick={onClose} data-autofocus>
              完成
            </button>
          </div>
        </>
      ) : (
        <form className="auth-form" onSubmit={(ev) => void submit(ev)} noValidate>
          <Field label="原密码" error={e.oldPassword}>
            <input {...register('oldPassword')} type="password" autoComplete="current-password" data-testid="cp-old" />
          </Field>
          <Field label="新密码（至少 8 位，含字母和数字）" error={e.newPassword}>
            <input {...register('newPassword')} type="password" autoComplete="new-password" data-testid="cp-new" />
          </Field>
          <Field label="确认新密码" error={e.confirm}>
            <input {...register('confirm')} type="password" autoComplete="new-password" data-testid="cp-confirm" />
          </Field>
          <DialogFormFooter
            error={error}
            errorTestId="change-password-error"
            onCancel={onClose}
            submitLabel="修改密码"
            submitTestId="cp-submit"
            submitting={formState.isSubmitting}
          />
        </form>
      )}
    </Dialog>
  );
}
