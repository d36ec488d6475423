/**
 * How a browser-mode tab proves it was opened by whoever started the host (see
 * electron/host/bridge-sessions.ts): the launch URL's `#launch=SECRET` fragment, which is taken out of the
 * address bar at once, or, after a reload, the session token this tab got for it, kept in sessionStorage
 * (per tab, gone when the tab closes). Pure over the injected location, history and storage.
 */
import { LAUNCH_FRAGMENT_KEY, type BridgeHello } from '../../../electron/contract/bridge';

export const SESSION_STORAGE_KEY = 'counter.bridgeSession';

export type Credential = BridgeHello['hello'];

export interface LocationLike {
  pathname: string;
  search: string;
  hash: string;
}
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
export type HistoryLike = Pick<History, 'replaceState'>;

/** The credential to say hello with; a launch secret in the fragment wins and is removed from the URL. */
export function takeCredential(location: LocationLike, history: HistoryLike, storage: StorageLike): Credential | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const secret = params.get(LAUNCH_FRAGMENT_KEY);
  if (params.has(LAUNCH_FRAGMENT_KEY)) {
    params.delete(LAUNCH_FRAGMENT_KEY);
    const rest = params.toString();
    history.replaceState(null, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  }
  if (secret) return { launch: secret };
  const session = storage.getItem(SESSION_STORAGE_KEY);
  return session ? { session } : null;
}

export function rememberSession(storage: StorageLike, token: string): void {
  storage.setItem(SESSION_STORAGE_KEY, token);
}

export function forgetSession(storage: StorageLike): void {
  storage.removeItem(SESSION_STORAGE_KEY);
}

/** Why this tab cannot reach the host, for the clerk: what happened and how to get a new link. */
export interface Refusal {
  code: string;
  title: string;
  detail: string;
  remedy: string;
}

export const NEW_LINK_REMEDY =
  '请使用新的打开链接：在启动工作站的命令行窗口中可以看到，也保存在工作站数据目录的 browser-launch.url 文件中。每个链接只能打开一次。';

export function describeRefusal(code: string, serverMessage?: string): Refusal {
  const detail =
    code === 'no-credential'
      ? '此页面不是通过工作站给出的打开链接打开的。'
      : code === 'session-invalid'
        ? serverMessage ?? '会话已失效（工作站服务可能已重新启动）。'
        : code === 'launch-invalid'
          ? serverMessage ?? '打开链接无效或已被使用过。'
          : serverMessage ?? '工作站服务拒绝了此页面的连接。';
  return { code, title: '无法连接工作站', detail, remedy: NEW_LINK_REMEDY };
}
