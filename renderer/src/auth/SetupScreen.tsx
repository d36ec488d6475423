/**
 * 首次使用: the workstation has no operator yet, so the first person creates the 系统管理员 (auth.setupAdmin,
 * accepted once). The rules for 工号, 姓名 and 密码 are the contract's own schemas; 确认密码 is checked here.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { authMethods } from '../../../electron/contract/features/auth';
import { api, errorMessage } from '../api/client';
import { Field } from '../features/services/Field';
import { FormAlert } from '../ui/Dialog';
import { AuthCard, enterMovesTo } from './AuthCard';
import { withConfirmation } from './confirm-password';
import { useAuth } from './auth-store';

const Schema = withConfirmation(authMethods['auth.setupAdmin'].input, 'password');
type Values = z.input<typeof Schema>;

export function SetupScreen() {
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setFocus } = useForm<Values, unknown, z.output<typeof Schema>>({
    resolver: zodResolver(Schema),
    mode: 'onTouched',
    defaultValues: { code: '', name: '', password: '', confirm: '' },
  });
  useEffect(() => setFocus('code'), [setFocus]);

  const submit = handleSubmit(async ({ code, name, password }) => {
    setError(null);
    try {
      useAuth.getState().signedIn(await api.call('auth.setupAdmin', { code, name, password }));
    } catch (err) {
      setError(errorMessage(err));
      void useAuth.getState().refresh();
    }
  });
  const e = formState.errors;

  return (
    <AuthCard
      title="首次使用：设置系统管理员"
      subtitle="本工作站还没有操作员。请创建系统管理员工号，之后由系统管理员添加柜员和主管。"
      testId="setup"
    >
      <form className="auth-form" onSubmit={(ev) => void submit(ev)} aria-label="设置系统管理员" noValidate>
        <Field label="工号" error={e.code}>
          <input {...register('code')} autoComplete="username" data-testid="setup-code" onKeyDown={enterMovesTo(() => setFocus('name'))} />
        </Field>
        <Field label="姓名" error={e.name}>
          <input {...register('name')} data-testid="setup-name" onKeyDown={enterMovesTo(() => setFocus('password'))} />
        </Field>
        <Field label="密码（至少 8 位，含字母和数字）" error={e.password}>
          <input
            {...register('password')}
            type="password"
            autoComplete="new-password"
            data-testid="setup-password"
            onKeyDown={enterMovesTo(() => setFocus('confirm'))}
          />
        </Field>
        <Field label="确认密码" error={e.confirm}>
          <input {...register('confirm')} type="password" autoComplete="new-password" data-testid="setup-confirm" />
        </Field>
        <FormAlert error={error} testId="setup-error" />
        <button type="submit" className="primary auth-submit" disabled={formState.isSubmitting} data-testid="setup-submit">
          {formState.isSubmitting ? '正在创建…' : '创建并登录'}
        </button>
      </form>
    </AuthCard>
  );
}
