/**
 * Capture for one material of the checklist: 选文件 (or drop a file on the row), 高拍仪 (camera frame) and 扫描仪
 * (pick from the scanner's folder); the attachments below as thumbnails, removable until 受理. A file the host
 * would refuse (type, size) is refused here at once, in the same words.
 */
import { useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useMaterialsDraft } from './materials-store';
import { AttachmentThumb } from './AttachmentThumb';
import { CameraDialog } from './CameraDialog';
import { ScannerDialog } from './ScannerDialog';

const ACCEPT = '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf';

const stamp = () => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
};

export function MaterialCapture(props: { materialId: string; materialName: string; enabled: boolean; children: ReactNode }) {
  const { materialId, materialName } = props;
  // Select the stable array and filter here: a selector returning a new array each time would loop React.
  const all = useMaterialsDraft((s) => s.attachments);
  const attachments = useMemo(() => all.filter((a) => a.materialId === materialId), [all, materialId]);
  const busy = useMaterialsDraft((s) => s.busy === materialId);
  const error = useMaterialsDraft((s) => (s.error?.materialId === materialId ? s.error.message : null));
  const { attach, attachScanned, remove } = useMaterialsDraft.getState();
  const input = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<'camera' | 'scanner' | null>(null);
  const [over, setOver] = useState(false);

  if (!props.enabled) return <div className="material-capture">{props.children}</div>;
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f) void attach(materialId, f, f.name, 'file');
  };

  return (
    <div
      className={`material-capture${over ? ' drop' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid={`capture-${materialId}`}
    >
      {props.children}
      <div className="capture-actions">
        <button type="button" className="small" disabled={busy} onClick={() => input.current?.click()} data-testid="attach-file">
          选文件
        </button>
        <button type="button" className="small" disabled={busy} onClick={() => setDialog('camera')} data-testid="attach-camera">
          高拍仪
        </button>
        <button type="button" className="small" disabled={busy} onClick={() => setDialog('scanner')} data-testid="attach-scanner">
          扫描仪
        </button>
        {busy && <small className="muted">正在保存…</small>}
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          hidden
          data-testid="attach-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void attach(materialId, f, f.name, 'file');
          }}
        />
      </div>
      {error && (
        <em className="alert error attach-error" role="alert" data-testid="attach-error">
          {error}
        </em>
      )}
      {attachments.length > 0 && (
        <div className="att-row">
          {attachments.map((a) => (
            <AttachmentThumb key={a.id} a={a} onRemove={() => void remove(a.id)} />
          ))}
        </div>
      )}
      {dialog === 'camera' && (
        <CameraDialog
          materialName={materialName}
          onClose={() => setDialog(null)}
          onCapture={(jpeg) => {
            setDialog(null);
            void attach(materialId, jpeg, `${materialName}-高拍仪-${stamp()}.jpg`, 'camera');
          }}
        />
      )}
      {dialog === 'scanner' && (
        <ScannerDialog
          materialName={materialName}
          onClose={() => setDialog(null)}
          onPick={(name) => {
            setDialog(null);
            void attachScanned(materialId, name);
          }}
        />
      )}
    </div>
  );
}
