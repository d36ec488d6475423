/**
 * A GB/T 2260 region picker: type a name, a code or pinyin initials (nsq → 南山区), pick from the list with
 * the arrow keys and Enter (Esc closes it) or the mouse. The form value is the 6-digit code of the choice,
 * and only while the field still shows that choice (./region-choice.ts): editing the text clears it.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { RegionEntry } from '../../../electron/contract/features/catalogues';
import { api, errorMessage } from '../api/client';
import { choiceLabel, moveActive, valueForText, type ChosenRegion } from './region-choice';
import './region-picker.css';

export interface RegionPickerProps {
  /** The 6-digit code, or '' when nothing is chosen. */
  value: string;
  onChange(code: string): void;
  onBlur?(): void;
  /** Only codes that may be a 就医地 (mainland prefectures and counties). */
  medicalPlaceOnly?: boolean;
  placeholder?: string;
  testId?: string;
  invalid?: boolean;
}

export function RegionPicker(props: RegionPickerProps) {
  const { value, onChange, testId = 'region' } = props;
  const listId = useId();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<ChosenRegion | null>(null);
  const [results, setResults] = useState<RegionEntry[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [problem, setProblem] = useState('');
  const asked = useRef(0);

  // A value set from outside (a restored draft, a reset form) shows its region; '' clears a stale choice.
  useEffect(() => {
    if (value === (chosen?.code ?? '')) return;
    if (value === '') {
      setChosen(null);
      return;
    }
    api
      .call('catalogues.region', { code: value })
      .then(({ region, medicalPlaceProblem }) => {
        const problem = !region ? `区划代码 ${value} 不在行政区划目录中` : props.medicalPlaceOnly ? medicalPlaceProblem : null;
        if (region && !problem) {
          setChosen(region);
          setText(choiceLabel(region));
          return;
        }
        // Not a code this field can hold: show it as the search text, with the reason, and hold no value.
        setChosen(null);
        setText(value);
        setProblem(problem ?? '');
        onChange('');
      })
      .catch(() => undefined);
  }, [value, chosen, onChange, props.medicalPlaceOnly]);

  const search = (query: string) => {
    const n = ++asked.current;
    if (query.trim() === '') {
      setResults([]);
      setOpen(false);
      return;
    }
    api
      .call('catalogues.regions', { query, limit: 12, medicalPlaceOnly: props.medicalPlaceOnly })
      .then((out) => {
        if (n !== asked.current) return; // an older answer after a newer question
        setResults(out.regions);
        setActive(out.regions.length > 0 ? 0 : -1);
        setOpen(true);
        setProblem('');
      })
      .catch((err) => n === asked.current && setProblem(errorMessage(err)));
  };

  const edit = (next: string) => {
    setText(next);
    const code = valueForText(next, chosen);
    if (code !== value) onChange(code);
    search(next);
  };

  const choose = (r: RegionEntry) => {
    setChosen(r);
    setText(choiceLabel(r));
    setOpen(false);
    asked.current++;
    onChange(r.code);
  };

  const onKeyDown = (ev: KeyboardEvent<HTMLInputElement>) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!open) {
        if (results.length > 0) setOpen(true);
        else search(text);
        return;
      }
      setActive((a) => moveActive(a, results.length, ev.key === 'ArrowDown' ? 1 : -1));
    } else if (ev.key === 'Enter' && open) {
      ev.preventDefault(); // choosing is not submitting the form
      if (active >= 0 && results[active]) choose(results[active]);
    } else if (ev.key === 'Escape' && open) {
      ev.preventDefault();
      ev.stopPropagation();
      setOpen(false);
    }
  };

  const shown = value !== '' && chosen?.code === value ? chosen : null;
  return (
    <div className="region-picker">
      <input
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={props.invalid || undefined}
        value={text}
        placeholder={props.placeholder ?? '名称、代码或拼音首字母，如 nsq'}
        onChange={(ev) => edit(ev.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          props.onBlur?.();
        }}
        autoComplete="off"
        data-testid={testId}
      />
      {open && (
        <ul className="region-options" role="listbox" id={listId} data-testid={`${testId}-options`}>
          {results.length === 0 && <li className="region-empty">没有匹配的区划，请换个名称、代码或拼音首字母</li>}
          {results.map((r, i) => (
            <li
              key={r.code}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(ev) => {
                ev.preventDefault(); // keep the focus in the field
                choose(r);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="region-name">{r.fullName}</span>
              <span className="region-code">{r.code}</span>
            </li>
          ))}
        </ul>
      )}
      {shown ? (
        <small className="region-chosen" data-testid={`${testId}-chosen`}>
          已选：{shown.fullName}（{shown.code}）
        </small>
      ) : (
        text.trim() !== '' && !open && <small className="region-unchosen">尚未选择：请从列表中选一项</small>
      )}
      {problem && <small className="region-unchosen">{problem}</small>}
    </div>
  );
}
