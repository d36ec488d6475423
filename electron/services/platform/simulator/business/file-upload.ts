/** 9101 文件上传: valid Base64, not empty, at most 10 MB; stored with its SHA-256 and kept for 30 days. */
import crypto from 'node:crypto';
import { cachedStatement as st } from '../../../store/statement-cache';
import { compactTime, infTime } from '../../envelope';
import type { ProvinceProfile } from '../../profile';
import { Refusal, text, type Handler } from './handler';

const MAX_FILE_BYTES = 10 * 1024 * 1024;

const uploadFile: Handler = (ctx) => {
  const b64 = text(ctx.node, 'in');
  const filename = text(ctx.node, 'filename');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 !== 0) throw new Refusal('附件内容不是合法的 Base64');
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length === 0) throw new Refusal('附件内容为空');
  if (bytes.length > MAX_FILE_BYTES) throw new Refusal('附件超过 10MB 上限');
  const no = `F${compactTime(ctx.now)}${crypto.randomBytes(6).toString('hex').toUpperCase()}`;
  const sha = crypto.createHash('sha256').update(bytes).digest('hex');
  st(ctx.db, 'INSERT INTO files (file_qury_no, filename, size, sha256, content, at) VALUES (?, ?, ?, ?, ?, ?)').run(no, filename, bytes.length, sha, bytes, ctx.now.toISOString());
  const until = new Date(ctx.now.getTime() + 30 * 86_400_000);
  return { output: { data: { file_qury_no: no, filename, dld_endtime: infTime(until) } } };
};

export const fileUploadHandlers: Record<string, Handler> = { '9101': uploadFile };

/**
 * A filing that cites materials (the profile's `attachments.field`: file_qury_no, comma-separated) is refused
 * when one of them was never uploaded here (or is past its 30 days): the platform keeps no filing whose
 * materials it cannot show.
 */
export function requireCitedFiles(profile: ProvinceProfile, handler: Handler): Handler {
  return (ctx) => {
    const cited = text(ctx.node, profile.attachments.field, false);
    if (cited) {
      const known = st(ctx.db, 'SELECT at FROM files WHERE file_qury_no = ?');
      for (const no of cited.split(',').map((x) => x.trim())) {
        const row = known.get(no) as { at: string } | undefined;
        if (!row || ctx.now.getTime() - Date.parse(row.at) > 30 * 86_400_000) throw new Refusal(`附件 ${no} 不存在或已过期，请重新上传材料 (9101)`);
      }
    }
    return handler(ctx);
  };
}
