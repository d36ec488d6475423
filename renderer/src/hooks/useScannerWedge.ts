/**
 * Keyboard-wedge scanner input for the whole window. Listens to keydown in the capture phase (before any
 * input sees the key), lets WedgeDetector decide, swallows burst keys with preventDefault, removes the
 * few characters that reached the focused field before the burst was recognised, and hands complete
 * scans, classified, to onScan. Normal typing is untouched.
 */
import { useEffect, useRef } from 'react';
import { classifyScan, type ClassifyOptions, type ScanResult } from '../../../shared/scanner/classify';
import { WedgeDetector, type WedgeOptions } from '../../../shared/scanner/wedge-detector';

export interface ScannerWedgeOptions extends WedgeOptions {
  enabled?: boolean;
  classify?: ClassifyOptions;
}

export function useScannerWedge(onScan: (scan: ScanResult) => void, options: ScannerWedgeOptions = {}): void {
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;
  const { enabled = true, classify, ...wedge } = options;
  const key = JSON.stringify(wedge);

  useEffect(() => {
    if (!enabled) return;
    const detector = new WedgeDetector(JSON.parse(key) as WedgeOptions);
    const gap = (JSON.parse(key) as WedgeOptions).maxGapMs ?? 30;
    let timer: number | undefined;

    const deliver = (text: string | undefined) => {
      if (text !== undefined) onScanRef.current(classifyScan(text, classify));
    };

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.isComposing) return; // IME composition is a person typing Chinese
      const d = detector.feed({ key: e.key, time: e.timeStamp, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey });
      if (d.retract > 0) retractFromFocused(d.retract);
      if (d.swallow) {
        e.preventDefault();
        e.stopPropagation();
      }
      deliver(d.scan);
      window.clearTimeout(timer);
      if (detector.scanning) {
        timer = window.setTimeout(() => deliver(detector.tick(performance.now()).scan), gap * 2);
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      window.clearTimeout(timer);
    };
  }, [enabled, key, classify]);
}

/**
 * Removes the last n characters before the caret of the focused input/textarea, going through the
 * native value setter and an input event so React-controlled fields update their state too.
 */
function retractFromFocused(n: number): void {
  const el = document.activeElement;
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return;
  const end = el.selectionStart ?? el.value.length;
  const start = Math.max(0, end - n);
  const value = el.value.slice(0, start) + el.value.slice(end);
  const proto = el instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.setSelectionRange?.(start, start);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
