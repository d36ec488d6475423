import { chinaClock } from '../../../../shared/china-time';

/** Says that the form came back from a draft, and lets the clerk start over. */
export function DraftNote({ savedAt, onDiscard }: { savedAt: number; onDiscard(): void }) {
  return (
    <p className="draft-note" data-testid="draft-restored">
      已恢复此人未提交的填写内容（{chinaClock(savedAt)} 保存）。
      <button type="button" className="link" onClick={onDiscard} data-testid="draft-discard">
        清空重填
      </button>
    </p>
  );
}
