/** Test page: a controlled input plus the wedge hook; scans are appended to window.__scans. */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useScannerWedge } from '../../renderer/src/hooks/useScannerWedge';
import type { ScanResult } from '../../shared/scanner/classify';

declare global {
  interface Window {
    __scans: ScanResult[];
  }
}
window.__scans = [];

function Harness() {
  const [value, setValue] = useState('');
  useScannerWedge((scan) => window.__scans.push(scan), { maxGapMs: 100 });
  return <input id="field" value={value} onChange={(e) => setValue(e.target.value)} />;
}

createRoot(document.getElementById('root')!).render(<Harness />);
