/**
 * 登录: 工号 + 密码 against auth.signIn. Enter in 工号 moves to 密码; only 密码 (or the button) submits.
 * After a refusal the password is cleared and focus goes where the operator types next: the password for
 * a wrong password, the 工号 for a locked-out or disabled account (someone else may sign in).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { authMethods } from '../../../electron/contract/features/auth';
import { api, ApiError, errorMessage } from '../api/client';
import { Field } from '../features/services/Field';
import { FormAlert } from '../ui/Dialog';
import { AuthCard, enterMovesTo } from './AuthCard';
import { useAuth } from './auth-store';

const Schema = authMethods['auth.signIn'].input;
type Values = z.input<typeof Schema>;

export function SignInScreen() {
  const notice = useAuth((s) => s.notice);
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setFocus, setValue } = useForm<Values, unknown, z.output<typeof Schema>>({
    resolver: zodResolver(Schema),
    defaultValues: { code: '', password: '' },
  });
  useEffect(() => setFocus('code'), [setFocus]);

  const submit = handleSubmit(async (input) => {
    setError(null);
    try {
      const op = await api.call('auth.signIn', input);
      useAuth.getState().signedIn(op);
    } catch (err) {
      setError(errorMessage(err));
      setValue('password', '');
      const accountRefused = err instanceof ApiError && (err.code === 'locked-out' || err.code === 'operator-disabled');
      setFocus(accountRefused ? 'code' : 'password', { shouldSelect: accountRefused });
    }
  });
  const e = formState.errors;

  return (
    <AuthCard title="登录" subtitle="请输入工号和密码" testId="sign-in">
      {notice && !error && (
        <div className="alert info" role="status" data-testid="sign-in-notice">
          {notice}
        </div>
      )}
      <form className="auth-form" onSubmit={(ev) => void submit(ev)} aria-label="登录" noValidate>
        <Field label="工号" error={e.code}>
          <input {...register('code')} autoComplete="username" data-testid="sign-in-code" onKeyDown={enterMovesTo(() => setFocus('password'))} />
        </Field>
        <Field label="密码" error={e.password}>
          <input {...register('password')} type="password" autoComplete="current-password" data-testid="sign-in-password" />
        </Field>
        <FormAlert error={error} testId="sign-in-error" />
        <button type="submit" className="primary auth-submit" disabled={formState.isSubmitting} data-testid="sign-in-submit">
          {formState.isSubmitting ? '正在登录…' : '登录'}
        </button>
      </form>
    </AuthCard>
  );
}
