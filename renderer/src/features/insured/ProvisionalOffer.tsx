/**
 * 临时受理 offered where the service forms would be: only for a card read here, only when the platform cannot be
 * reached and this workstation knows nothing of the person (lookup error 'offline'). The host builds the person
 * from the card's own data and marks them provisional; the outbox checks 1101 before filing.
 */
import { useDesk } from '../../store/desk-store';
import { lookupQueryOf } from '../../store/person-query';
import { usePlatform } from '../../store/platform-store';

export function ProvisionalOffer() {
  const person = useDesk((s) => s.person);
  const { lookupErrorCode, lookingUp, lookup } = usePlatform();
  if (lookupErrorCode !== 'offline' || person?.source !== 'id-card') return null;
  const accept = () =>
    void lookup(lookupQueryOf(person), { name: person.name, birthDate: person.birthDate, sexCode: person.sexCode === '2' ? '2' : '1' });
  return (
    <div className="alert warn" data-testid="provisional-offer">
      <p style={{ margin: '0 0 8px' }}>
        医保平台暂不可用，本机也没有此人的参保信息。可按身份证本身的信息<b>临时受理</b>：办件与回执标注“待核验”，平台恢复后先核验身份和参保状态（1101），一致才上报，不一致的转需人工处理。
      </p>
      <button className="primary" onClick={accept} disabled={lookingUp} data-testid="provisional-accept">
        临时受理（待核验）
      </button>
    </div>
  );
}
