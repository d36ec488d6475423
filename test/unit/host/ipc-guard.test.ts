import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/host/ipc-guard';

const FILE = '/opt/counter/resources/app/out/renderer/index.html';
const own = { isAppWindow: true, isMainFrame: true, url: `file://${FILE}` };

describe('IPC sender check', () => {
  it('answers the app window showing the app page', () => {
    expect(isTrustedSender(own, FILE)).toBe(true);
    expect(isTrustedSender({ ...own, url: `file://${FILE}#/queue` }, FILE)).toBe(true);
  });
  it('refuses other windows, iframes and other pages', () => {
    expect(isTrustedSender({ ...own, isAppWindow: false }, FILE)).toBe(false);
    expect(isTrustedSender({ ...own, isMainFrame: false }, FILE)).toBe(false);
    expect(isTrustedSender({ ...own, url: 'file:///tmp/evil.html' }, FILE)).toBe(false);
    expect(isTrustedSender({ ...own, url: 'https://example.com/' }, FILE)).toBe(false);
    expect(isTrustedSender({ ...own, url: 'not a url' }, FILE)).toBe(false);
    expect(isTrustedSender({ ...own, url: '' }, FILE)).toBe(false);
  });
  it('in development accepts only the dev server origin', () => {
    const dev = 'http://localhost:5173/';
    expect(isTrustedSender({ ...own, url: 'http://localhost:5173/index.html' }, FILE, dev)).toBe(true);
    expect(isTrustedSender({ ...own, url: 'http://localhost:5174/' }, FILE, dev)).toBe(false);
    expect(isTrustedSender({ ...own, url: `file://${FILE}` }, FILE, dev)).toBe(false);
  });
});
