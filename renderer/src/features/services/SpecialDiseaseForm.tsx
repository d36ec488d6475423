import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { SpecialDiseaseForm as Schema } from '../../../../electron/contract/features/cases';
import { normalizeCode, normalizePhone } from '../../../../shared/normalize';
import { api } from '../../api/client';
import { useCases } from './cases-store';
import { useDeskProfile } from '../../store/desk-profile-store';
import { doctorChoices, specialDiseaseDefaults } from './desk-defaults';
import { DiseaseSelect, type Disease } from './DiseaseSelect';
import { DraftNote } from './DraftNote';
import { AcceptButton, Field, InsutypeField } from './Field';
import { focusFirstError } from './form-focus';
import { today } from './labels';
import { MaterialsChecklist } from './MaterialsChecklist';
import { normalizedOnBlur } from './normalize-input';
import { useNoticeGate } from './NoticeConfirm';
import { useDraftSaver, useStartingDraft } from './use-draft';
import { admdvsFor, caseInsutypesOf, initialMaterials, type CasePerson } from './usePersonForCase';

type Values = z.input<typeof Schema>;

/** 门诊慢特病 (特门) registration: disease from the catalogue (search by 拼音首字母), assessment, validity. */
export function SpecialDiseaseForm({ person }: { person: CasePerson }) {
  const draft = useStartingDraft<Values>('special-disease', person.psnNo);
  const [diseases, setDiseases] = useState<Disease[]>([]);
  const [filter, setFilter] = useState(draft?.extra?.filter ?? '');
  const [materials, setMaterials] = useState<string[]>(draft?.materials ?? initialMaterials(person));
  const [promiseSigned, setPromise] = useState(draft?.promiseSigned ?? false);
  const [restored, setRestored] = useState(draft);
  const { submit, submitting } = useCases();
  const formRef = useRef<HTMLFormElement>(null);
  const gate = useNoticeGate();
  useEffect(() => {
    api.call('catalog.diseases').then(setDiseases).catch(() => undefined);
  }, []);
  const insutypes = caseInsutypesOf(person);
  // A hospital desk's own hospital and first doctor; a hall counter's blanks (ServiceTabs waits for them).
  const desk = useDeskProfile((s) => s.info);
  const doctors = doctorChoices(desk);
  const defaults: Values = {
    insutype: insutypes[0]?.insutype ?? '',
    diseaseCode: '',
    ...specialDiseaseDefaults(desk),
    assessedOn: today(),
    begndate: today(),
    enddate: '',
    tel: '',
    addr: '',
  };
  const { register, handleSubmit, formState, control, watch, getValues, reset, setValue } = useForm<Values, unknown, z.output<typeof Schema>>({
    resolver: zodResolver(Schema),
    shouldFocusError: false,
    defaultValues: draft?.values ?? defaults,
  });
  useDraftSaver('special-disease', person.psnNo, watch, getValues, { materials, promiseSigned, extra: { filter } });
  const e = formState.errors;
  const doctorCode = watch('doctorCode');
  const chosenDoctor = doctors.some((d) => d.code === doctorCode) ? doctorCode : '';
  const onSubmit = handleSubmit(
    (form) =>
      gate.guard(async () => {
        await submit({ kind: 'special-disease', psnNo: person.psnNo, insuplcAdmdvs: admdvsFor(person, form.insutype), materials, promiseSigned, form });
        focusFirstError(formRef.current);
      }),
    () => focusFirstError(formRef.current),
  );

  return (
    <form ref={formRef} className="svc-form" aria-label="门诊慢特病备案" onSubmit={(ev) => void onSubmit(ev)} noValidate>
      {restored && (
        <DraftNote
          savedAt={restored.savedAt}
          onDiscard={() => {
            reset(defaults);
            setFilter('');
            setMaterials(initialMaterials(person));
            setPromise(false);
            setRestored(null);
          }}
        />
      )}
      <div className="svc-grid">
        <InsutypeField registration={register('insutype')} error={e.insutype} insutypes={insutypes} />
        <Controller
          name="diseaseCode"
          control={control}
          render={({ field }) => (
            <DiseaseSelect diseases={diseases} filter={filter} onFilter={setFilter} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={e.diseaseCode} />
          )}
        />
        <Field label="鉴定医疗机构编码" error={e.hospitalCode}>
          <input {...normalizedOnBlur(register('hospitalCode'), normalizeCode)} data-testid="sd-hospital-code" />
        </Field>
        <Field label="鉴定医疗机构名称" error={e.hospitalName}>
          <input {...register('hospitalName')} data-testid="sd-hospital-name" />
        </Field>
        <Field label="鉴定日期" error={e.assessedOn}>
          <input type="date" {...register('assessedOn')} />
        </Field>
        {doctors.length > 0 && (
          <Field label="本院诊断医师">
            <select
              value={chosenDoctor}
              data-testid="sd-doctor-choice"
              onChange={(ev) => {
                const d = doctors.find((x) => x.code === ev.target.value);
                // 其他: the clerk types a doctor not on the list.
                setValue('doctorCode', d?.code ?? '', { shouldDirty: true, shouldValidate: !!d });
                setValue('doctorName', d?.name ?? '', { shouldDirty: true, shouldValidate: !!d });
              }}
            >
              {doctors.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}（{d.code}）
                </option>
              ))}
              <option value="">其他医师（手工填写）</option>
            </select>
          </Field>
        )}
        <Field label="诊断医师编码" error={e.doctorCode}>
          <input {...normalizedOnBlur(register('doctorCode'), normalizeCode)} data-testid="sd-doctor-code" />
        </Field>
        <Field label="诊断医师姓名" error={e.doctorName}>
          <input {...register('doctorName')} data-testid="sd-doctor-name" />
        </Field>
        <Field label="待遇开始日期" error={e.begndate}>
          <input type="date" {...register('begndate')} />
        </Field>
        <Field label="待遇结束日期（可空）" error={e.enddate}>
          <input type="date" {...register('enddate')} />
        </Field>
        <Field label="联系电话" error={e.tel}>
          <input {...normalizedOnBlur(register('tel'), normalizePhone)} inputMode="tel" data-testid="sd-tel" />
        </Field>
        <Field label="联系地址" error={e.addr}>
          <input {...register('addr')} />
        </Field>
      </div>
      <MaterialsChecklist
        query={{ kind: 'special-disease' }}
        value={materials}
        onChange={setMaterials}
        promiseSigned={promiseSigned}
        onPromise={setPromise}
        onMissing={gate.onMissing}
      />
      <div className="svc-actions">
        <AcceptButton submitting={submitting} />
      </div>
      {gate.dialog}
    </form>
  );
}
