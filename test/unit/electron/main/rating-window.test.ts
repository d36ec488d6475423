/** The citizen screen's window: which display it takes, what it loads, and that it is as locked down as the desk. */
import { describe, expect, it } from 'vitest';
import { citizenScreenUrl, pickCitizenDisplay } from '../../../../electron/main/rating-window';
import { citizenWindowOptions, mainWindowOptions } from '../../../../electron/main/security/window-options';

const d = (id: number, x = 0) => ({ id, bounds: { x, y: 0, width: 1024, height: 600 } });

describe('the citizen screen window', () => {
  it('takes the first display that is not the primary, and none when there is only one', () => {
    expect(pickCitizenDisplay([d(1), d(2, 1920), d(3, 3000)], 1)?.id).toBe(2);
    expect(pickCitizenDisplay([d(5, -1024), d(1)], 1)?.id).toBe(5);
    expect(pickCitizenDisplay([d(1)], 1)).toBeNull();
    expect(pickCitizenDisplay([], 1)).toBeNull();
  });

  it('loads the renderer entry at #/rate, replacing any fragment', () => {
    expect(citizenScreenUrl('app://counter/index.html')).toBe('app://counter/index.html#/rate');
    expect(citizenScreenUrl('http://127.0.0.1:5173/#x')).toBe('http://127.0.0.1:5173/#/rate');
  });

  it('has the desk window’s locked-down web preferences, fullscreen on its display, without frame or DevTools when packaged', () => {
    const bounds = d(2, 1920).bounds;
    const citizen = citizenWindowOptions({ preload: '/p.cjs', isPackaged: true, bounds });
    const desk = mainWindowOptions({ preload: '/p.cjs', isPackaged: true });
    expect(citizen.webPreferences).toEqual(desk.webPreferences);
    expect(citizen).toMatchObject({ ...bounds, fullscreen: true, frame: false, closable: false });
    expect(citizen.webPreferences?.devTools).toBe(false);
  });
});
