/** 快捷键卡 (F1): every desk shortcut from the one table, plus the keys the fields keep. Esc closes it. */
import { Dialog } from '../ui/Dialog';
import { chordLabel, FIELD_KEYS, SHORTCUTS, type Shortcut } from './shortcuts';
import './keyboard.css';

const GROUPS: Array<Shortcut['group']> = ['接待', '业务切换', '办理', '费用与票据'];

function Keys({ keys }: { keys: string[] }) {
  return (
    <>
      {keys.map((k, i) => (
        <span key={k}>
          {i > 0 && <span className="or"> 或 </span>}
          <kbd>{k}</kbd>
        </span>
      ))}
    </>
  );
}

export function ShortcutCard({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="快捷键" onClose={onClose} testId="shortcut-card">
      <div className="shortcut-card">
        {GROUPS.map((g) => (
          <section key={g} aria-label={g}>
            <h3>{g}</h3>
            <dl>
              {SHORTCUTS.filter((s) => s.group === g).map((s) => (
                <div key={s.id} className="shortcut-row" data-testid={`shortcut-${s.id}`}>
                  <dt>
                    <Keys keys={s.chords.map(chordLabel)} />
                  </dt>
                  <dd>{s.label}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <section aria-label="录入" className="wide">
          <h3>录入</h3>
          <dl>
            {FIELD_KEYS.map((f) => (
              <div key={f.keys} className="shortcut-row">
                <dt>
                  <Keys keys={f.keys.split(' / ')} />
                </dt>
                <dd>{f.label}</dd>
              </div>
            ))}
          </dl>
        </section>
        <p className="small muted wide">对话框打开时快捷键暂停使用，按 Esc 关闭对话框后恢复。</p>
      </div>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose} data-autofocus data-testid="shortcut-card-close">
          关闭 <kbd>Esc</kbd>
        </button>
      </div>
    </Dialog>
  );
}
