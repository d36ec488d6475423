/** 1101 人员信息获取: find a simulated person by 电子凭证 token, ID number or 社保卡 (with its 卡识别码). */
import { Refusal, text, type Handler } from './handler';
import { findPerson, type SimPerson } from '../persons';
import { PSN_CERT_TYPE_NAMES } from '../../../../contract/vocabulary/identity-documents';

function ageOn(brdy: string, now: Date): number {
  const [y, m, d] = brdy.split('-').map(Number);
  let age = now.getFullYear() - y;
  if (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d)) age -= 1;
  return age;
}

const personInfo: Handler = (ctx) => {
  const type = text(ctx.node, 'mdtrt_cert_type');
  const no = text(ctx.node, 'mdtrt_cert_no');
  const certType = text(ctx.node, 'psn_cert_type', false);
  const certno = text(ctx.node, 'certno', false).toUpperCase();
  let p: SimPerson | null;
  if (type === '02') {
    // Like the real platform: the number is looked up under the 人员证件类型 it is sent with (default 01).
    const sentType = certType || '01';
    if (!PSN_CERT_TYPE_NAMES[sentType]) throw new Refusal(`人员证件类型 ${sentType} 无效`);
    if (certno && certno !== no.toUpperCase()) throw new Refusal('证件号码与就诊凭证编号不一致');
    p = findPerson(ctx.db, 'certno', no.toUpperCase());
    if (p && p.psn_cert_type !== sentType) throw new Refusal(`人员证件类型与证件号码不符：该号码不是${PSN_CERT_TYPE_NAMES[sentType]}号码，请核对证件类型`);
  } else if (type === '01') p = findPerson(ctx.db, 'ec_token', no);
  else if (type === '03') {
    const sn = text(ctx.node, 'card_sn', false);
    if (!sn) throw new Refusal('社会保障卡查询必须提供卡识别码 card_sn');
    p = findPerson(ctx.db, 'card_no', no);
    if (p && p.card_sn !== sn) throw new Refusal('卡识别码与社会保障卡号不符');
    if (p && certno && p.certno.toUpperCase() !== certno) throw new Refusal('社会保障卡号与社会保障号码不属于同一人员');
  } else throw new Refusal(`就诊凭证类型 ${type} 无效 (01 电子凭证, 02 身份证, 03 社保卡)`);
  if (!p) throw new Refusal(type === '01' ? '电子凭证无效或已过期，请重新出示' : '未查询到该人员的参保信息');
  return {
    psnNo: p.psn_no,
    output: {
      baseinfo: {
        psn_no: p.psn_no,
        psn_cert_type: p.psn_cert_type,
        certno: p.certno,
        psn_name: p.psn_name,
        gend: p.gend,
        naty: p.naty,
        brdy: p.brdy,
        age: ageOn(p.brdy, ctx.now),
      },
      insuinfo: p.insuinfo,
      idetinfo: p.idetinfo,
    },
  };
};

export const personHandlers: Record<string, Handler> = { '1101': personInfo };
