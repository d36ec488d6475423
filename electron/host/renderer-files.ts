/**
 * Maps a request path to a file of the built renderer, for browser mode's HTTP server and the Electron
 * shell's app:// protocol alike. Pure apart from stat: bad percent-encoding, NUL bytes and any path that
 * leaves the renderer folder are refused, never thrown; paths without an extension get index.html (the
 * renderer is a single page).
 */
import fs from 'node:fs';
import path from 'node:path';
import { MIME } from './security-headers';

export type RendererFile = { status: 200; file: string; contentType: string } | { status: 400 | 404; reason: string };

export function resolveRendererFile(root: string, rawPath: string): RendererFile {
  const base = path.resolve(root);
  let rel: string;
  try {
    rel = decodeURIComponent(rawPath);
  } catch {
    return { status: 400, reason: '请求路径的编码不正确' };
  }
  if (!rel.startsWith('/') || rel.includes('\0')) return { status: 400, reason: '请求路径不正确' };
  if (rel === '/' || !path.extname(rel)) rel = '/index.html';
  const file = path.resolve(base, '.' + rel);
  if (!file.startsWith(base + path.sep)) return { status: 404, reason: '未找到' };
  try {
    if (!fs.statSync(file).isFile()) return { status: 404, reason: '未找到' };
  } catch {
    return { status: 404, reason: '未找到' };
  }
  return { status: 200, file, contentType: MIME[path.extname(file)] ?? 'application/octet-stream' };
}
