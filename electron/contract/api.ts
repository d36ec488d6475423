/**
 * The contract: every method the renderer may call and every event it may receive, each with zod schemas.
 * The preload bridge, the IPC handlers, the WebSocket bridge and the renderer's typed client all derive from
 * these two maps; nothing crosses the boundary that they do not name. Each feature declares its part in
 * ./features/<feature>.ts; this file only joins them.
 */
import type { z } from 'zod';
import { appEvents, appMethods } from './features/app';
import { authMethods } from './features/auth';
import { casesMethods } from './features/cases';
import { cataloguesMethods } from './features/catalogues';
import { devicesEvents, devicesMethods } from './features/devices';
import { daySummaryMethods } from './features/day-summary';
import { paperMethods } from './features/paper';
import { personMethods } from './features/person';
import { platformEvents, platformMethods } from './features/platform';
import { ratingEvents, ratingMethods } from './features/rating';
import { receptionMethods } from './features/reception';
import { settingsMethods } from './features/settings';
import type { MethodSpec } from './spec';

export type { MethodSpec } from './spec';

export const methods = {
  ...appMethods,
  ...authMethods,
  ...receptionMethods,
  ...devicesMethods,
  ...platformMethods,
  ...personMethods,
  ...casesMethods,
  ...cataloguesMethods,
  ...ratingMethods,
  ...settingsMethods,
  ...paperMethods,
  ...daySummaryMethods,
} as const satisfies Record<string, MethodSpec>;

export const events = {
  ...appEvents,
  ...devicesEvents,
  ...platformEvents,
  ...ratingEvents,
} as const satisfies Record<string, z.ZodType>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}
