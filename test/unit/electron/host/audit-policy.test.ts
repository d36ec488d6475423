import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { methodNames, methods } from '../../../../electron/contract/api';
import { auditPolicy } from '../../../../electron/host/audit-policy';
import { personalFieldsOf } from '../../../helpers/personal-fields';

describe('audit policy covers the contract', () => {
  it('has a decision (a rule or null) for exactly the contract’s methods', () => {
    expect(Object.keys(auditPolicy).sort()).toEqual([...methodNames].sort());
  });

  it('every method that takes or returns a person’s data has an audit rule', () => {
    const unaudited = methodNames.filter((m) => {
      const personal = [...personalFieldsOf(methods[m].input), ...personalFieldsOf(methods[m].output)];
      return personal.length > 0 && auditPolicy[m] === null;
    });
    expect(unaudited).toEqual([]);
  });

  it('the walk finds personal fields nested in arrays, unions and nullables (so the check above can fail)', () => {
    const schema = z.object({ items: z.array(z.discriminatedUnion('k', [z.object({ k: z.literal('a'), inner: z.object({ psn_name: z.string() }).nullable() })])) });
    expect(personalFieldsOf(schema)).toEqual(['psn_name']);
    expect(personalFieldsOf(methods['cases.recent'].output)).toContain('applicantName');
    expect(personalFieldsOf(methods['person.lookup'].input)).toContain('certNo');
    expect(personalFieldsOf(methods['devices.list'].output)).toEqual([]);
  });

  it('the listed views, changes, prints and configuration are audited', () => {
    const required = [
      'person.lookup', 'cases.history', 'cases.recent', 'cases.receipt', 'cases.receiptPdf', 'cases.noticePdf', 'queue.list', 'queue.attempts',
      'idCard.read', 'sscard.read', 'reimbursement.calculate', 'cases.accept', 'cases.cancel', 'printer.printReceipt', 'printer.reprint',
      'cases.printA4', 'devices.configure',
    ] as const;
    expect(required.filter((m) => auditPolicy[m] === null)).toEqual([]);
  });
});
