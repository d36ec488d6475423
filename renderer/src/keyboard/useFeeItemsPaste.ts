/**
 * Paste from a spreadsheet into the 费用明细 grid (./fee-paste.ts parses): the pasted lines fill the grid from
 * the row pasted into downwards, as a spreadsheet would, adding rows as needed; a single cell pastes into
 * the field as usual. What happened, and every line that was not taken, is kept for <FeePasteReport>.
 */
import { useState, type ClipboardEvent } from 'react';
import { isMultiCellPaste, MAX_FEE_ROWS, parseFeePaste, type FeeRow, type PasteProblem } from './fee-paste';

export interface PasteReport {
  imported: number;
  /** 1-based grid rows the pasted lines went to. */
  firstRow: number;
  header: boolean;
  problems: PasteProblem[];
}

export interface FeeGridAccess {
  /** The grid's rows as they are now (react-hook-form getValues('items')). */
  rows(): FeeRow[];
  /** Replaces every row (useFieldArray's replace). */
  replace(rows: FeeRow[]): void;
}

/** Which grid row (0-based) an event inside a <tbody> came from; 0 outside one. */
function rowIndexOf(target: EventTarget): number {
  const row = target instanceof Element ? target.closest('tbody > tr') : null;
  return row?.parentElement ? Array.from(row.parentElement.children).indexOf(row) : 0;
}

export function useFeeItemsPaste(grid: FeeGridAccess) {
  const [report, setReport] = useState<PasteReport | null>(null);
  const onPaste = (e: ClipboardEvent<HTMLElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (!isMultiCellPaste(text)) return;
    e.preventDefault();
    const at = Math.max(0, rowIndexOf(e.target));
    const parsed = parseFeePaste(text, MAX_FEE_ROWS - at);
    if (parsed.rows.length > 0) {
      const now = grid.rows();
      const pasted = parsed.rows.map((r) => r.row);
      grid.replace([...now.slice(0, at), ...pasted, ...now.slice(at + pasted.length)]);
    }
    setReport({ imported: parsed.rows.length, firstRow: at + 1, header: parsed.header, problems: parsed.problems });
  };
  return { onPaste, report, dismiss: () => setReport(null) };
}
