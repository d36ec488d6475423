import { describe, expect, it } from 'vitest';
import { DeviceId } from '../../../../../electron/contract/features/devices';
import { ReimbursementForm, RemoteRegType, ServiceKind } from '../../../../../electron/contract/features/cases';
import { DeviceStatus } from '../../../../../electron/contract/schemas';
import { CASE_KIND_NAMES, SERVICE_KINDS } from '../../../../../electron/contract/vocabulary/case-kinds';
import { DEVICE_IDS, DEVICE_NAMES } from '../../../../../electron/contract/vocabulary/devices';
import { CASE_INSUTYPES, INSUTYPE_NAMES } from '../../../../../electron/contract/vocabulary/insurance-types';
import { OUT_OF_AREA, OUT_OF_AREA_NAMES, REIMBURSEMENT_REASON_NAMES, REIMBURSEMENT_REASONS, VISIT_TYPE_NAMES, VISIT_TYPES } from '../../../../../electron/contract/vocabulary/reimbursement';
import {
  isTemporaryRegType,
  LONG_TERM_REG_TYPES,
  REMOTE_REG_TYPE_NAMES,
  REMOTE_REG_TYPES,
  TEMPORARY_REG_TYPES,
} from '../../../../../electron/contract/vocabulary/remote-registration';
import { kioskMayAccept } from '../../../../../electron/contract/access-policy';
import { CASE_KINDS } from '../../../../../electron/services/cases/case-schema';
import { RemoteRegistrationPayload } from '../../../../../electron/services/outbox/case-payloads';

describe('the vocabulary homes', () => {
  it('split the six 备案类型 into three long-term and three temporary ones, and the kiosk files only the temporary', () => {
    expect([...LONG_TERM_REG_TYPES, ...TEMPORARY_REG_TYPES].sort()).toEqual([...REMOTE_REG_TYPES].sort());
    expect(TEMPORARY_REG_TYPES).toEqual(['referral', 'emergency', 'otherTemporary']);
    for (const t of REMOTE_REG_TYPES) {
      expect(kioskMayAccept({ kind: 'remote-registration', form: { regType: t } })).toBe(TEMPORARY_REG_TYPES.includes(t));
    }
    for (const bad of ['', 'REFERRAL', 'toString', 42, null]) {
      expect(isTemporaryRegType(bad)).toBe(false);
      expect(kioskMayAccept({ kind: 'remote-registration', form: { regType: bad } })).toBe(false);
    }
  });

  it('are what the form schema and the payload check accept, and the payload refusal names every code', () => {
    expect(RemoteRegType.options).toEqual([...REMOTE_REG_TYPES]);
    const payload = RemoteRegistrationPayload.safeParse({ regType: 'abroad' });
    expect(payload.success).toBe(false);
    const issue = payload.error?.issues.find((i) => i.path[0] === 'regType');
    expect(issue?.message).toBe('备案类型应为 retiredResettled/longTermResidence/residentWorker/referral/emergency/otherTemporary 之一');
    expect([...ReimbursementForm.shape.reason.options].sort()).toEqual([...REIMBURSEMENT_REASONS].sort());
    expect(ReimbursementForm.shape.visitType.options).toEqual([...VISIT_TYPES]);
    expect(ReimbursementForm.shape.outOfArea.options).toEqual([...OUT_OF_AREA]);
    expect(ServiceKind.options).toEqual([...SERVICE_KINDS]);
    expect(DeviceId.options).toEqual([...DEVICE_IDS]);
    expect(DeviceStatus.shape.kind.options).toEqual([...DEVICE_IDS]);
  });

  it('give every code a Chinese name', () => {
    const named = (names: Record<string, string>, codes: readonly string[]) => {
      expect(Object.keys(names).sort()).toEqual([...codes].sort());
      for (const c of codes) expect(names[c]).toMatch(/[\u4e00-\u9fff]/);
    };
    named(REMOTE_REG_TYPE_NAMES, REMOTE_REG_TYPES);
    named(REIMBURSEMENT_REASON_NAMES, REIMBURSEMENT_REASONS);
    named(VISIT_TYPE_NAMES, VISIT_TYPES);
    named(OUT_OF_AREA_NAMES, OUT_OF_AREA);
    named(DEVICE_NAMES, DEVICE_IDS);
    for (const i of CASE_INSUTYPES) expect(INSUTYPE_NAMES[i]).toMatch(/基本医疗保险$/);
  });

  it('name every kind the cases table accepts (its migration keeps a frozen copy of the list)', () => {
    expect(Object.keys(CASE_KIND_NAMES).sort()).toEqual([...CASE_KINDS].sort());
  });
});
