/**
 * A flatbed scanner's output folder (config.json `materials.scannerFolder`): the scanner software saves each
 * scan there; the desk lists the newest files and the clerk picks the one in front of them. Only plain
 * files directly in the folder, by base name (no path can escape it), newest first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract/errors';
import { MAX_ATTACHMENT_BYTES, sizeProblem } from './mime-sniff';

export interface ScannedFile {
  name: string;
  size: number;
  modifiedAt: string;
}

const SCAN_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.pdf']);

export function listScannedFiles(folder: string | null, limit = 20): ScannedFile[] {
  if (!folder) throw new AppError('scanner-folder-unset', '未配置扫描仪输出文件夹 (config.json materials.scannerFolder)');
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    throw new AppError('scanner-folder-missing', `扫描仪输出文件夹 ${folder} 不存在或无法读取，请检查扫描仪设置`);
  }
  const files: Array<ScannedFile & { ms: number }> = [];
  for (const e of entries) {
    if (!e.isFile() || !SCAN_EXTENSIONS.has(path.extname(e.name).toLowerCase())) continue;
    try {
      const s = fs.statSync(path.join(folder, e.name));
      files.push({ name: e.name, size: s.size, modifiedAt: s.mtime.toISOString(), ms: s.mtimeMs });
    } catch {
      // Moved away meanwhile.
    }
  }
  return files
    .sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ ms: _ms, ...f }) => f);
}

export function readScannedFile(folder: string | null, name: string): Buffer {
  if (!folder) throw new AppError('scanner-folder-unset', '未配置扫描仪输出文件夹 (config.json materials.scannerFolder)');
  if (name !== path.basename(name) || name.startsWith('.')) throw new AppError('invalid-input', '只能选择扫描文件夹中的文件');
  const file = path.join(folder, name);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new AppError('not-found', `扫描文件 ${name} 不存在，可能已被移走`);
  }
  // Checked before reading: a 2 GB file is refused without filling memory.
  if (size > MAX_ATTACHMENT_BYTES) {
    throw new AppError('attachment-refused', sizeProblem(size, name));
  }
  return fs.readFileSync(file);
}
