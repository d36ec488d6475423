/**
 * One upload attempt of the outbox (outbox_attempts) as the clerk reads it: what was done (send, the 查询 of
 * an unknown outcome, the 2601 冲正) and how it ended. The 上报队列 and the 办件 detail both list attempts.
 */
const ACTION_NAMES: Record<string, string> = { send: '发送', query: '查询', reverse: '冲正' };
const OUTCOME_NAMES: Record<string, string> = {
  ok: '成功',
  refused: '被拒绝',
  unknown: '结果未知',
  error: '失败',
  found: '已查到',
  'not-found': '未查到',
  interrupted: '被中断',
  'not-ours': '他人已办理',
};

/** The attempt's action in words; an unknown code as it is. */
export const attemptActionName = (action: string): string => ACTION_NAMES[action] ?? action;

/** How the attempt ended in words; an attempt with no outcome yet is 进行中. */
export const attemptOutcomeName = (outcome: string | null): string => (outcome ? (OUTCOME_NAMES[outcome] ?? outcome) : '进行中');
