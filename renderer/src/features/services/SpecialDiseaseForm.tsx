import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { SpecialDiseaseForm as Schema } from '../../../../electron/contract/features/cases';
import { api } from '../../api/client';
import { useCases } from './cases-store';
import { AcceptButton, Field, InsutypeField } from './Field';
import { today } from './labels';
import { MaterialsChecklist } from './MaterialsChecklist';
import { admdvsFor, caseInsutypesOf, type CasePerson } from './usePersonForCase';

type Values = z.input<typeof Schema>;

/** 门诊慢特病 (特门) registration: disease from the catalogue (search by 拼音首字母), assessment, validity. */
export function SpecialDiseaseForm({ person }: { person: CasePerson }) {
  const [diseases, setDiseases] = useState<Array<{ code: string; name: string; initials: string }>>([]);
  const [filter, setFilter] = useState('');
  const [materials, setMaterials] = useState<string[]>([]);
  const [promiseSigned, setPromise] = useState(false);
  const { submit, submitting } = useCases();
  useEffect(() => {
    api.call('catalog.diseases').then(setDiseases).catch(() => undefined);
  }, []);
  const insutypes = caseInsutypesOf(person);
  const { register, handleSubmit, formState, setValue } = useForm<Values, unknown, z.output<typeof Schema>>({
    resolver: zodResolver(Schema),
    defaultValues: {
      insutype: insutypes[0]?.insutype ?? '',
      diseaseCode: '',
      hospitalCode: '',
      hospitalName: '',
      assessedOn: today(),
      doctorCode: '',
      doctorName: '',
      begndate: today(),
      enddate: '',
      tel: '',
      addr: '',
    },
  });
  const shown = useMemo(() => {
    const f = filter.trim().toUpperCase();
    return f ? diseases.filter((d) => d.initials.includes(f) || d.name.includes(filter.trim()) || d.code.includes(f)) : diseases;
  }, [diseases, filter]);
  useEffect(() => {
    if (shown.length === 1) setValue('diseaseCode', shown[0].code, { shouldValidate: true });
  }, [shown, setValue]);
  const e = formState.errors;

  return (
    <form
      className="svc-form"
      aria-label="门诊慢特病备案"
      onSubmit={handleSubmit((form) =>
        submit({ kind: 'special-disease', psnNo: person.psnNo, insuplcAdmdvs: admdvsFor(person, form.insutype), materials, promiseSigned, form }),
      )}
    >
      <div className="svc-grid">
        <InsutypeField registration={register('insutype')} error={e.insutype} insutypes={insutypes} />
        <Field label="病种检索（拼音首字母/名称/编码）">
          <input value={filter} onChange={(ev) => setFilter(ev.target.value)} placeholder="如 gxy" data-testid="disease-filter" />
        </Field>
        <Field label="病种" error={e.diseaseCode}>
          <select {...register('diseaseCode')} data-testid="disease">
            <option value="">请选择病种</option>
            {shown.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}（{d.code}）
              </option>
            ))}
          </select>
        </Field>
        <Field label="鉴定医疗机构编码" error={e.hospitalCode}>
          <input {...register('hospitalCode')} data-testid="sd-hospital-code" />
        </Field>
        <Field label="鉴定医疗机构名称" error={e.hospitalName}>
          <input {...register('hospitalName')} data-testid="sd-hospital-name" />
        </Field>
        <Field label="鉴定日期" error={e.assessedOn}>
          <input type="date" {...register('assessedOn')} />
        </Field>
        <Field label="诊断医师编码" error={e.doctorCode}>
          <input {...register('doctorCode')} data-testid="sd-doctor-code" />
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
          <input {...register('tel')} inputMode="tel" data-testid="sd-tel" />
        </Field>
        <Field label="联系地址" error={e.addr}>
          <input {...register('addr')} />
        </Field>
      </div>
      <MaterialsChecklist query={{ kind: 'special-disease' }} value={materials} onChange={setMaterials} promiseSigned={promiseSigned} onPromise={setPromise} />
      <div className="svc-actions">
        <AcceptButton submitting={submitting} />
      </div>
    </form>
  );
}
