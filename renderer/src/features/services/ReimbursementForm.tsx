import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ReimbursementForm as Schema } from '../../../../electron/contract/features/cases';
import { OUT_OF_AREA, OUT_OF_AREA_NAMES, REIMBURSEMENT_REASON_NAMES, REIMBURSEMENT_REASONS, VISIT_TYPE_NAMES, VISIT_TYPES } from '../../../../electron/contract/vocabulary/reimbursement';
import { api, errorMessage } from '../../api/client';
import { FeePasteReport } from '../../keyboard/FeePasteReport';
import { useFeeItemsPaste } from '../../keyboard/useFeeItemsPaste';
import { CalculationView } from './CalculationView';
import { useCases } from './cases-store';
import { AcceptButton, Field, InsutypeField } from './Field';
import { today } from './labels';
import { MaterialsChecklist } from './MaterialsChecklist';
import { admdvsFor, caseInsutypesOf, type CasePerson } from './usePersonForCase';

type Values = z.input<typeof Schema>;
type RetiredChoice = 'auto' | 'yes' | 'no';

/** 零星报销: the bill in 元 (exact, converted to 分 by the host), invoices, 试算 through the policy engine, then 受理. */
export function ReimbursementForm({ person }: { person: CasePerson }) {
  const [materials, setMaterials] = useState<string[]>([]);
  const [promiseSigned, setPromise] = useState(false);
  const [retired, setRetired] = useState<RetiredChoice>('auto');
  const [calculating, setCalculating] = useState(false);
  const [diseases, setDiseases] = useState<Array<{ code: string; name: string }>>([]);
  const { submit, submitting, calculation, setCalculation, setError } = useCases();
  const insutypes = caseInsutypesOf(person);
  const { register, control, handleSubmit, formState, watch, getValues } = useForm<Values, unknown, z.output<typeof Schema>>({
    resolver: zodResolver(Schema),
    defaultValues: {
      insutype: insutypes[0]?.insutype ?? '',
      reason: '03',
      hospitalCode: '',
      hospitalName: '',
      hospitalLevel: '3',
      visitType: 'inpatient',
      begndate: today(),
      enddate: today(),
      outOfArea: 'none',
      diseaseCode: '',
      retired: null,
      items: [{ name: '', category: '甲', amount: '', overLimit: '', selfPayRatio: '' }],
      invoices: [{ code: '', no: '', amount: '' }],
      memo: '',
    },
  });
  const items = useFieldArray({ control, name: 'items' });
  const paste = useFeeItemsPaste({ rows: () => getValues('items'), replace: items.replace });
  const invoices = useFieldArray({ control, name: 'invoices' });
  const visitType = watch('visitType');
  const reason = watch('reason');
  const e = formState.errors;
  useEffect(() => {
    api.call('catalog.diseases').then(setDiseases).catch(() => undefined);
    setCalculation(null);
  }, [setCalculation]);
  const withRetired = (form: z.output<typeof Schema>) => ({ ...form, retired: retired === 'auto' ? null : retired === 'yes' });

  const onCalculate = handleSubmit(async (form) => {
    setCalculating(true);
    setError(null);
    try {
      setCalculation(await api.call('reimbursement.calculate', { psnNo: person.psnNo, form: withRetired(form) }));
    } catch (err) {
      setCalculation(null);
      setError(errorMessage(err));
    } finally {
      setCalculating(false);
    }
  });

  return (
    <form
      className="svc-form"
      aria-label="零星报销"
      onSubmit={handleSubmit((form) =>
        submit({ kind: 'reimbursement', psnNo: person.psnNo, insuplcAdmdvs: admdvsFor(person, form.insutype), materials, promiseSigned, form: withRetired(form) }),
      )}
    >
      <div className="svc-grid">
        <InsutypeField registration={register('insutype')} error={e.insutype} insutypes={insutypes} />
        <Field label="报销原因" error={e.reason}>
          <select {...register('reason')}>
            {REIMBURSEMENT_REASONS.map((r) => (
              <option key={r} value={r}>
                {`${r} ${REIMBURSEMENT_REASON_NAMES[r]}`}
              </option>
            ))}
          </select>
        </Field>
        <Field label="就诊类型" error={e.visitType}>
          <select {...register('visitType')} data-testid="visit-type">
            {VISIT_TYPES.map((v) => (
              <option key={v} value={v}>
                {VISIT_TYPE_NAMES[v]}
              </option>
            ))}
          </select>
        </Field>
        {visitType === 'special' && (
          <Field label="慢特病病种" error={e.diseaseCode}>
            <select {...register('diseaseCode')}>
              <option value="">请选择病种</option>
              {diseases.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}（{d.code}）
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label="异地就医" error={e.outOfArea}>
          <select {...register('outOfArea')}>
            {OUT_OF_AREA.map((o) => (
              <option key={o} value={o}>
                {OUT_OF_AREA_NAMES[o]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="就诊机构编码" error={e.hospitalCode}>
          <input {...register('hospitalCode')} data-testid="rb-hospital-code" />
        </Field>
        <Field label="就诊机构名称" error={e.hospitalName}>
          <input {...register('hospitalName')} data-testid="rb-hospital-name" />
        </Field>
        <Field label="医院等级" error={e.hospitalLevel}>
          <select {...register('hospitalLevel')}>
            <option value="1">一级</option>
            <option value="2">二级</option>
            <option value="3">三级</option>
          </select>
        </Field>
        <Field label="就诊（入院）日期" error={e.begndate}>
          <input type="date" {...register('begndate')} data-testid="rb-begndate" />
        </Field>
        <Field label="结束（出院）日期" error={e.enddate}>
          <input type="date" {...register('enddate')} data-testid="rb-enddate" />
        </Field>
        <Field label="退休状态">
          <select value={retired} onChange={(ev) => setRetired(ev.target.value as RetiredChoice)}>
            <option value="auto">按平台人员类别</option>
            <option value="yes">退休</option>
            <option value="no">在职</option>
          </select>
        </Field>
      </div>

      <section className="svc-section" aria-label="费用明细">
        <h3>费用明细（金额单位：元）</h3>
        <table className="svc-table" onPaste={paste.onPaste}>
          <thead>
            <tr>
              <th>项目名称</th>
              <th>类别</th>
              <th>金额</th>
              <th>超限价金额</th>
              <th>先行自付%（乙类）</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.fields.map((f, i) => {
              const ie = e.items?.[i];
              return (
                <tr key={f.id}>
                  <td>
                    <input {...register(`items.${i}.name`)} aria-label={`第${i + 1}项名称`} data-testid={`item-name-${i}`} />
                    {ie?.name && <em className="field-error">{ie.name.message}</em>}
                  </td>
                  <td className="tight">
                    <select className="category" {...register(`items.${i}.category`)} aria-label={`第${i + 1}项类别`} data-testid={`item-cat-${i}`}>
                      <option value="甲">甲</option>
                      <option value="乙">乙</option>
                      <option value="丙">丙</option>
                    </select>
                  </td>
                  <td>
                    <input {...register(`items.${i}.amount`)} inputMode="decimal" aria-label={`第${i + 1}项金额`} data-testid={`item-amount-${i}`} />
                    {ie?.amount && <em className="field-error">{ie.amount.message}</em>}
                  </td>
                  <td>
                    <input {...register(`items.${i}.overLimit`)} inputMode="decimal" aria-label={`第${i + 1}项超限价金额`} />
                    {ie?.overLimit && <em className="field-error">{ie.overLimit.message}</em>}
                  </td>
                  <td>
                    <input {...register(`items.${i}.selfPayRatio`)} inputMode="decimal" aria-label={`第${i + 1}项先行自付比例`} data-testid={`item-ratio-${i}`} />
                    {ie?.selfPayRatio && <em className="field-error">{ie.selfPayRatio.message}</em>}
                  </td>
                  <td className="tight">
                    <button type="button" className="link" onClick={() => items.remove(i)} disabled={items.fields.length === 1} data-shortcut="delete-row">
                      删除
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {e.items?.message && <em className="field-error">{e.items.message}</em>}
        <FeePasteReport report={paste.report} onDismiss={paste.dismiss} />
        <button type="button" onClick={() => items.append({ name: '', category: '乙', amount: '', overLimit: '', selfPayRatio: '' })} data-testid="add-item" data-shortcut="add-row">
          + 增加费用项目 <kbd>Alt+N</kbd>
        </button>
      </section>

      <section className="svc-section" aria-label="票据">
        <h3>票据（每张票据只能报销一次）</h3>
        <table className="svc-table">
          <thead>
            <tr>
              <th>票据代码</th>
              <th>票据号码</th>
              <th>票据金额（元）</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {invoices.fields.map((f, i) => {
              const ie = e.invoices?.[i];
              return (
                <tr key={f.id}>
                  <td>
                    <input {...register(`invoices.${i}.code`)} aria-label={`第${i + 1}张票据代码`} data-testid={`inv-code-${i}`} />
                    {ie?.code && <em className="field-error">{ie.code.message}</em>}
                  </td>
                  <td>
                    <input {...register(`invoices.${i}.no`)} aria-label={`第${i + 1}张票据号码`} data-testid={`inv-no-${i}`} />
                    {ie?.no && <em className="field-error">{ie.no.message}</em>}
                  </td>
                  <td>
                    <input {...register(`invoices.${i}.amount`)} inputMode="decimal" aria-label={`第${i + 1}张票据金额`} data-testid={`inv-amount-${i}`} />
                    {ie?.amount && <em className="field-error">{ie.amount.message}</em>}
                  </td>
                  <td className="tight">
                    <button type="button" className="link" onClick={() => invoices.remove(i)} disabled={invoices.fields.length === 1} data-shortcut="delete-row">
                      删除
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {e.invoices?.message && <em className="field-error">{e.invoices.message}</em>}
        <button type="button" onClick={() => invoices.append({ code: '', no: '', amount: '' })} data-shortcut="add-row">
          + 增加票据 <kbd>Alt+N</kbd>
        </button>
      </section>

      {calculation && <CalculationView calc={calculation} />}

      <MaterialsChecklist query={{ kind: 'reimbursement', visitType, reason }} value={materials} onChange={setMaterials} promiseSigned={promiseSigned} onPromise={setPromise} />
      <div className="svc-actions">
        <button type="button" onClick={() => void onCalculate()} disabled={calculating} data-testid="calculate" data-shortcut="calculate">
          {calculating ? '正在试算…' : '试算'} <kbd>F8</kbd>
        </button>
        <AcceptButton submitting={submitting} />
      </div>
    </form>
  );
}
