import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useWorklist } from './worklist-store';

/**
 * The desk's reminder at sign-in (the desk mounts when an operator signs in): 容缺 cases overdue or due
 * within two working days, with a way to the list. Dismissed for this sitting only.
 */
export function FollowUpBanner() {
  const [counts, setCounts] = useState<{ overdue: number; dueSoon: number; open: number } | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const show = useWorklist((s) => s.showPendingMaterials);
  useEffect(() => {
    api
      .call('cases.followUps', {})
      .then((f) => setCounts({ overdue: f.overdue, dueSoon: f.dueSoon, open: f.open.length }))
      .catch(() => undefined);
  }, []);
  if (dismissed || !counts || (counts.overdue === 0 && counts.dueSoon === 0)) return null;
  return (
    <div className={`banner ${counts.overdue ? 'error' : 'warn'} follow-up-banner`} role="status" data-testid="follow-up-banner">
      <span>
        容缺办件提醒：{counts.overdue > 0 && <b>{counts.overdue} 件已逾期未补齐</b>}
        {counts.overdue > 0 && counts.dueSoon > 0 && '，'}
        {counts.dueSoon > 0 && `${counts.dueSoon} 件将在 2 个工作日内到期`}（待补齐共 {counts.open} 件）
      </span>
      <button className="link" onClick={show} data-testid="follow-up-show">
        查看并登记补齐
      </button>
      <button className="link" onClick={() => setDismissed(true)} aria-label="关闭提醒">
        稍后
      </button>
    </div>
  );
}
