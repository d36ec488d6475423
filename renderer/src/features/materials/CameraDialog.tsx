/**
 * 高拍仪: a UVC document camera seen by the browser as a camera (getUserMedia). Live picture, a choice of
 * camera when there are several (the 高拍仪 is often not the default one), 拍照 grabs the frame at the
 * camera's full resolution as a JPEG through a canvas. The camera is released when the dialog closes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Dialog } from '../../ui/Dialog';

function cameraError(err: unknown): string {
  const name = (err as { name?: string }).name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return '未获得摄像头权限，无法使用高拍仪（请在本工作站允许使用摄像头）';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return '未检测到高拍仪，请检查 USB 连接后重试';
  if (name === 'NotReadableError') return '高拍仪正被其他程序占用，请关闭其他拍照软件后重试';
  return `无法打开高拍仪：${(err as Error).message ?? String(err)}`;
}

export function CameraDialog(props: { materialName: string; onCapture(jpeg: Blob): void; onClose(): void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState<string>('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let opened: MediaStream | null = null;
    if (!navigator.mediaDevices?.getUserMedia) {
      setError('此环境不支持摄像头（需要在本工作站的应用页面中使用）');
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { ...(deviceId ? { deviceId: { exact: deviceId } } : {}), width: { ideal: 2592 }, height: { ideal: 1944 } }, audio: false })
      .then(async (s) => {
        if (!live) return s.getTracks().forEach((t) => t.stop());
        opened = s;
        setStream(s);
        setError(null);
        const all = await navigator.mediaDevices.enumerateDevices();
        if (live) setCameras(all.filter((d) => d.kind === 'videoinput'));
      })
      .catch((err: unknown) => live && setError(cameraError(err)));
    return () => {
      live = false;
      opened?.getTracks().forEach((t) => t.stop());
    };
  }, [deviceId]);

  useEffect(() => {
    if (video.current && stream) video.current.srcObject = stream;
  }, [stream]);

  const capture = useCallback(() => {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    canvas.toBlob((b) => b && props.onCapture(b), 'image/jpeg', 0.9);
  }, [props]);

  return (
    <Dialog title={`高拍仪拍照：${props.materialName}`} onClose={props.onClose} testId="camera-dialog">
      <div className="camera-view">
        {error ? (
          <div className="alert error" role="alert" data-testid="camera-error">
            {error}
          </div>
        ) : (
          <video ref={video} autoPlay playsInline muted data-testid="camera-video" />
        )}
      </div>
      {cameras.length > 1 && (
        <label className="camera-pick">
          摄像头{' '}
          <select value={deviceId} onChange={(e) => setDeviceId(e.target.value)} data-testid="camera-device">
            <option value="">默认</option>
            {cameras.map((c, i) => (
              <option key={c.deviceId || i} value={c.deviceId}>
                {c.label || `摄像头 ${i + 1}`}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose}>
          取消
        </button>
        <button type="button" className="primary" onClick={capture} disabled={!stream || !!error} data-testid="camera-capture" data-autofocus>
          拍照
        </button>
      </div>
    </Dialog>
  );
}
