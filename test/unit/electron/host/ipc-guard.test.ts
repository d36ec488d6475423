import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../../electron/host/ipc-guard';

const own = { isAppWindow: true, isMainFrame: true, url: 'app://counter/index.html' };

describe('IPC sender check', () => {
  it('answers the app window showing the app page on app://counter', () => {
    expect(isTrustedSender(own)).toBe(true);
    expect(isTrustedSender({ ...own, url: 'app://counter/index.html#/queue' })).toBe(true);
    expect(isTrustedSender({ ...own, url: 'app://counter/' })).toBe(true);
  });
  it('refuses other windows, iframes and other pages, file:// included', () => {
    expect(isTrustedSender({ ...own, isAppWindow: false })).toBe(false);
    expect(isTrustedSender({ ...own, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...own, url: 'file:///opt/counter/resources/app/out/renderer/index.html' })).toBe(false);
    expect(isTrustedSender({ ...own, url: 'file:///tmp/evil.html' })).toBe(false);
    expect(isTrustedSender({ ...own, url: 'app://evil/index.html' })).toBe(false);
    expect(isTrustedSender({ ...own, url: 'app://counter.evil/index.html' })).toBe(false);
    expect(isTrustedSender({ ...own, url: 'app://user@counter/index.html' })).toBe(false);
    expect(isTrustedSender({ ...own, url: 'https://counter/' })).toBe(false);
    expect(isTrustedSender({ ...own, url: 'https://example.com/' })).toBe(false);
    expect(isTrustedSender({ ...own, url: 'not a url' })).toBe(false);
    expect(isTrustedSender({ ...own, url: '' })).toBe(false);
  });
  it('in development accepts only the dev server origin', () => {
    const dev = 'http://localhost:5173/';
    expect(isTrustedSender({ ...own, url: 'http://localhost:5173/index.html' }, dev)).toBe(true);
    expect(isTrustedSender({ ...own, url: 'http://localhost:5174/' }, dev)).toBe(false);
    expect(isTrustedSender({ ...own, url: 'app://counter/index.html' }, dev)).toBe(false);
    expect(isTrustedSender({ ...own, url: 'garbage' }, 'also garbage')).toBe(false);
  });
});
