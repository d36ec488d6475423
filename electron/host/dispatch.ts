/**
 * The single entry through which every transport (IPC, WebSocket, tests) calls a service: checks the
 * caller's session and role against the access policy (./session-guard, contract/access-policy.ts), validates the
 * input against the contract, runs the handler, validates the output, and answers a thrown error with the
 * one error table (./error-mapping).
 */
import { z } from 'zod';
import { isMethodName, methods, type MethodInput, type MethodName, type MethodOutput } from '../contract/api';
import type { InvokeResult } from '../contract/bridge';
import { describeIssues } from '../contract/issue-text';
import { createCaller, type Caller } from './caller';
import { knownError, INTERNAL_ERROR } from './error-mapping';
import { log } from './log';
import { admit, sessionRulesOf } from './session-guard';

/** A handler gets the validated input and the Caller whose connection made the call (see ./caller). */
export type Handlers = {
  [M in MethodName]: (input: z.output<(typeof methods)[M]['input']>, caller: Caller) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

export async function dispatch(handlers: Handlers, method: unknown, input: unknown, caller: Caller): Promise<InvokeResult> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'unknown-method', message: `未知的调用: ${String(method)}` } };
  }
  // Before the input is even parsed: a refused caller learns nothing about the method's schema.
  const rules = sessionRulesOf(handlers);
  const refusal = admit(method, caller, rules);
  if (refusal) {
    rules.onRefused?.(method, caller, refusal);
    return { ok: false, error: refusal };
  }
  const spec = methods[method];
  const parsedInput = spec.input.safeParse(input ?? {});
  if (!parsedInput.success) {
    return { ok: false, error: { code: 'invalid-input', message: `输入不合法 — ${describeIssues(parsedInput.error.issues)}` } };
  }
  try {
    const handler = handlers[method] as (i: unknown, c: Caller) => Promise<unknown> | unknown;
    const value = await handler(parsedInput.data, caller);
    const parsedOutput = spec.output.safeParse(value);
    if (!parsedOutput.success) {
      log.error(`handler ${method} returned output outside the contract`, parsedOutput.error.issues);
      return { ok: false, error: { code: 'invalid-output', message: '服务返回的数据格式不正确' } };
    }
    return { ok: true, value: parsedOutput.data };
  } catch (err) {
    const known = knownError(err);
    if (known) return { ok: false, error: { code: known.code, message: known.message } };
    log.error(`handler ${method} failed`, err);
    return { ok: false, error: { ...INTERNAL_ERROR } };
  }
}

/** The in-process caller of tests and the CLI: they already hold the data directory and its key. */
export const inProcessCaller = (): Caller => createCaller('test', { code: 'system', name: '系统', role: 'admin' });

/** Typed direct call for tests and the CLI: throws the error shape as an Error. */
export async function call<M extends MethodName>(
  handlers: Handlers,
  method: M,
  input: MethodInput<M>,
  caller: Caller = inProcessCaller(),
): Promise<MethodOutput<M>> {
  const result = await dispatch(handlers, method, input, caller);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as MethodOutput<M>;
}
