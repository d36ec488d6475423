import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// Native addons and their loaders stay outside the bundle; Electron loads them from node_modules.
const external = ['better-sqlite3-multiple-ciphers', 'node-hid', 'serialport', '@serialport/bindings-cpp', 'playwright-core'];

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: resolve(__dirname, 'electron/main/index.ts'), external },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Bundle zod and the contract into the preload: a sandboxed preload can require only `electron`.
      externalizeDeps: false,
      // Sandboxed preloads must be one CommonJS file with no require() of app modules.
      rollupOptions: { input: resolve(__dirname, 'electron/preload/index.ts'), output: { format: 'cjs', entryFileNames: '[name].cjs' }, external: ['electron'] },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
