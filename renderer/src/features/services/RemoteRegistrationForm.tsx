import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { RemoteRegistrationForm as Schema } from '../../../../electron/contract/features/cases';
import { isLongTermRegType, REMOTE_REG_TYPE_NAMES, REMOTE_REG_TYPES } from '../../../../electron/contract/vocabulary/remote-registration';
import { normalizeCode, normalizePhone } from '../../../../shared/normalize';
import { RegionPicker } from '../../ui/RegionPicker';
import { useDeskProfile } from '../../store/desk-profile-store';
import { useCases } from './cases-store';
import { defaultRegType } from './desk-defaults';
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

/** 异地就医备案: type decides the materials (long-term: residence proof or 个人承诺书; 转诊: 转诊证明). */
export function RemoteRegistrationForm({ person }: { person: CasePerson }) {
  const draft = useStartingDraft<Values>('remote-registration', person.psnNo);
  const [materials, setMaterials] = useState<string[]>(draft?.materials ?? initialMaterials(person));
  const [promiseSigned, setPromise] = useState(draft?.promiseSigned ?? false);
  const [restored, setRestored] = useState(draft);
  const { submit, submitting } = useCases();
  const formRef = useRef<HTMLFormElement>(null);
  const gate = useNoticeGate();
  const insutypes = caseInsutypesOf(person);
  // A hospital desk refers its patients out (异地转诊); a hall counter starts from 异地长期居住.
  const desk = useDeskProfile((s) => s.info);
  const defaults: Values = {
      insutype: insutypes[0]?.insutype ?? '',
      regType: defaultRegType(desk),
      targetAdmdvs: '',
      targetHospitalCode: '',
      targetHospitalName: '',
      begndate: today(),
      enddate: '',
      tel: '',
      addr: '',
      memo: '',
  };
  const { register, handleSubmit, formState, watch, control, getValues, reset } = useForm<Values, unknown, z.output<typeof Schema>>({
    resolver: zodResolver(Schema),
    shouldFocusError: false,
    defaultValues: draft?.values ?? defaults,
  });
  useDraftSaver('remote-registration', person.psnNo, watch, getValues, { materials, promiseSigned });
  const regType = watch('regType');
  const e = formState.errors;
  const longTerm = isLongTermRegType(regType);
  const onSubmit = handleSubmit(
    (form) =>
      gate.guard(async () => {
        await submit({ kind: 'remote-registration', psnNo: person.psnNo, insuplcAdmdvs: admdvsFor(person, form.insutype), materials, promiseSigned, form });
        focusFirstError(formRef.current);
      }),
    () => focusFirstError(formRef.current),
  );

  return (
    <form ref={formRef} className="svc-form" aria-label="异地就医备案" onSubmit={(ev) => void onSubmit(ev)} noValidate>
      {restored && (
        <DraftNote
          savedAt={restored.savedAt}
          onDiscard={() => {
            reset(defaults);
            setMaterials(initialMaterials(person));
            setPromise(false);
            setRestored(null);
          }}
        />
      )}
      <div className="svc-grid">
        <InsutypeField registration={register('insutype')} error={e.insutype} insutypes={insutypes} />
        <Field label="备案类型" error={e.regType}>
          <select {...register('regType')} data-testid="reg-type">
            {REMOTE_REG_TYPES.map((t) => (
              <option key={t} value={t}>
                {REMOTE_REG_TYPE_NAMES[t]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="就医地（名称、区划代码或拼音首字母）" error={e.targetAdmdvs}>
          <Controller
            name="targetAdmdvs"
            control={control}
            render={({ field }) => (
              <RegionPicker value={field.value} onChange={field.onChange} onBlur={field.onBlur} medicalPlaceOnly invalid={!!e.targetAdmdvs} testId="rr-admdvs" />
            )}
          />
        </Field>
        <Field label="就医机构编码（可空）" error={e.targetHospitalCode}>
          <input {...normalizedOnBlur(register('targetHospitalCode'), normalizeCode)} />
        </Field>
        <Field label="就医机构名称（可空）" error={e.targetHospitalName}>
          <input {...register('targetHospitalName')} />
        </Field>
        <Field label="开始日期" error={e.begndate}>
          <input type="date" {...register('begndate')} />
        </Field>
        <Field label={longTerm ? '结束日期（长期备案不填）' : '结束日期（空为至少 6 个月）'} error={e.enddate}>
          <input type="date" {...register('enddate')} />
        </Field>
        <Field label="联系电话" error={e.tel}>
          <input {...normalizedOnBlur(register('tel'), normalizePhone)} inputMode="tel" data-testid="rr-tel" />
        </Field>
        <Field label="异地居住地址" error={e.addr} wide>
          <input {...register('addr')} data-testid="rr-addr" />
        </Field>
        <Field label="备注" error={e.memo} wide>
          <input {...register('memo')} />
        </Field>
      </div>
      {longTerm && <p className="readonly-note">长期备案满 6 个月后方可变更或撤销；无居住证明的可签署个人承诺书（承诺制）。</p>}
      <MaterialsChecklist
        query={{ kind: 'remote-registration', regType }}
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
