/** A modal dialog is open (ui/Dialog.tsx renders role=dialog aria-modal): desk shortcuts then stand aside. */
export function dialogOpen(doc: Document = document): boolean {
  return doc.querySelector('[role="dialog"][aria-modal="true"]') !== null;
}
