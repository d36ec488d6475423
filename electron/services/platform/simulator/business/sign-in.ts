/** 9001 签到 / 9002 签退: a sign_no per operator, valid to the end of the day (or a test's TTL) until signed out. */
import crypto from 'node:crypto';
import { cachedStatement as st } from '../../../store/statement-cache';
import { compactTime, infTime } from '../../envelope';
import { Refusal, text, type Handler } from './handler';

const signIn: Handler = (ctx) => {
  const opterNo = text(ctx.node, 'opter_no');
  if (opterNo !== ctx.opter) throw new Refusal('签到的操作员编号与报文操作员不一致');
  const signNo = compactTime(ctx.now) + crypto.randomInt(0, 1e12).toString().padStart(12, '0') + '0001';
  const end = ctx.signNoTtlSeconds !== undefined ? new Date(ctx.now.getTime() + ctx.signNoTtlSeconds * 1000) : endOfDay(ctx.now);
  const signTime = infTime(ctx.now);
  st(ctx.db, 'INSERT INTO sign_ins (sign_no, opter_no, sign_time, expires_at) VALUES (?, ?, ?, ?)').run(signNo, opterNo, signTime, end.toISOString());
  return { output: { signinoutb: { sign_time: signTime, sign_no: signNo } } };
};

function endOfDay(d: Date): Date {
  const e = new Date(d);
  e.setHours(23, 59, 59, 999);
  return e;
}

const signOut: Handler = (ctx) => {
  const signNo = text(ctx.node, 'sign_no');
  text(ctx.node, 'opter_no');
  const r = st(ctx.db, 'UPDATE sign_ins SET signed_out = 1 WHERE sign_no = ? AND signed_out = 0').run(signNo);
  if (r.changes === 0) throw new Refusal('签到编号不存在或已签退');
  return { output: { signoutoutb: { sign_time: infTime(ctx.now) } } };
};

export const signInHandlers: Record<string, Handler> = { '9001': signIn, '9002': signOut };
