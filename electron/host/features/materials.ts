/**
 * Materials capture at the desk: pieces of an upload assembled in memory (../../services/attachments/
 * chunk-assembly.ts), then sniffed, sized and sealed into the materials store under the form's draft; the
 * scanner's output folder listed and a chosen file attached; a draft's or case's attachments listed with
 * thumbnails; one removed before 受理. The uploader sends them with 9101 before the case's filing.
 */
import { AppError } from '../../contract/errors';
import type { AttachmentView } from '../../contract/features/materials';
import { MIME_NAMES, SOURCE_NAMES } from '../../contract/vocabulary/attachments';
import type { AttachmentRecord, AttachmentStore } from '../../services/attachments/attachment-store';
import { ChunkAssembler, ChunkError } from '../../services/attachments/chunk-assembly';
import { listScannedFiles, readScannedFile } from '../../services/attachments/scanner-folder';
import { getCaseByNo } from '../../services/cases/case-store';
import { actingOperator } from '../acting-operator';
import type { Feature } from '../context';

export interface MaterialsDeps {
  attachments: AttachmentStore;
}

export const materialsFeature: Feature<MaterialsDeps> = (ctx, { attachments }) => {
  const chunks = new ChunkAssembler(() => ctx.clock().getTime());
  const scannerFolder = ctx.config.materials.scannerFolder;

  const view = (r: AttachmentRecord): AttachmentView => ({
    id: r.id,
    materialId: r.materialId,
    filename: r.filename,
    mime: r.mime,
    mimeName: MIME_NAMES[r.mime],
    size: r.size,
    sha256: r.sha256,
    source: r.source,
    sourceName: SOURCE_NAMES[r.source],
    thumbnail: r.thumbnail ? `data:${r.thumbnail[0] === 0x89 ? 'image/png' : 'image/jpeg'};base64,${r.thumbnail.toString('base64')}` : null,
    createdAt: r.createdAt,
    fileQuryNo: r.fileQuryNo,
    uploadedAt: r.uploadedAt,
    present: attachments.present(r),
    removable: r.caseId === null,
  });
  const chunkError = (err: unknown): never => {
    if (err instanceof ChunkError) throw new AppError('attachment-refused', err.message);
    throw err;
  };

  return {
    'materials.attachChunk': ({ uploadId, seq, filename, data }) => {
      try {
        return { received: chunks.add(uploadId, seq, filename, Buffer.from(data, 'base64')) };
      } catch (err) {
        return chunkError(err);
      }
    },
    'materials.attachFinish': ({ uploadId, draftId, materialId, filename, size, source, thumbnail }, caller) => {
      let bytes: Buffer;
      try {
        bytes = chunks.finish(uploadId, size);
      } catch (err) {
        return chunkError(err);
      }
      const rec = attachments.add({
        ref: { draftId },
        materialId,
        filename,
        source,
        bytes,
        thumbnail: thumbnail ? Buffer.from(thumbnail, 'base64') : null,
        by: actingOperator(caller).code,
      });
      return view(rec);
    },
    'materials.list': (ref) => {
      if ('draftId' in ref) return attachments.list(ref).map(view);
      const c = getCaseByNo(ctx.db, ref.caseNo);
      if (!c) throw new AppError('not-found', `找不到办件 ${ref.caseNo}`);
      return attachments.list({ caseId: c.id }).map(view);
    },
    'materials.remove': ({ id }) => {
      attachments.remove(id);
      return { ok: true as const };
    },
    'materials.scannerFiles': () => listScannedFiles(scannerFolder),
    'materials.attachScanned': ({ draftId, materialId, name }, caller) => {
      const bytes = readScannedFile(scannerFolder, name);
      return view(attachments.add({ ref: { draftId }, materialId, filename: name, source: 'scanner', bytes, by: actingOperator(caller).code }));
    },
  };
};
