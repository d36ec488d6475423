import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ReimbursementForm as Schema } from '../../../../electron/contract/features/cases';
import { OUT_OF_AREA, OUT_OF_AREA_NAMES, REIMBURSEMENT_REASON_NAMES, REIMBURSEMENT_REASONS, VISIT_TYPE_NAMES, VISIT_TYPES } from '../../../../electron/contract/vocabulary/reimbursement';
import { normalizeAmount, normalizeCode, normalizeNumber } from '../../../../shared/normalize';
import { DESK_MARKS, deskMark } from '../../perf-marks';
import { api, errorMessage } from '../../api/client';
import { FeePasteReport } from '../../keyboard/FeePasteReport';
import { useFeeItemsPaste } from '../../keyboard/useFeeItemsPaste';
import { CalculationView } from './CalculationView';
import { useCases } from './cases-store';
import { DraftNote } from './DraftNote';
import { AcceptButton, Field, InsutypeField } from './Field';
import { focusFirstError } from './form-focus';
import { placeScannedInvoice, scannedRow } from './invoice-rows';
import { useEInvoiceScans } from './invoice-scan';
import { today } from './labels';
import { MaterialsChecklist } from './MaterialsChecklist';
import { normalizedOnBlur } from './normalize-input';
import { useNoticeGate } from './NoticeConfirm';
import { useDraftSaver, useStartingDraft } from './use-draft';
import { admdvsFor, caseInsutypesOf, initialMaterials, type CasePerson } from './usePersonForCase';

type Values = z.input<typeof Schema>;
type RetiredChoice = 'auto' | 'yes' | 'no';

/** 零星报销: the bill in 元 (exact, converted to 分 by the host), invoices, 试算 through the policy engine, then 受理. */
export function ReimbursementForm({ person }: { person: CasePerson }) {
  const draft = useStartingDraft<Values>('reimbursement', person.psnNo);
  const [materials, setMaterials] = useState<string[]>(draft?.materials ?? initialMaterials(person));
  const [promiseSigned, setPromise] = useState(draft?.promiseSigned ?? false);
  const [retired, setRetired] = useState<RetiredChoice>((draft?.extra?.retired as RetiredChoice | undefined) ?? 'auto');
  const [restored, setRestored] = useState(draft);
  const [calculating, setCalculating] = useState(false);
  const [calcError, setCalcError] = useState<string | null>(null);
  const [scanNote, setScanNote] = useState<string | null>(null);
  const [diseases, setDiseases] = useState<Array<{ code: string; name: string }>>([]);
  const { submit, submitting, calculation, setCalculation } = useCases();
  const formRef = useRef<HTMLFormElement>(null);
  const gate = useNoticeGate();
  const insutypes = caseInsutypesOf(person);
  const defaults: Values = {
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
      invoices: [{ code: '', no: '', amount: '', checkCode: '', issueDate: '' }],
      memo: '',
  };
  const { register, control, handleSubmit, formState, watch, getValues, setValue, reset, trigger } = useForm<Values, unknown, z.output<typeof Schema>>({
    resolver: zodResolver(Schema),
    shouldFocusError: false,
    defaultValues: draft?.values ?? defaults,
  });
  useDraftSaver('reimbursement', person.psnNo, watch, getValues, { materials, promiseSigned, extra: { retired } });
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
  // A 试算 answers the form as it was: any change (an amount, a date, 退休) makes it stale, so it goes.
  useEffect(() => {
    const sub = watch(() => {
      if (useCases.getState().calculation) setCalculation(null);
      setCalcError(null);
    });
    return () => sub.unsubscribe();
  }, [watch, setCalculation]);
  useEffect(() => {
    if (useCases.getState().calculation) setCalculation(null);
  }, [retired, setCalculation]);
  useEInvoiceScans((inv) => {
    const rows = getValues('invoices');
    const place = placeScannedInvoice(rows, inv);
    if (place.kind === 'duplicate') return setScanNote(`扫到的电子票据 ${inv.billCode} / ${inv.billNumber} 已在第 ${place.row + 1} 张，未重复填写`);
    const row = scannedRow(inv);
    if (place.kind === 'append') invoices.append(row);
    else for (const [k, v] of Object.entries(row)) setValue(`invoices.${place.row}.${k as keyof typeof row}`, v, { shouldDirty: true });
    setScanNote(`已从电子票据二维码填入第 ${place.row + 1} 张票据（代码、号码、校验码、开票日期、金额），请核对`);
    if (formState.isSubmitted) void trigger('invoices');
  });
  const withRetired = (form: z.output<typeof Schema>) => ({ ...form, retired: retired === 'auto' ? null : retired === 'yes' });

  const onCalculate = handleSubmit(
    async (form) => {
      setCalculating(true);
      setCalcError(null);
      try {
        setCalculation(await api.call('reimbursement.calculate', { psnNo: person.psnNo, form: withRetired(form) }));
      } catch (err) {
        setCalculation(null);
        setCalcError(errorMessage(err));
        focusFirstError(formRef.current);
      } finally {
        setCalculating(false);
      }
    },
    () => focusFirstError(formRef.current),
  );
  const onSubmit = handleSubmit(
    (form) =>
      gate.guard(async () => {
        await submit({ kind: 'reimbursement', psnNo: person.psnNo, insuplcAdmdvs: admdvsFor(person, form.insutype), materials, promiseSigned, form: withRetired(form) });
        focusFirstError(formRef.current);
      }),
    () => focusFirstError(formRef.current),
  );

  return (
    <form ref={formRef} className="svc-form" aria-label="零星报销" onSubmit={(ev) => void onSubmit(ev)} noValidate>
      {restored && (
        <DraftNote
          savedAt={restored.savedAt}
          onDiscard={() => {
            reset(defaults);
            setMaterials(initialMaterials(person));
            setPromise(false);
            setRetired('auto');
            setRestored(null);
          }}
        />
      )}
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
          <input {...normalizedOnBlur(register('hospitalCode'), normalizeCode)} data-testid="rb-hospital-code" />
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
                    <input {...normalizedOnBlur(register(`items.${i}.amount`), normalizeAmount)} inputMode="decimal" aria-label={`第${i + 1}项金额`} data-testid={`item-amount-${i}`} />
                    {ie?.amount && <em className="field-error">{ie.amount.message}</em>}
                  </td>
                  <td>
                    <input {...normalizedOnBlur(register(`items.${i}.overLimit`), normalizeAmount)} inputMode="decimal" aria-label={`第${i + 1}项超限价金额`} />
                    {ie?.overLimit && <em className="field-error">{ie.overLimit.message}</em>}
                  </td>
                  <td>
                    <input {...normalizedOnBlur(register(`items.${i}.selfPayRatio`), normalizeNumber)} inputMode="decimal" aria-label={`第${i + 1}项先行自付比例`} data-testid={`item-ratio-${i}`} />
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
        {(e.items?.message ?? e.items?.root?.message) && <em className="field-error">{e.items?.message ?? e.items?.root?.message}</em>}
        <FeePasteReport report={paste.report} onDismiss={paste.dismiss} />
        <button type="button" onClick={() => items.append({ name: '', category: '乙', amount: '', overLimit: '', selfPayRatio: '' })} data-testid="add-item" data-shortcut="add-row">
          + 增加费用项目 <kbd>Alt+N</kbd>
        </button>
      </section>

      <section className="svc-section" aria-label="票据">
        <h3>票据（每张票据只能报销一次）</h3>
        <table className="svc-table invoices">
          <thead>
            <tr>
              <th>票据代码</th>
              <th>票据号码</th>
              <th>校验码（电子票据）</th>
              <th>开票日期</th>
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
                    <input {...normalizedOnBlur(register(`invoices.${i}.code`), normalizeCode)} aria-label={`第${i + 1}张票据代码`} data-testid={`inv-code-${i}`} />
                    {ie?.code && <em className="field-error">{ie.code.message}</em>}
                  </td>
                  <td>
                    <input {...normalizedOnBlur(register(`invoices.${i}.no`), normalizeCode)} aria-label={`第${i + 1}张票据号码`} data-testid={`inv-no-${i}`} />
                    {ie?.no && <em className="field-error">{ie.no.message}</em>}
                  </td>
                  <td>
                    <input {...register(`invoices.${i}.checkCode`)} aria-label={`第${i + 1}张票据校验码`} data-testid={`inv-check-${i}`} />
                    {ie?.checkCode && <em className="field-error">{ie.checkCode.message}</em>}
                  </td>
                  <td>
                    <input type="date" {...register(`invoices.${i}.issueDate`)} aria-label={`第${i + 1}张票据开票日期`} data-testid={`inv-date-${i}`} />
                    {ie?.issueDate && <em className="field-error">{ie.issueDate.message}</em>}
                  </td>
                  <td>
                    <input {...normalizedOnBlur(register(`invoices.${i}.amount`), normalizeAmount)} inputMode="decimal" aria-label={`第${i + 1}张票据金额`} data-testid={`inv-amount-${i}`} />
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
        {(e.invoices?.message ?? e.invoices?.root?.message) && <em className="field-error">{e.invoices?.message ?? e.invoices?.root?.message}</em>}
        <button type="button" onClick={() => invoices.append({ code: '', no: '', amount: '', checkCode: '', issueDate: '' })} data-shortcut="add-row">
          + 增加票据 <kbd>Alt+N</kbd>
        </button>
        <span className="hint small muted"> 电子票据可直接扫二维码填入</span>
        {scanNote && (
          <p className="scan-fill-note" role="status" data-testid="invoice-scan-note">
            {scanNote}
          </p>
        )}
      </section>

      {calculation && <CalculationView calc={calculation} />}

      <MaterialsChecklist
        query={{ kind: 'reimbursement', visitType, reason }}
        value={materials}
        onChange={setMaterials}
        promiseSigned={promiseSigned}
        onPromise={setPromise}
        onMissing={gate.onMissing}
      />
      <div className="svc-actions">
        <span className="calc-action">
          <button type="button" onClick={() => (deskMark(DESK_MARKS.calculate), void onCalculate())} disabled={calculating} data-testid="calculate" data-shortcut="calculate">
            {calculating ? '正在试算…' : '试算'} <kbd>F8</kbd>
          </button>
          {calcError && !calculating && (
            <em className="alert error submit-error" role="alert" data-testid="calc-error">
              未能试算：{calcError.replace(/^未能试算：/, '')}
            </em>
          )}
        </span>
        <AcceptButton submitting={submitting} />
      </div>
      {gate.dialog}
    </form>
  );
}
