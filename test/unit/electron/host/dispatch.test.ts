import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../electron/contract/errors';
import { dispatch, inProcessCaller, type Handlers } from '../../../../electron/host/dispatch';

const identity = {
  name: '张三', sex: '男', sexCode: '1', nation: '汉', nationCode: '01', birthDate: '1990-01-01', address: '某地',
  idNumber: '11010519491231002X', issuer: '某公安局', validFrom: '2020-01-01', validTo: '长期', photo: { format: 'wlt', base64: '' },
};

function handlers(overrides: Partial<Handlers>): Handlers {
  return overrides as Handlers;
}

describe('dispatch: the contract at the boundary', () => {
  it('refuses an unknown method', async () => {
    const r = await dispatch(handlers({}), 'fs.readFile', {}, inProcessCaller());
    expect(r).toEqual({ ok: false, error: { code: 'unknown-method', message: expect.stringContaining('未知的调用') } });
  });

  it('refuses input that does not match the schema, before the handler runs', async () => {
    let ran = false;
    const h = handlers({ 'idCard.read': async () => ((ran = true), identity as never) });
    const r = await dispatch(h, 'idCard.read', { timeoutMs: 5 }, inProcessCaller());
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('invalid-input');
    expect(!r.ok && r.error.message).toMatch(/timeoutMs/);
    const extra = await dispatch(h, 'idCard.read', { timeoutMs: 5000, evil: true }, inProcessCaller());
    expect(extra.ok).toBe(false);
    expect(ran).toBe(false);
  });

  it('passes valid input and validates the output', async () => {
    const h = handlers({ 'idCard.read': async () => identity as never });
    expect(await dispatch(h, 'idCard.read', { timeoutMs: 5000 }, inProcessCaller())).toEqual({ ok: true, value: identity });
    const bad = handlers({ 'idCard.read': async () => ({ ...identity, sex: 'X' }) as never });
    expect(await dispatch(bad, 'idCard.read', {}, inProcessCaller())).toMatchObject({ ok: false, error: { code: 'invalid-output' } });
  });

  it('carries a service error as code + Chinese message', async () => {
    const h = handlers({
      'idCard.read': async () => {
        throw new AppError('timeout', '未检测到身份证');
      },
    });
    expect(await dispatch(h, 'idCard.read', {}, inProcessCaller())).toEqual({ ok: false, error: { code: 'timeout', message: '未检测到身份证' } });
  });
});
