/** A big number pad for the phone number (a kiosk has no keyboard): digits, 删除, 清空. */
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

export function NumberPad({ value, onChange, maxLength }: { value: string; onChange(v: string): void; maxLength: number }) {
  const press = (k: (typeof KEYS)[number]) => {
    if (k === 'clear') onChange('');
    else if (k === 'back') onChange(value.slice(0, -1));
    else if (value.length < maxLength) onChange(value + k);
  };
  return (
    <div className="kiosk-numpad" role="group" aria-label="数字键盘">
      {KEYS.map((k) => (
        <button key={k} className={`kiosk-key${k.length > 1 ? ' fn' : ''}`} onClick={() => press(k)} data-testid={`kiosk-key-${k}`}>
          {k === 'clear' ? '清空' : k === 'back' ? '删除' : k}
        </button>
      ))}
    </div>
  );
}
