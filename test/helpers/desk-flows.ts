/**
 * The desk's forms filled the way a clerk does, for e2e tests and the Chromium benchmarks: one place for the
 * field values every flow types, so a form change is fixed here once. Each function leaves the form ready to
 * 受理 (materials ticked) but does not press it; `acceptCase` does, and returns the 办件编号 from the receipt.
 * Playwright waits only (no vitest import), so the benchmarks use them too.
 */
import type { Page } from 'playwright-core';

/** Waits until the element with `testId` matches `check` in the page (a value, a class), or fails after `timeout`. */
function waitForTestId(page: Page, testId: string, check: 'value' | 'class', expected: string, timeout = 10_000): Promise<unknown> {
  return page.waitForFunction(
    ([id, kind, want]) => {
      const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-testid="${id}"]`);
      return !!el && (kind === 'value' ? el.value === want : el.classList.contains(want));
    },
    [testId, check, expected] as const,
    { timeout },
  );
}

/** Places the simulator's ID card and reads it with the button; waits for the platform's 人员编号. */
export async function readIdCard(page: Page, timeout = 20_000): Promise<void> {
  await page.getByTestId('sim-place').click();
  await page.getByTestId('read-id').click();
  await page.getByTestId('psn-no').waitFor({ timeout });
}

export interface SpecialDiseaseValues {
  /** Pinyin initials typed into the 病种 search, and the code the select must then show. */
  filter: string;
  code: string;
  hospitalCode: string;
  hospitalName: string;
  doctorCode: string;
  doctorName: string;
  tel: string;
  /** Tick every material with 全部收齐 (false: the test ticks or attaches its own). */
  allMaterials: boolean;
}

const SPECIAL_DISEASE_DEFAULTS: SpecialDiseaseValues = {
  filter: 'gxy',
  code: 'M03900',
  hospitalCode: 'H99010100001',
  hospitalName: '示例市第一人民医院',
  doctorCode: 'D001',
  doctorName: '王医生',
  tel: '13800000001',
  allMaterials: true,
};

/** 门诊慢特病备案 for the person on the desk: 病种 by pinyin search, hospital, doctor, phone, materials. */
export async function fillSpecialDisease(page: Page, overrides: Partial<SpecialDiseaseValues> = {}): Promise<void> {
  const v = { ...SPECIAL_DISEASE_DEFAULTS, ...overrides };
  await page.getByRole('tab', { name: '门诊慢特病' }).click();
  await page.getByRole('form', { name: '门诊慢特病备案' }).waitFor();
  await page.getByTestId('disease-filter').fill(v.filter);
  await waitForTestId(page, 'disease', 'value', v.code);
  await page.getByTestId('sd-hospital-code').fill(v.hospitalCode);
  await page.getByTestId('sd-hospital-name').fill(v.hospitalName);
  await page.getByTestId('sd-doctor-code').fill(v.doctorCode);
  await page.getByTestId('sd-doctor-name').fill(v.doctorName);
  await page.getByTestId('sd-tel').fill(v.tel);
  if (v.allMaterials) await page.getByTestId('materials-all').click();
}

/** 异地就医备案 to 北京市 (110100) through the region picker, phone, address, every material. */
export async function fillRemoteRegistration(page: Page, v: { regType?: string; tel?: string; addr?: string } = {}): Promise<void> {
  await page.getByRole('tab', { name: '异地就医备案' }).click();
  await page.getByRole('form', { name: '异地就医备案' }).waitFor();
  if (v.regType) await page.getByTestId('reg-type').selectOption(v.regType);
  await page.getByTestId('rr-admdvs').fill('110100'); // the picker searches; Enter chooses the exact code
  await page.getByTestId('rr-admdvs-options').getByRole('option', { name: /北京市\s*110100/ }).waitFor();
  await page.getByTestId('rr-admdvs').press('Enter');
  await page.getByTestId('rr-tel').fill(v.tel ?? '13800000002');
  await page.getByTestId('rr-addr').fill(v.addr ?? '北京市朝阳区某小区 1 号楼');
  await page.getByTestId('materials-all').click();
}

/**
 * 零星报销 of 500.00 元 at an out-of-province hospital: 床位费 370.00, an 乙类 drug 100.00 with 10% 先行自付,
 * a 丙类 consumable 30.00, one invoice of 500.00 (`invoiceNo` differs per case: the desk refuses a claimed one).
 */
export async function fillReimbursement(page: Page, v: { invoiceNo?: string } = {}): Promise<void> {
  await page.getByRole('tab', { name: '零星报销' }).click();
  await page.getByRole('form', { name: '零星报销' }).waitFor();
  await page.getByTestId('rb-hospital-code').fill('H11010100009');
  await page.getByTestId('rb-hospital-name').fill('外省某三甲医院');
  await page.getByTestId('item-name-0').fill('床位费');
  await page.getByTestId('item-amount-0').fill('370');
  await page.getByTestId('add-item').click();
  await page.getByTestId('item-name-1').fill('某乙类药');
  await page.getByTestId('item-amount-1').fill('100.00');
  await page.getByTestId('item-ratio-1').fill('10');
  await page.getByTestId('add-item').click();
  await page.getByTestId('item-name-2').fill('自费耗材');
  await page.getByTestId('item-cat-2').selectOption('丙');
  await page.getByTestId('item-amount-2').fill('30');
  await page.getByTestId('inv-code-0').fill('110101');
  await page.getByTestId('inv-no-0').fill(v.invoiceNo ?? '00000001');
  await page.getByTestId('inv-amount-0').fill('500');
  await page.getByTestId('materials-all').click();
}

/** Presses 受理 and waits for the 受理回执; returns its 办件编号. */
export async function acceptCase(page: Page, timeout = 20_000): Promise<string> {
  await page.getByTestId('submit-case').click();
  await page.getByTestId('receipt').waitFor({ timeout });
  return page.getByTestId('receipt-case-no').innerText();
}

/** The embedded platform simulator's fault, chosen on the 上报队列 page as the trainer does; back to 受理台 after. */
export async function setPlatformFault(page: Page, fault: 'none' | 'offline' | 'server-error' | 'lost-reply' | 'refuse'): Promise<void> {
  await page.getByRole('button', { name: '上报队列' }).click();
  await page.getByTestId(`sim-platform-${fault}`).click();
  await waitForTestId(page, `sim-platform-${fault}`, 'class', 'active');
  await page.getByRole('button', { name: '受理台' }).click();
}
