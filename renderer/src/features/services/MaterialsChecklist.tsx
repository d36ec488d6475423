import { useEffect, useRef, useState } from 'react';
import type { MaterialItem } from '../../../../electron/contract/features/cases';
import type { MethodInput } from '../../../../electron/contract/api';
import { api } from '../../api/client';
import { may } from '../../auth/access';
import { useAuth } from '../../auth/auth-store';
import { useDesk } from '../../store/desk-store';
import { MaterialCapture } from '../materials/MaterialCapture';
import { useMaterialsDraft } from '../materials/materials-store';
import '../materials/materials.css';

/**
 * 材料清单: the clerk ticks what the applicant handed in. Main items decide between 受理 and a 一次性告知单;
 * when only minor items are missing the applicant may sign a 容缺 promise. Each item can also be captured as a
 * file (选文件 / drop, 高拍仪, 扫描仪): an attached material counts as received.
 */
export function MaterialsChecklist(props: {
  query: MethodInput<'cases.materials'>;
  value: string[];
  onChange(ids: string[]): void;
  promiseSigned: boolean;
  onPromise(v: boolean): void;
  /** Told of the main materials still missing, by name (what a 一次性告知单 would list). */
  onMissing?(missing: string[]): void;
}) {
  const [list, setList] = useState<MaterialItem[]>([]);
  const key = JSON.stringify(props.query);
  const { onChange, onMissing } = props;
  // The latest ticks, read when a new list arrives (a restored draft, a pre-ticked 有效身份证件).
  const ticks = useRef(props.value);
  ticks.current = props.value;
  useEffect(() => {
    let live = true;
    api
      .call('cases.materials', JSON.parse(key) as MethodInput<'cases.materials'>)
      .then((l) => {
        if (!live) return;
        setList(l);
        // Drop only the ticks for items that are not on the new list (the sub-type changed).
        const kept = ticks.current.filter((id) => l.some((m) => m.id === id));
        if (kept.length !== ticks.current.length) onChange(kept);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [key, onChange]);

  // One draft per citizen at the counter: a new card starts a new one (../materials/materials-store.ts).
  const owner = useDesk((s) => s.person?.idNumber ?? null);
  useEffect(() => useMaterialsDraft.getState().forOwner(owner), [owner]);
  const attached = useMaterialsDraft((s) => s.attachments);
  // A kiosk's temporary 备案 needs no files: capture is for the counter (contract/access-policy.ts).
  const canCapture = may(useAuth((s) => s.operator?.role), 'materials.attachFinish');
  const attachedIds = new Set(attached.map((a) => a.materialId));
  const got = new Set([...props.value, ...attachedIds]);
  const toggle = (id: string) => props.onChange(got.has(id) ? props.value.filter((x) => x !== id) : [...props.value, id]);
  // An attached file counts as received (got), as a tick does: otherwise 受理 would ask for a 告知单.
  const { missingMain, missingMinor } = missingMaterials(list, [...got]);
  // An alternative group is named by all its members: 「异地居住或工作证明 或 个人承诺书」.
  const missingNames = missingMain
    .map((m) => (m.anyOf === null ? m.name : list.filter((x) => x.anyOf === m.anyOf).map((x) => x.name).join(' 或 ')))
    .join('\n');
  useEffect(() => {
    onMissing?.(missingNames ? missingNames.split('\n') : []);
  }, [missingNames, onMissing]);

  return (
    <section className="svc-section" aria-label="材料清单">
      <h3>
        材料清单{' '}
        <button type="button" className="link" onClick={() => props.onChange(list.filter((x) => x.anyOf === null || x === list.find((y) => y.anyOf === x.anyOf)).map((x) => x.id))} data-testid="materials-all">
          全部收齐
        </button>
      </h3>
      <div className="materials">
        {list.map((m) => (
          <MaterialCapture key={m.id} materialId={m.id} materialName={m.name} enabled={canCapture}>
            <label className="material" title={attachedIds.has(m.id) ? '已附材料文件，视为已收' : undefined}>
              <input
                type="checkbox"
                checked={got.has(m.id)}
                disabled={attachedIds.has(m.id)}
                onChange={() => toggle(m.id)}
                data-testid={`material-${m.id}`}
              />
              <span>
                {m.name}
                <span className={`lvl ${m.level}`}>{m.level === 'main' ? (m.anyOf ? '必交·二选一' : '必交') : '可容缺'}</span>
                <small>{m.requirement}</small>
              </span>
            </label>
          </MaterialCapture>
        ))}
      </div>
      {missingMain.length === 0 && missingMinor.length > 0 && (
        <label className="promise material">
          <input type="checkbox" checked={props.promiseSigned} onChange={(e) => props.onPromise(e.target.checked)} data-testid="promise-signed" />
          <span>
            申请人已签署容缺受理承诺书，承诺限期补交：{missingMinor.map((m) => m.name).join('、')}
          </span>
        </label>
      )}
      {missingMain.length > 0 && got.size > 0 && (
        <p className="readonly-note">缺少必交材料 {missingMain.length} 项，提交后将出具一次性告知单。</p>
      )}
    </section>
  );
}

/** Main items missing (an alternative group counts once, done when one of it is ticked) and minor ones. */
export function missingMaterials(list: readonly MaterialItem[], ticked: readonly string[]): { missingMain: MaterialItem[]; missingMinor: MaterialItem[] } {
  const got = new Set(ticked);
  const groupDone = (g: string | null) => g !== null && list.some((x) => x.anyOf === g && got.has(x.id));
  const seenGroups = new Set<string>();
  const missingMain = list.filter((x) => {
    if (x.level !== 'main' || got.has(x.id) || groupDone(x.anyOf)) return false;
    if (x.anyOf === null) return true;
    if (seenGroups.has(x.anyOf)) return false;
    seenGroups.add(x.anyOf);
    return true;
  });
  return { missingMain, missingMinor: list.filter((x) => x.level === 'minor' && !got.has(x.id)) };
}
