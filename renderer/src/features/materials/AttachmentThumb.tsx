/** One attachment as the clerk sees it: its thumbnail (or a PDF tile), name, size, source and upload state. */
import type { AttachmentView } from '../../../../electron/contract/features/materials';

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export function AttachmentThumb({ a, onRemove }: { a: AttachmentView; onRemove?: () => void }) {
  const title = `${a.filename}（${a.mimeName}，${kb(a.size)}，来自${a.sourceName}）\nSHA-256 ${a.sha256}${a.fileQuryNo ? `\n已上传，文件查询号 ${a.fileQuryNo}` : ''}`;
  return (
    <figure className={`att-thumb${a.present ? '' : ' gone'}`} title={title} data-testid="attachment">
      {a.thumbnail ? <img src={a.thumbnail} alt={a.filename} data-testid="attachment-thumb" /> : <span className="att-tile">{a.mime === 'application/pdf' ? 'PDF' : '图片'}</span>}
      <figcaption>
        <span className="att-name">{a.filename}</span>
        <small>
          {a.present ? kb(a.size) : '已按保留期限删除'}
          {a.fileQuryNo ? ' · 已上传' : ''}
        </small>
      </figcaption>
      {onRemove && a.removable && (
        <button type="button" className="att-remove" onClick={onRemove} aria-label={`删除 ${a.filename}`} data-testid="attachment-remove">
          ×
        </button>
      )}
    </figure>
  );
}
