/**
 * 病种: a search box (拼音首字母 / 名称 / 编码) and a controlled select. The chosen disease always stays in the
 * list, shown, whatever the search says — a select never keeps a value it does not show. A search with exactly
 * one match chooses it.
 */
import { useEffect, useMemo } from 'react';
import type { FieldError } from 'react-hook-form';
import { Field } from './Field';

export interface Disease {
  code: string;
  name: string;
  initials: string;
}

export function filterDiseases(diseases: readonly Disease[], filter: string): Disease[] {
  const raw = filter.normalize('NFKC').trim();
  const f = raw.toUpperCase();
  return f ? diseases.filter((d) => d.initials.includes(f) || d.name.includes(raw) || d.code.includes(f)) : [...diseases];
}

export function DiseaseSelect(props: {
  diseases: Disease[];
  filter: string;
  onFilter(f: string): void;
  value: string;
  onChange(code: string): void;
  onBlur?(): void;
  error?: FieldError;
}) {
  const { diseases, filter, value, onChange } = props;
  const matches = useMemo(() => filterDiseases(diseases, filter), [diseases, filter]);
  const chosen = diseases.find((d) => d.code === value);
  const shown = chosen && !matches.includes(chosen) ? [chosen, ...matches] : matches;
  const only = matches.length === 1 ? matches[0].code : null;
  useEffect(() => {
    if (only && filter.trim()) onChange(only);
  }, [only, filter, onChange]);
  return (
    <>
      <Field label="病种检索（拼音首字母/名称/编码）">
        <input value={filter} onChange={(ev) => props.onFilter(ev.target.value)} placeholder="如 gxy" data-testid="disease-filter" />
        {filter.trim() && matches.length === 0 && <small className="muted">无匹配病种{chosen ? `，仍为已选的${chosen.name}` : ''}</small>}
      </Field>
      <Field label="病种" error={props.error}>
        <select value={value} onChange={(ev) => onChange(ev.target.value)} onBlur={props.onBlur} data-testid="disease" aria-invalid={props.error ? true : undefined}>
          <option value="">请选择病种</option>
          {shown.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}（{d.code}）
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
