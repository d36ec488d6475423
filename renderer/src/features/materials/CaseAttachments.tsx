/** A case's materials as thumbnails (on the 受理回执 screen and wherever a case is shown), with their upload state. */
import { useEffect, useState } from 'react';
import type { AttachmentView } from '../../../../electron/contract/features/materials';
import { api, errorMessage } from '../../api/client';
import { AttachmentThumb } from './AttachmentThumb';

export function CaseAttachments({ caseNo }: { caseNo: string }) {
  const [list, setList] = useState<AttachmentView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.call('materials.list', { caseNo }).then(
      (l) => live && setList(l),
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [caseNo]);
  if (error) return <p className="alert error">{error}</p>;
  if (!list || list.length === 0) return null;
  return (
    <section className="case-attachments" aria-label="材料附件" data-testid="case-attachments">
      <h4>材料附件（{list.length}）</h4>
      <div className="att-row">
        {list.map((a) => (
          <AttachmentThumb key={a.id} a={a} />
        ))}
      </div>
    </section>
  );
}
