/** 扫描仪: the newest files in the scanner's output folder; the clerk picks the scan in front of them. */
import { useEffect, useState } from 'react';
import type { ScannedFile } from '../../../../electron/contract/features/materials';
import { api, errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);
const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

export function ScannerDialog(props: { materialName: string; onPick(name: string): void; onClose(): void }) {
  const [files, setFiles] = useState<ScannedFile[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    setError(null);
    api.call('materials.scannerFiles', {}).then(setFiles, (err: unknown) => setError(errorMessage(err)));
  };
  useEffect(load, []);
  return (
    <Dialog title={`选择扫描件：${props.materialName}`} onClose={props.onClose} testId="scanner-dialog">
      {error && (
        <div className="alert error" role="alert" data-testid="scanner-error">
          {error}
        </div>
      )}
      {files && files.length === 0 && <p className="dialog-body">扫描文件夹中还没有文件：请先在扫描仪上扫描，再点“刷新”。</p>}
      {files && files.length > 0 && (
        <ul className="scan-list">
          {files.map((f) => (
            <li key={f.name}>
              <button type="button" className="link" onClick={() => props.onPick(f.name)} data-testid="scan-file">
                {f.name}
              </button>
              <small>
                {kb(f.size)} · {time(f.modifiedAt)}
              </small>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={load}>
          刷新
        </button>
        <button type="button" onClick={props.onClose} data-autofocus>
          关闭
        </button>
      </div>
    </Dialog>
  );
}
