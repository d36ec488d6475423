import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

// `npm test` builds before vitest runs; these check what electron-vite produced.
describe('electron-vite build output', () => {
  it('bundles the preload as one CommonJS file that requires nothing but electron (sandbox-safe)', () => {
    const preload = fs.readFileSync('out/preload/index.cjs', 'utf8');
    const required = new Set([...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]));
    expect([...required]).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld');
  });

  it('builds the main process and the renderer', () => {
    expect(fs.existsSync('out/main/index.js')).toBe(true);
    const html = fs.readFileSync('out/renderer/index.html', 'utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\//);
  });
});
