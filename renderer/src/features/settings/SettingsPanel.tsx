/**
 * 设置 (系统管理员): site and 办件编号 prefix, the desk profile (counter, hospital 医保办, kiosk), the provincial
 * platform, sign-in security, the signed forms' templates folder (its templates listed) and retention. Each
 * section is its own form, validated with the schema config.json is read with (errors beside the field), saved
 * on its own, and marked 重启后生效 until the workstation restarts with it. Devices and operators have their pages.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Resolver, type UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import type { MethodOutput } from '../../../../electron/contract/api';
import {
  DESK_PROFILE_NAMES,
  DESK_PROFILES,
  DeskProfile,
  PaperSettings,
  PlatformSettings,
  PrivacySettings,
  SecuritySettings,
  SiteSettings,
  type SettingsSection,
  type SettingsUpdate,
} from '../../../../electron/contract/features/settings';
import { api, errorMessage } from '../../api/client';
import { Field } from '../services/Field';
import '../services/services.css';
import './settings.css';

type Loaded = MethodOutput<'settings.get'>;
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** One section's form: validated by its schema, saved alone, with the host's refusal shown under it. */
function useSection<T extends FieldValues>(
  section: SettingsSection,
  schema: z.ZodType<T>,
  saved: T,
  onSaved: () => void,
  /** The section's value from the form's (profile is one string, edited as { profile }). */
  toValue: (form: T) => unknown = (form) => form,
) {
  const form = useForm<T>({ resolver: zodResolver(schema as never) as unknown as Resolver<T>, defaultValues: saved as DefaultValues<T>, mode: 'onBlur' });
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => form.reset(saved), [form, saved]);
  const submit = form.handleSubmit(async (value) => {
    setStatus(null);
    try {
      const r = await api.call('settings.update', { section, value: toValue(value) } as unknown as SettingsUpdate);
      setStatus({ ok: true, text: r.pendingRestart ? '已保存，重启工作站后生效' : '已保存（与当前运行的设置相同）' });
      onSaved();
    } catch (err) {
      setStatus({ ok: false, text: errorMessage(err) });
    }
  });
  return { form, submit, status };
}

function SectionCard<T extends FieldValues>(props: {
  title: string;
  section: SettingsSection;
  pending: boolean;
  state: { form: UseFormReturn<T>; submit: () => void; status: { ok: boolean; text: string } | null };
  children: ReactNode;
}) {
  const { form, submit, status } = props.state;
  return (
    <form
      className="settings-card"
      aria-label={props.title}
      data-testid={`settings-${props.section}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>
        {props.title}
        {props.pending && (
          <span className="tag warn" data-testid={`settings-${props.section}-pending`}>
            重启后生效
          </span>
        )}
      </h3>
      <div className="form-grid">{props.children}</div>
      <div className="svc-actions">
        <button className="primary" type="submit" disabled={form.formState.isSubmitting || !form.formState.isDirty} data-testid={`settings-${props.section}-save`}>
          保存
        </button>
        <button type="button" onClick={() => form.reset()} disabled={!form.formState.isDirty}>
          撤销修改
        </button>
      </div>
      {status && (
        <p className={status.ok ? 'hint' : 'field-error'} role={status.ok ? 'status' : 'alert'} data-testid={`settings-${props.section}-status`}>
          {status.text}
        </p>
      )}
    </form>
  );
}

const ProfileForm = z.object({ profile: DeskProfile });
type ProfileForm = z.infer<typeof ProfileForm>;
const toProfile = (f: ProfileForm) => f.profile;

/** The templates a folder holds (id, title), or the loader's refusal naming the file and field. */
function TemplateList({ forms, testId }: { forms: Loaded['forms']['running']; testId: string }) {
  if (forms.error)
    return (
      <p className="field-error" role="alert" data-testid={`${testId}-error`}>
        {forms.error}
      </p>
    );
  return (
    <ul className="template-list" data-testid={testId}>
      {forms.templates.map((t) => (
        <li key={t.id}>
          {t.title} <span className="mono hint">{t.id}</span>
        </li>
      ))}
    </ul>
  );
}

function Sections({ loaded, reload }: { loaded: Loaded; reload: () => void }) {
  const { saved, pendingRestart, profiles, forms } = loaded;
  const site = useSection('site', SiteSettings.strict(), saved.site, reload);
  const platform = useSection('platform', PlatformSettings.strict(), saved.platform, reload);
  const security = useSection('security', SecuritySettings.strict(), saved.security, reload);
  const privacy = useSection('privacy', PrivacySettings.strict(), saved.privacy, reload);
  const profileSaved = useMemo(() => ({ profile: saved.profile }), [saved.profile]);
  const profile = useSection('profile', ProfileForm, profileSaved, reload, toProfile);
  const paper = useSection('paper', PaperSettings.strict(), saved.paper as PaperSettings, reload);
  const formsPending = forms.saved.dir !== forms.running.dir;
  const pending = (s: SettingsSection) => pendingRestart.includes(s);
  const e = <T extends FieldValues>(f: UseFormReturn<T>, name: keyof T & string) => f.formState.errors[name] as { message?: string } | undefined;

  return (
    <div className="settings-grid">
      <SectionCard title="站点" section="site" pending={pending('site')} state={site}>
        <Field label="经办机构区划代码" error={e(site.form, 'regionCode')}>
          <input {...site.form.register('regionCode')} inputMode="numeric" maxLength={6} data-testid="set-region" />
        </Field>
        <Field label="窗口号（办件编号第 7–9 位）" error={e(site.form, 'windowCode')}>
          <input {...site.form.register('windowCode')} inputMode="numeric" maxLength={3} data-testid="set-window" />
        </Field>
        <Field label="本院定点医疗机构编码（医院医保办填写）" error={e(site.form, 'hospitalCode')} wide>
          <input {...site.form.register('hospitalCode', { setValueAs: emptyToUndefined })} placeholder="政务大厅留空" data-testid="set-hospital" />
        </Field>
      </SectionCard>

      <SectionCard title="工作站类型" section="profile" pending={pending('profile')} state={profile}>
        <Field label="本机用作" error={e(profile.form, 'profile')} wide>
          <select {...profile.form.register('profile')} data-testid="set-desk-profile">
            {DESK_PROFILES.map((p) => (
              <option key={p} value={p}>
                {DESK_PROFILE_NAMES[p]}
              </option>
            ))}
          </select>
        </Field>
        <p className="hint wide">医院医保办：门诊慢特病、异地转诊优先，表单默认填写本院（须先在“站点”中填写本院编码）和本院医师。</p>
      </SectionCard>

      <SectionCard title="医保平台" section="platform" pending={pending('platform')} state={platform}>
        <Field label="省份配置" error={e(platform.form, 'profile')}>
          <select {...platform.form.register('profile')} data-testid="set-profile">
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}（{p.id}）
              </option>
            ))}
          </select>
        </Field>
        <Field label="使用内置模拟平台（培训、演示）" error={e(platform.form, 'simulator')}>
          <input type="checkbox" {...platform.form.register('simulator')} data-testid="set-simulator" />
        </Field>
        <Field label="平台地址（留空使用省份配置中的地址）" error={e(platform.form, 'url')} wide>
          <input {...platform.form.register('url', { setValueAs: emptyToUndefined })} placeholder="https://…/fsi/api/callService" data-testid="set-url" />
        </Field>
      </SectionCard>

      <SectionCard title="登录与锁定" section="security" pending={pending('security')} state={security}>
        <Field label="无操作自动锁定（分钟，0 为不锁定）" error={e(security.form, 'idleLockMinutes')}>
          <input type="number" {...security.form.register('idleLockMinutes', { valueAsNumber: true })} data-testid="set-idle" />
        </Field>
        <Field label="允许连续输错密码（次）" error={e(security.form, 'maxFailedSignIns')}>
          <input type="number" {...security.form.register('maxFailedSignIns', { valueAsNumber: true })} data-testid="set-max-failed" />
        </Field>
        <Field label="输错后锁定（分钟）" error={e(security.form, 'lockoutMinutes')}>
          <input type="number" {...security.form.register('lockoutMinutes', { valueAsNumber: true })} data-testid="set-lockout" />
        </Field>
      </SectionCard>

      <SectionCard title="表单模板" section="paper" pending={pending('paper')} state={paper}>
        <div className="wide" data-testid="forms-running">
          <p className="readonly-note">
            正在使用：<span className="mono" data-testid="forms-running-dir">{forms.running.dir}</span>
            {forms.running.shipped && '（随软件提供的模板）'}
          </p>
          <TemplateList forms={forms.running} testId="forms-running-list" />
        </div>
        {formsPending && (
          <div className="wide" data-testid="forms-saved">
            <p className="readonly-note">
              重启后使用：<span className="mono">{forms.saved.dir}</span>
            </p>
            <TemplateList forms={forms.saved} testId="forms-saved-list" />
          </div>
        )}
        <Field label="表单模板目录（留空使用随软件提供的模板）" error={e(paper.form, 'formsDir')} wide>
          <input {...paper.form.register('formsDir', { setValueAs: emptyToUndefined })} placeholder={forms.running.shipped ? forms.running.dir : ''} data-testid="set-forms-dir" />
        </Field>
      </SectionCard>

      <SectionCard title="个人数据保留" section="privacy" pending={pending('privacy')} state={privacy}>
        <Field label="离线缓存、回执 PDF 与附件保留（天）" error={e(privacy.form, 'retentionDays')} wide>
          <input type="number" {...privacy.form.register('retentionDays', { valueAsNumber: true })} data-testid="set-retention" />
        </Field>
      </SectionCard>
    </div>
  );
}

export function SettingsPanel() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api
      .call('settings.get')
      .then((l) => (setLoaded(l), setError(null)))
      .catch((err) => setError(errorMessage(err)));
  }, []);
  useEffect(load, [load]);

  return (
    <section className="panel" aria-labelledby="settings-title">
      <header className="panel-head">
        <h2 id="settings-title">设置</h2>
        {loaded && <span className="hint">保存到 {loaded.configFile}；每次修改都记入审计日志</span>}
      </header>
      {loaded && loaded.pendingRestart.length > 0 && (
        <div className="alert warn" role="status" data-testid="settings-restart">
          有修改尚未生效：请在空闲时重启工作站。
        </div>
      )}
      {error && (
        <div className="alert error" role="alert" data-testid="settings-error">
          无法读取设置：{error}{' '}
          <button className="link" onClick={load}>
            重试
          </button>
        </div>
      )}
      {loaded && <Sections loaded={loaded} reload={load} />}
    </section>
  );
}
