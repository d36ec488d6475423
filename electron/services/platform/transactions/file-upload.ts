/** 9101 文件上传: an attachment (scan, photo) sent as Base64; the platform answers with its 文件查询号. */
import type { CallOptions, PlatformClient } from '../client';
import type { ProvinceProfile } from '../profile';
import { PlatformInputError, type Done } from './shared';

export async function uploadFile(
  client: PlatformClient,
  input: { filename: string; content: Uint8Array },
  opts?: CallOptions,
): Promise<Done<{ file_qury_no: string; filename: string; dld_endtime: string }>> {
  if (!input.filename.trim()) throw new PlatformInputError('附件文件名不能为空');
  if (input.content.length === 0) throw new PlatformInputError('附件内容为空');
  const reply = await client.call(
    '9101',
    { in: Buffer.from(input.content).toString('base64'), filename: input.filename, fixmedins_code: client.profile.agency.code },
    opts,
  );
  const out = (reply.output as { data?: Record<string, unknown> } | undefined)?.data ?? {};
  if (typeof out.file_qury_no !== 'string') throw new PlatformInputError('平台应答 (9101) 缺少 file_qury_no');
  return {
    msgid: reply.msgid,
    result: { file_qury_no: out.file_qury_no, filename: String(out.filename ?? input.filename), dld_endtime: String(out.dld_endtime ?? '') },
  };
}

/**
 * How a filing cites its materials: the file_qury_no of each 9101 upload, comma-separated, in the field the
 * province profile names (`attachments.field`). No field at all when the case has no attachment.
 */
export function attachmentField(profile: ProvinceProfile, fileQuryNos: readonly string[] | undefined): Record<string, string> {
  return fileQuryNos && fileQuryNos.length ? { [profile.attachments.field]: fileQuryNos.join(',') } : {};
}
