/**
 * The platform simulator: an HTTP server on 127.0.0.1 that answers NHSA envelopes like a provincial platform.
 * It is both the embedded default of a fresh install and the peer of the tests. Order of work per request:
 * gateway (signature / SM4) → envelope checks → faults before → msgid dedup → business handler and message log
 * in one SQLite transaction → faults after → reply.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Db } from '../../store/database';
import { cachedStatement } from '../../store/statement-cache';
import { RequestEnvelope, compactTime, infTime, inputNodeFor, parseMsgid, respondTime } from '../envelope';
import { defaultResourcesDir, loadProfile, type ProvinceProfile } from '../profile';
import { createPlatformCodec, GatewayError } from '../signing/gateway';
import { buildHandlers, psnNoField } from './business';
import { Refusal } from './business/handler';
import { FaultControl, type FaultSettings } from './faults';
import { loadSeedPersons, seedPersons } from './persons';
import { openSimulatorDatabase } from './store';
import { loadAccumulationLedger } from './business/accumulation';

export interface PlatformSimulatorOptions {
  /** 0 = a free port. */
  port?: number;
  dbFile: string;
  host?: string;
  profile?: ProvinceProfile;
  resourcesDir?: string;
  clock?: () => Date;
  /** Sign-ins last this many seconds (default: until the end of the day). */
  signNoTtlSeconds?: number;
}

export interface SimulatorState {
  faults: FaultSettings;
  /** Requests that reached the envelope stage, by infno. */
  calls: Record<string, number>;
  /** Times a handler actually did the work (dedup replays excluded), by infno. */
  work: Record<string, number>;
  activeSignIns: number;
  records: Record<string, number>;
}

export interface PlatformSimulator {
  url: string;
  port: number;
  faults: FaultControl;
  state(): SimulatorState;
  /** Invalidate every sign_no (as a platform restart or day change would). */
  expireSignIns(): void;
  close(): Promise<void>;
}

const MAX_BODY = 20 * 1024 * 1024;
const SIM_CODE = 'SIMPLATFORM0';

interface Reply {
  infcode: number;
  inf_refmsgid: string;
  refmsg_time: string;
  respond_time: string;
  err_msg: string | null;
  warn_msg: string | null;
  cainfo: string;
  signtype: string;
  output: Record<string, unknown>;
}

function loadDiseases(resourcesDir: string): Map<string, string> {
  const file = path.join(resourcesDir, 'catalogues', 'diseases.json');
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { diseases: { code: string; name: string }[] };
  return new Map(raw.diseases.map((d) => [d.code, d.name]));
}

export async function startPlatformSimulator(opts: PlatformSimulatorOptions): Promise<PlatformSimulator> {
  const resourcesDir = opts.resourcesDir ?? defaultResourcesDir();
  const profile = opts.profile ?? loadProfile('demo', resourcesDir);
  const clock = opts.clock ?? (() => new Date());
  const db: Db = openSimulatorDatabase(opts.dbFile);
  seedPersons(db, loadSeedPersons(resourcesDir));
  const diseases = loadDiseases(resourcesDir);
  const handlers = buildHandlers(profile, loadAccumulationLedger(resourcesDir));
  const codec = createPlatformCodec(profile.signing);
  const faults = new FaultControl();
  const calls: Record<string, number> = {};
  const work: Record<string, number> = {};
  let refSeq = 0;
  const refMsgid = (now: Date) => SIM_CODE + compactTime(now) + String((refSeq = (refSeq % 9999) + 1)).padStart(4, '0');

  const reply = (now: Date, infcode: number, errMsg: string | null, output: Record<string, unknown> = {}): Reply => ({
    infcode,
    inf_refmsgid: refMsgid(now),
    refmsg_time: infTime(now),
    respond_time: respondTime(now),
    err_msg: errMsg,
    warn_msg: null,
    cainfo: '',
    signtype: profile.signing.type === 'sm' ? 'SM2' : '',
    output,
  });

  const state = (): SimulatorState => {
    const records: Record<string, number> = {};
    for (const r of db.prepare(`SELECT kind, COUNT(*) AS n FROM records WHERE status = 'valid' GROUP BY kind`).all() as { kind: string; n: number }[]) {
      records[r.kind] = r.n;
    }
    const active = db.prepare('SELECT COUNT(*) AS n FROM sign_ins WHERE signed_out = 0 AND expires_at > ?').get(clock().toISOString()) as { n: number };
    return { faults: faults.current(), calls: { ...calls }, work: { ...work }, activeSignIns: active.n, records };
  };
  const expireSignIns = () => {
    db.prepare('UPDATE sign_ins SET expires_at = ? WHERE expires_at > ?').run(new Date(0).toISOString(), new Date(0).toISOString());
  };

  /** Envelope-level checks; a failure is refused and NOT stored (a corrected retry under the same msgid works). */
  function checkEnvelope(env: RequestEnvelope, now: Date): string | null {
    if (!handlers[env.infno]) return `交易编号 ${env.infno} 不存在或未开通`;
    if (env.msgid.length !== 30) return `报文ID (msgid) 应为30位，实际 ${env.msgid.length} 位`;
    const parts = parseMsgid(env.msgid);
    if (!parts) return '报文ID (msgid) 格式不对: 应为12位机构编码 + yyyyMMddHHmmss + 4位序号';
    if (parts.prefix !== env.fixmedins_code) return '报文ID前12位应与机构编码 fixmedins_code 一致';
    if (env.fixmedins_code !== profile.agency.code) return `机构编码 ${env.fixmedins_code} 未在平台登记`;
    if (env.infver !== profile.infver) return `接口版本 ${env.infver} 不受支持`;
    if (env.mdtrtarea_admvs !== profile.mdtrtareaAdmvs) return `就医地区划 ${env.mdtrtarea_admvs} 与机构所在地不符`;
    const node = inputNodeFor(env.infno, profile.inputNodes);
    const keys = Object.keys(env.input);
    if (keys.length !== 1 || keys[0] !== node || typeof env.input[node] !== 'object' || env.input[node] === null || Array.isArray(env.input[node])) {
      return `交易 ${env.infno} 的入参节点应为 ${node}`;
    }
    const data = env.input[node] as Record<string, unknown>;
    const psn = data[psnNoField(profile, env.infno)];
    if (typeof psn === 'string' && psn !== '' && !/^\d{6}$/.test(env.insuplc_admdvs)) return '入参含人员编号时参保地区划 insuplc_admdvs 必填 (6位)';
    if (env.infno !== '9001') {
      const s = cachedStatement(db, 'SELECT opter_no, expires_at, signed_out FROM sign_ins WHERE sign_no = ?').get(env.sign_no) as
        | { opter_no: string; expires_at: string; signed_out: number }
        | undefined;
      if (!env.sign_no || !s || s.signed_out || s.expires_at <= now.toISOString() || s.opter_no !== env.opter) {
        return '签到编号无效或已过期，请重新签到';
      }
    }
    return null;
  }

  interface Outcome {
    status: number;
    body: string;
    headers: Record<string, string>;
    after?: 'drop' | 'malformed';
    drop?: boolean;
  }

  const wrap = (r: Reply, now: Date): Outcome => {
    const w = codec.encodeReply(JSON.stringify(r), now);
    return { status: 200, body: w.body, headers: w.headers };
  };

  async function handle(headers: http.IncomingHttpHeaders, bodyText: string): Promise<Outcome> {
    const now = clock();
    let json: string;
    try {
      json = codec.decodeRequest(headers, bodyText, now);
    } catch (err) {
      const status = err instanceof GatewayError ? err.status : 400;
      return { status, body: JSON.stringify({ code: status, message: (err as Error).message }), headers: { 'content-type': 'application/json;charset=UTF-8' } };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch {
      return wrap(reply(now, -1, '报文不是合法的 JSON'), now);
    }
    const parsed = RequestEnvelope.safeParse(raw);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => i.path.join('.') || '(根)').join(', ');
      return wrap(reply(now, -1, `报文字段缺失或格式不对: ${detail}`), now);
    }
    const env = parsed.data;
    calls[env.infno] = (calls[env.infno] ?? 0) + 1;

    const latency = faults.latencyFor(env.infno);
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    if (faults.take('dropBefore', env.infno)) return { status: 0, body: '', headers: {}, drop: true };
    if (faults.take('http500', env.infno)) {
      return { status: 500, body: JSON.stringify({ code: 500, message: '模拟平台内部错误' }), headers: { 'content-type': 'application/json;charset=UTF-8' } };
    }

    const problem = checkEnvelope(env, now);
    if (problem) return wrap(reply(now, -1, problem), now);

    const after = faults.take('dropAfter', env.infno) ? 'drop' : faults.take('malformed', env.infno) ? 'malformed' : undefined;

    const stored = cachedStatement(db, 'SELECT infno, reply_json FROM messages WHERE msgid = ?').get(env.msgid) as { infno: string; reply_json: string } | undefined;
    if (stored) {
      if (stored.infno !== env.infno) return wrap(reply(now, -1, `报文ID ${env.msgid} 已被交易 ${stored.infno} 使用`), now);
      return { ...wrap(JSON.parse(stored.reply_json) as Reply, now), after };
    }
    if (faults.take('businessError', env.infno)) return wrap(reply(now, -1, faults.businessErrorMessage), now);

    const node = env.input[inputNodeFor(env.infno, profile.inputNodes)] as Record<string, unknown>;
    const handler = handlers[env.infno];
    const r = db.transaction((): Reply => {
      let out: Reply;
      let psnNo: string | undefined;
      let recordSn: string | undefined;
      try {
        const res = handler({
          db,
          profile,
          now,
          msgid: env.msgid,
          opter: env.opter,
          insuplcAdmdvs: env.insuplc_admdvs,
          node,
          diseases,
          signNoTtlSeconds: opts.signNoTtlSeconds,
        });
        out = reply(now, 0, null, res.output);
        psnNo = res.psnNo;
        recordSn = res.recordSn;
        work[env.infno] = (work[env.infno] ?? 0) + 1;
      } catch (err) {
        if (!(err instanceof Refusal)) throw err;
        out = reply(now, -1, err.message);
      }
      cachedStatement(db, 'INSERT INTO messages (msgid, infno, psn_no, infcode, reply_json, record_sn, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        env.msgid,
        env.infno,
        psnNo ?? (typeof node.psn_no === 'string' ? node.psn_no : null),
        out.infcode,
        JSON.stringify(out),
        recordSn ?? null,
        now.toISOString(),
      );
      return out;
    })();
    return { ...wrap(r, now), after };
  }

  function control(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' });
      res.end(JSON.stringify(value));
    };
    const url = req.url ?? '';
    try {
      if (req.method === 'GET' && url === '/__control/state') return send(200, state());
      if (req.method === 'POST' && url === '/__control/faults') {
        faults.set(body ? (JSON.parse(body) as Partial<FaultSettings>) : {});
        return send(200, state());
      }
      if (req.method === 'POST' && url === '/__control/reset') {
        faults.reset();
        return send(200, state());
      }
      if (req.method === 'POST' && url === '/__control/expire-sign-ins') {
        expireSignIns();
        return send(200, state());
      }
      return send(404, { message: `未知的控制接口 ${req.method} ${url}` });
    } catch (err) {
      return send(400, { message: (err as Error).message });
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        res.writeHead(413).end();
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (res.writableEnded) return;
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.url?.startsWith('/__control/')) return control(req, res, body);
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      handle(req.headers, body)
        .then((o) => {
          if (o.drop || o.after === 'drop') {
            req.socket.destroy();
            return;
          }
          if (o.after === 'malformed') {
            res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
            res.end('{"infcode":0,"output":{"baseinfo":');
            return;
          }
          res.writeHead(o.status, o.headers);
          res.end(o.body);
        })
        .catch((err: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json;charset=UTF-8' });
          res.end(JSON.stringify({ code: 500, message: `模拟平台异常: ${(err as Error).message}` }));
        });
    });
  });
  // Long enough that a client reuses the connection (undici drops sockets whose advertised keep-alive is under ~2 s).
  server.keepAliveTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = opts.host ?? '127.0.0.1';

  return {
    url: `http://${host}:${port}/fsi/api/callService`,
    port,
    faults,
    state,
    expireSignIns,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          db.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
