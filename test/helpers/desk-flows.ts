/**
 * The desk's common steps as a clerk does them, shared by the e2e tests: read the simulated ID card, fill the
 * 特门 (门诊慢特病备案) form. Each test keeps its own assertions; these only drive the page.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Places the simulator's ID card, reads it and waits for the platform's person (the 人员编号). */
export async function readCard(page: Page, timeout = 15_000): Promise<void> {
  await page.getByTestId('sim-place').click();
  await page.getByTestId('read-id').click();
  await page.getByTestId('psn-no').waitFor({ timeout });
}

/** What the 特门 form is filled with; the default is a 高血压 filing at the sample hospital. */
export interface SpecialDiseaseFill {
  /** Typed into the 病种 filter (pinyin initials) … */
  filter: string;
  /** … and the 病种 code the select must then hold. */
  code: string;
  hospitalCode: string;
  hospitalName: string;
  doctorCode: string;
  doctorName: string;
  tel: string;
  /** Tick every material with 全部已收 (false: the test ticks its own). */
  allMaterials: boolean;
}

const DEFAULT_FILL: SpecialDiseaseFill = {
  filter: 'gxy',
  code: 'M03900',
  hospitalCode: 'H99010100001',
  hospitalName: '示例市第一人民医院',
  doctorCode: 'D001',
  doctorName: '王医生',
  tel: '13800000001',
  allMaterials: true,
};

/** Fills the 特门 form on the desk (not submitted: the test clicks 受理 when it has checked what it wants). */
export async function fillSpecialDisease(page: Page, overrides: Partial<SpecialDiseaseFill> = {}): Promise<void> {
  const fill = { ...DEFAULT_FILL, ...overrides };
  await page.getByTestId('disease-filter').fill(fill.filter);
  await expect.poll(() => page.getByTestId('disease').inputValue()).toBe(fill.code);
  await page.getByTestId('sd-hospital-code').fill(fill.hospitalCode);
  await page.getByTestId('sd-hospital-name').fill(fill.hospitalName);
  await page.getByTestId('sd-doctor-code').fill(fill.doctorCode);
  await page.getByTestId('sd-doctor-name').fill(fill.doctorName);
  await page.getByTestId('sd-tel').fill(fill.tel);
  if (fill.allMaterials) await page.getByTestId('materials-all').click();
}
