/**
 * 设置: reads config.json's administrator-editable sections and saves one section at a time. A section is
 * checked by its schema (the same one config.json is loaded with) and against what it names — the province
 * profile must exist and load, the hospital must be in the catalogue, the region must be a known 区划 or the
 * profile's own, a hospital desk needs its hospital, a templates folder must load as the next start loads it — then the whole file is validated and written atomically. The running app keeps what it
 * started with (services were built from it); the page says which sections wait for a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract/errors';
import { HOSPITAL_PROFILE_NEEDS_CODE, SETTINGS_SECTIONS, type SettingsSection, type SettingsUpdate } from '../../contract/features/settings';
import { HospitalCatalogue } from '../../services/catalogues/hospitals';
import { formsDir as shippedFormsDir, FormTemplateError, loadFormTemplates } from '../../services/paper/form-template';
import { shippedRegionCatalogue } from '../../services/catalogues/regions';
import { defaultResourcesDir, loadProfile, ProfileError } from '../../services/platform/profile';
import { configPath, loadConfig, saveConfigSection, type AppConfig } from '../config';
import type { Feature } from '../context';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function listProfiles(): Array<{ id: string; name: string }> {
  const dir = path.join(defaultResourcesDir(), 'profiles');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      const id = f.slice(0, -'.json'.length);
      try {
        return [{ id, name: loadProfile(id).name }];
      } catch {
        return []; // a broken profile is not offered; choosing it by hand is refused with its error
      }
    });
}

/** A templates folder as the paper feature would load it at the next start; the loader's refusal kept as text. */
function formTemplatesIn(formsDir: string | undefined) {
  const dir = formsDir ?? shippedFormsDir();
  try {
    const templates = loadFormTemplates(dir).map((t) => ({ id: t.id, title: t.title }));
    return { dir, shipped: formsDir === undefined, templates, error: null };
  } catch (err) {
    if (err instanceof FormTemplateError) return { dir, shipped: formsDir === undefined, templates: [], error: err.message };
    throw err;
  }
}

export const settingsFeature: Feature = (ctx) => {
  const running = ctx.config;
  const sectionsOf = (c: AppConfig) => ({
    site: c.site,
    platform: c.platform,
    security: c.security,
    privacy: c.privacy,
    profile: c.profile,
    paper: c.paper,
  });
  // This run's templates were loaded at start (a bad folder would have stopped it), so this only lists them.
  const runningForms = formTemplatesIn(running.paper.formsDir);
  const pendingRestart = (saved: AppConfig): SettingsSection[] => SETTINGS_SECTIONS.filter((s) => !same(saved[s], running[s]));

  const checkNamed = (u: SettingsUpdate, saved: AppConfig) => {
    if (u.section === 'platform') {
      let profile;
      try {
        profile = loadProfile(u.value.profile);
      } catch (err) {
        if (err instanceof ProfileError) throw new AppError('invalid-input', err.message);
        throw err;
      }
      if (!u.value.simulator && !u.value.url) {
        // Without the simulator the profile's own serviceUrl is used: fine, but only if it is not the loopback demo.
        if (/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(profile.serviceUrl)) {
          throw new AppError('invalid-input', `省份配置 ${profile.name} 的平台地址是本机测试地址，关闭模拟平台时请填写平台地址`);
        }
      }
    }
    if (u.section === 'site') {
      if (u.value.hospitalCode && !HospitalCatalogue.load().lookup(u.value.hospitalCode)) {
        throw new AppError('invalid-input', `医院编码 ${u.value.hospitalCode} 不在医疗机构目录中`);
      }
      if (saved.profile === 'hospital' && !u.value.hospitalCode) throw new AppError('invalid-input', HOSPITAL_PROFILE_NEEDS_CODE);
      const ownRegion = loadProfile(saved.platform.profile).mdtrtareaAdmvs;
      if (u.value.regionCode !== ownRegion && !shippedRegionCatalogue().lookup(u.value.regionCode)) {
        throw new AppError('invalid-input', `区划代码 ${u.value.regionCode} 不在行政区划目录中`);
      }
    }
    if (u.section === 'profile' && u.value === 'hospital') {
      const code = saved.site.hospitalCode;
      if (!code) throw new AppError('invalid-input', HOSPITAL_PROFILE_NEEDS_CODE);
      if (!HospitalCatalogue.load().lookup(code)) throw new AppError('invalid-input', `本院编码 ${code} 不在医疗机构目录中，不能设为医院医保办`);
    }
    if (u.section === 'paper') {
      // Loaded exactly as the next start loads them: a folder that would stop the workstation is never saved.
      try {
        loadFormTemplates(u.value.formsDir ?? shippedFormsDir());
      } catch (err) {
        if (err instanceof FormTemplateError) throw new AppError('invalid-input', err.message);
        throw err;
      }
    }
  };

  return {
    'settings.get': () => {
      const saved = loadConfig(ctx.dataDir);
      return {
        saved: sectionsOf(saved),
        pendingRestart: pendingRestart(saved),
        profiles: listProfiles(),
        forms: { running: runningForms, saved: formTemplatesIn(saved.paper.formsDir) },
        configFile: configPath(ctx.dataDir),
      };
    },
    'settings.update': (update) => {
      const saved = loadConfig(ctx.dataDir);
      checkNamed(update, saved);
      saveConfigSection(ctx.dataDir, update.section, update.value as AppConfig[typeof update.section]);
      return { section: update.section, pendingRestart: !same(update.value, running[update.section]) };
    },
  };
};
