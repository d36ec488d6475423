/**
 * The kiosk's materials rule (electron/services/cases/materials.ts, channel 'kiosk'): a self-service kiosk
 * certifies only what the machine verified (its card read) and the promise confirmed on its screen — for a
 * temporary 异地备案 only — and anything else it sends is refused in Chinese. The counter's lists are unchanged.
 */
import { describe, expect, it } from 'vitest';
import { LONG_TERM_REG_TYPES, REMOTE_REG_TYPES, TEMPORARY_REG_TYPES } from '../../../../../electron/contract/vocabulary/remote-registration';
import { checkMaterials, KIOSK_MATERIAL_IDS, materialsChecklist, UnknownMaterialError } from '../../../../../electron/services/cases/materials';

const ids = (list: Array<{ id: string }>) => list.map((m) => m.id);

describe('the kiosk checklist', () => {
  it.each(TEMPORARY_REG_TYPES)('a temporary 异地备案 (%s) needs the card read and the on-screen promise, both main', (regType) => {
    const list = materialsChecklist({ kind: 'remote-registration', regType }, 'kiosk');
    expect(ids(list)).toEqual(['kiosk-card-read', 'kiosk-promise']);
    expect(list.every((m) => m.level === 'main' && m.anyOf === null)).toBe(true);
    expect(list.map((m) => m.name)).toEqual(['有效身份证件（本机读卡核验）', '个人承诺（屏幕确认）']);
  });

  it.each(LONG_TERM_REG_TYPES)('a long-term 备案 (%s) has no kiosk checklist', (regType) => {
    expect(materialsChecklist({ kind: 'remote-registration', regType }, 'kiosk')).toEqual([]);
  });

  it('nor does any other service', () => {
    expect(materialsChecklist({ kind: 'special-disease' }, 'kiosk')).toEqual([]);
    expect(materialsChecklist({ kind: 'reimbursement', visitType: 'inpatient' }, 'kiosk')).toEqual([]);
  });

  it('the counter lists never carry the kiosk items, and default to the counter', () => {
    for (const regType of REMOTE_REG_TYPES) {
      const counter = ids(materialsChecklist({ kind: 'remote-registration', regType }));
      expect(counter).toEqual(ids(materialsChecklist({ kind: 'remote-registration', regType }, 'counter')));
      for (const k of KIOSK_MATERIAL_IDS) expect(counter).not.toContain(k);
      expect(counter).toContain('rr-form');
    }
  });
});

describe('checking what a kiosk sent', () => {
  const list = materialsChecklist({ kind: 'remote-registration', regType: 'otherTemporary' }, 'kiosk');

  it('both items: nothing missing', () => {
    const check = checkMaterials(list, ['kiosk-card-read', 'kiosk-promise'], 'kiosk');
    expect(check.missingMain).toEqual([]);
    expect(check.missingMinor).toEqual([]);
    expect(check.received.map((m) => m.name)).toEqual(['有效身份证件（本机读卡核验）', '个人承诺（屏幕确认）']);
  });

  it('without the promise: it is missing (main)', () => {
    expect(checkMaterials(list, ['kiosk-card-read'], 'kiosk').missingMain.map((m) => m.material)).toEqual(['个人承诺（屏幕确认）']);
  });

  it.each([['rr-form'], ['id-document'], ['id-copy', 'kiosk-promise'], ['rr-promise-letter'], ['kiosk-card-read', 'made-up']])(
    'a material the citizen would certify themself (%s) is refused in Chinese',
    (...sent) => {
      let err: unknown;
      try {
        checkMaterials(list, sent, 'kiosk');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(UnknownMaterialError);
      expect((err as Error).message).toMatch(/^自助终端不能自行确认材料（.+）：自助办理只认本机读卡核验的证件和屏幕上确认的个人承诺/);
      expect((err as UnknownMaterialError).ids).toEqual(sent.filter((id) => !KIOSK_MATERIAL_IDS.includes(id)));
    },
  );

  it('a counter that sends a kiosk item gets the counter’s message', () => {
    const counter = materialsChecklist({ kind: 'remote-registration', regType: 'otherTemporary' });
    expect(() => checkMaterials(counter, ['kiosk-promise'])).toThrow('材料清单中没有这些材料: kiosk-promise');
  });
});
