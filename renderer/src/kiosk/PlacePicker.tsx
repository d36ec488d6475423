/**
 * 就医地 by touch: a province, then a city (地市) from the region catalogue — no typing at a kiosk. The
 * person's own 统筹区 is shown but cannot be chosen (备案 is for care outside it).
 */
import { useEffect, useState } from 'react';
import type { RegionEntry } from '../../../electron/contract/features/catalogues';
import { api, errorMessage } from '../api/client';
import { useKiosk } from './kiosk-store';
import { PROVINCES } from './provinces';

export function PlacePicker() {
  const draft = useKiosk((s) => s.draft);
  const ownArea = useKiosk((s) => s.insured?.person.insuinfo.find((i) => i.insutype === s.draft?.insutype)?.insuplc_admdvs ?? '');
  const { setDraft, goto } = useKiosk.getState();
  const [province, setProvince] = useState<string | null>(null);
  const [cities, setCities] = useState<RegionEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!province) return;
    let current = true;
    setCities(null);
    setProblem(null);
    api
      .call('catalogues.regions', { query: province, limit: 100, medicalPlaceOnly: true })
      .then((r) => current && setCities(r.regions.filter((x) => x.level === 'prefecture')))
      .catch((err: unknown) => current && setProblem(errorMessage(err)));
    return () => {
      current = false;
    };
  }, [province]);

  if (!draft) return null;
  const provinceName = PROVINCES.find((p) => p.prefix === province)?.name;

  return (
    <section className="kiosk-place" data-testid="kiosk-place">
      <h1>{province ? `选择${provinceName}的就医城市` : '请选择就医地所在省份'}</h1>
      {!province ? (
        <div className="kiosk-grid provinces" role="list">
          {PROVINCES.map((p) => (
            <button key={p.prefix} role="listitem" className="kiosk-tile" onClick={() => setProvince(p.prefix)} data-testid={`kiosk-province-${p.prefix}`}>
              {p.name}
            </button>
          ))}
        </div>
      ) : (
        <>
          {cities === null && !problem && <p className="kiosk-muted">正在加载…</p>}
          {problem && <p className="kiosk-error">{problem}</p>}
          {cities && (
            <div className="kiosk-grid cities" role="list">
              {cities.map((c) => {
                const own = ownArea.slice(0, 4) === c.code.slice(0, 4);
                return (
                  <button
                    key={c.code}
                    role="listitem"
                    className={`kiosk-tile${draft.targetAdmdvs === c.code ? ' chosen' : ''}`}
                    disabled={own}
                    onClick={() => {
                      setDraft({ targetAdmdvs: c.code, placeName: c.fullName });
                      goto('details');
                    }}
                    data-testid={`kiosk-city-${c.code}`}
                  >
                    {c.name}
                    {own && <small>（参保地）</small>}
                  </button>
                );
              })}
            </div>
          )}
        </>
      )}
      <div className="kiosk-actions">
        <button className="kiosk-btn" onClick={() => (province ? setProvince(null) : goto('status'))} data-testid="kiosk-back">
          {province ? '重选省份' : '上一步'}
        </button>
      </div>
    </section>
  );
}
