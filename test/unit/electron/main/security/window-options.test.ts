/**
 * The kiosk profile's window, as data (electron/main/security/window-options.ts): Electron kiosk mode, no
 * frame or menu, nothing to close or resize, no DevTools even unpackaged, and the keys a citizen could use to
 * reload, open DevTools, print or leave swallowed. The counter's window stays as it was.
 */
import { describe, expect, it } from 'vitest';
import { isKioskBlockedKey, KIOSK_SHELL, mainWindowOptions, type KeyInput } from '../../../../../electron/main/security/window-options';

const kiosk = (isPackaged: boolean) => mainWindowOptions({ preload: '/app/out/preload/index.cjs', isPackaged, profile: 'kiosk' });
const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, control: false, meta: false, alt: false, shift: false, ...mods });

describe('the kiosk profile window', () => {
  for (const isPackaged of [true, false]) {
    it(`is locked fullscreen with no frame, menu or DevTools (${isPackaged ? 'packaged' : 'development run'})`, () => {
      const o = kiosk(isPackaged);
      expect(o.kiosk).toBe(true);
      expect(o.fullscreen).toBe(true);
      expect(o.frame).toBe(false);
      expect(o.autoHideMenuBar).toBe(true);
      expect(o.closable).toBe(false);
      expect(o.resizable).toBe(false);
      expect(o.minimizable).toBe(false);
      expect(o.movable).toBe(false);
      expect(o.webPreferences?.devTools).toBe(false);
    });
  }

  it('keeps the locked-down web preferences and the preload', () => {
    const prefs = kiosk(true).webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, navigateOnDragDrop: false });
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('is portrait 1080×1920 before it goes fullscreen', () => {
    expect([kiosk(true).width, kiosk(true).height]).toEqual([1080, 1920]);
  });

  it('the shell removes the menu and blocks keys for a kiosk', () => {
    expect(KIOSK_SHELL).toEqual({ removeMenu: true, blockKeys: true });
  });

  it('the counter window is not a kiosk (default and explicit profile)', () => {
    for (const o of [mainWindowOptions({ preload: '/p', isPackaged: true }), mainWindowOptions({ preload: '/p', isPackaged: false, profile: 'counter' })]) {
      expect(o.kiosk).toBeUndefined();
      expect(o.fullscreen).toBeUndefined();
      expect(o.closable).toBeUndefined();
    }
    expect(mainWindowOptions({ preload: '/p', isPackaged: false, profile: 'counter' }).webPreferences?.devTools).toBe(true);
  });
});

describe('keys swallowed in the kiosk window', () => {
  it.each([
    ['F5', {}],
    ['F12', {}],
    ['F11', {}],
    ['r', { control: true }],
    ['R', { meta: true }],
    ['I', { control: true, shift: true }],
    ['j', { meta: true, shift: true }],
    ['w', { control: true }],
    ['p', { control: true }],
    ['F4', { alt: true }],
    ['ArrowLeft', { alt: true }],
    ['=', { control: true }],
  ] as const)('%s %o', (k, mods) => {
    expect(isKioskBlockedKey(key(k, mods))).toBe(true);
  });

  it.each([
    ['r', {}],
    ['i', { control: true }],
    ['F4', {}],
    ['ArrowLeft', {}],
    ['1', {}],
    ['Enter', {}],
    ['Backspace', {}],
    ['a', { control: true }],
  ] as const)('lets %s %o through (typing a phone number, editing a field)', (k, mods) => {
    expect(isKioskBlockedKey(key(k, mods))).toBe(false);
  });
});
