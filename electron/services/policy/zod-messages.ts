/**
 * Chinese messages for zod issues, each prefixed with the JSON path of the offending value,
 * so a clerk or a hospital integrator sees exactly which field of which item is wrong.
 */
import type { z } from 'zod';

type RawIssue = z.core.$ZodRawIssue;

/** Per-parse zod error map: a clear zh-CN text for every generic issue kind. */
export function chineseIssueMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '缺少必填字段';
      return `应为${typeName(issue.expected)}，实际为${describeValue(issue.input)}`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_value':
      if (issue.input === undefined) return '缺少必填字段';
      return `取值 ${describeValue(issue.input)} 无效，应为 ${issue.values.map((v) => JSON.stringify(v)).join(' / ')} 之一`;
    case 'too_small':
      if (issue.origin === 'array') return `至少需要 ${String(issue.minimum)} 项`;
      if (issue.origin === 'string') return '不能为空';
      return `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `最多 ${String(issue.maximum)} 项`;
      if (issue.origin === 'string') return `长度不能超过 ${String(issue.maximum)}`;
      return `不能大于 ${String(issue.maximum)}`;
    case 'invalid_format':
      return '格式无效';
    case 'invalid_key':
      return '字段名无效';
    default:
      return '取值无效';
  }
}

/** A JSON path as written in JavaScript: items[1].amount. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(整体)' : out;
}

/** All issues as lines "path: message", in document order. */
export function formatIssues(issues: ReadonlyArray<z.core.$ZodIssue>): string[] {
  return issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: '文本',
    number: '数字',
    int: '整数',
    boolean: '布尔值 true/false',
    object: '对象 {…}',
    array: '数组 […]',
    null: 'null',
  };
  return names[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '数组';
  if (typeof value === 'object') return '对象';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}
