import { maskIdNumber } from '../../../../shared/id-number';
import { documentOfCardType, IDENTITY_DOCUMENT_INFO } from '../../../../electron/contract/vocabulary/identity-documents';
import { useDesk } from '../../store/desk-store';
import { lookupKeyOf, lookupQueryOf } from '../../store/person-query';
import { usePlatform } from '../../store/platform-store';
import { TypedEntry } from './TypedEntry';
import { DESK_MARKS, useDeskMark } from '../../perf-marks';

/**
 * 接待: who is at the counter — from a card read (身份证件 F2, 社保卡 F3), a scanned 医保电子凭证 or number, or a
 * number typed below; ID numbers masked. Without a card read the name shown is the platform's 1101 answer.
 */
export function ReceptionPanel() {
  const { person, reading, readingKind, readError, readIdCard, readSsCard, cancelRead, clearPerson } = useDesk();
  const { insured, lookingUp, lookupKey, lookupError } = usePlatform();
  // Without a card read, the name is the platform's (1101), and only once its answer is for this person.
  const platformName = person && insured && lookupKey === lookupKeyOf(lookupQueryOf(person)) ? insured.person.psn_name : null;
  useDeskMark(DESK_MARKS.person, person);
  return (
    <section className="panel reception" aria-labelledby="reception-title">
      <header className="panel-head">
        <h2 id="reception-title">参保人</h2>
        {person && (
          <button className="link" onClick={clearPerson}>
            清除
          </button>
        )}
      </header>
      <div className="actions">
        <button className="primary" onClick={() => void readIdCard()} disabled={reading} data-testid="read-id">
          {readingKind === 'id-card' ? '正在读卡…' : '读身份证'} <kbd>F2</kbd>
        </button>
        <button onClick={() => void readSsCard()} disabled={reading} data-testid="read-sscard">
          {readingKind === 'sscard' ? '正在读社保卡…' : '读社保卡'} <kbd>F3</kbd>
        </button>
        {readingKind === 'id-card' && (
          <button onClick={() => void cancelRead()} data-testid="cancel-read">
            取消 <kbd>Esc</kbd>
          </button>
        )}
      </div>
      {reading && (
        <p className="hint" role="status">
          {readingKind === 'sscard' ? '请将社会保障卡插入读卡器…' : '请将身份证放在阅读器感应区…'}
        </p>
      )}
      {readError && (
        <div className="alert error" role="alert" data-testid="read-error">
          {readError}
        </div>
      )}
      {person?.source === 'sscard' ? (
        <dl className="person" data-testid="person">
          <dt>姓名</dt>
          <dd className="name">
            {person.name} <span className="tag">社保卡</span>
          </dd>
          <dt>性别</dt>
          <dd>{person.sex}</dd>
          {person.nation && (
            <>
              <dt>民族</dt>
              <dd>{person.nation}</dd>
            </>
          )}
          <dt>出生日期</dt>
          <dd>{person.birthDate}</dd>
          <dt>社会保障号</dt>
          <dd className="mono" data-testid="id-masked">
            {person.ssnMasked}
          </dd>
          <dt>社保卡号</dt>
          <dd className="mono" data-testid="sscard-number">
            {person.cardNumber}
          </dd>
          <dt>卡识别码</dt>
          <dd className="mono small">{person.cardIdMasked}</dd>
          <dt>有效期限</dt>
          <dd>
            {person.issueDate} 至 {person.expiryDate}（第{person.specVersion.startsWith('3') ? '三' : person.specVersion.startsWith('2') ? '二' : '一'}代卡）
          </dd>
        </dl>
      ) : person && person.source !== 'id-card' ? (
        <dl className="person" data-testid="person">
          <dt>姓名</dt>
          <dd className="name" data-testid="person-name">
            {platformName ?? (
              <span className="muted small">{lookingUp ? '正在向医保平台查询…' : lookupError ? '未能确认（平台查询未成功）' : '以医保平台查询结果为准'}</span>
            )}
          </dd>
          {person.source === 'ec-voucher' ? (
            <>
              <dt>凭证</dt>
              <dd>医保电子凭证（扫码）</dd>
            </>
          ) : (
            <>
              <dt>证件</dt>
              <dd data-testid="person-document">{IDENTITY_DOCUMENT_INFO[person.document].name}</dd>
              <dt>证件号码</dt>
              <dd className="mono" data-testid="id-masked">
                {maskIdNumber(person.idNumber)}
              </dd>
              <dt>来源</dt>
              <dd>{person.source === 'typed' ? '手工录入（未读卡）' : '扫码录入（未读卡）'}</dd>
            </>
          )}
        </dl>
      ) : person ? (
        <dl className="person" data-testid="person">
          <dt>姓名</dt>
          <dd className="name">
            {person.name}
            {person.cardType && person.cardType !== 'resident' && (
              <span className="tag" data-testid="person-document" style={{ marginLeft: 8 }}>
                {IDENTITY_DOCUMENT_INFO[documentOfCardType(person.cardType)].name}
              </span>
            )}
          </dd>
          <dt>性别</dt>
          <dd>{person.sex}</dd>
          {person.nation && (
            <>
              <dt>民族</dt>
              <dd>{person.nation}</dd>
            </>
          )}
          <dt>出生日期</dt>
          <dd>{person.birthDate}</dd>
          <dt>证件号码</dt>
          <dd className="mono" data-testid="id-masked">
            {maskIdNumber(person.idNumber)}
          </dd>
          {person.address && (
            <>
              <dt>住址</dt>
              <dd>{person.address}</dd>
            </>
          )}
          <dt>签发机关</dt>
          <dd>{person.issuer}</dd>
          <dt>有效期限</dt>
          <dd>
            {person.validFrom} 至 {person.validTo}
          </dd>
        </dl>
      ) : (
        !reading && !readError && <p className="empty">尚未读卡。按 F2 读取身份证件，按 F3 读取社保卡，扫描医保电子凭证，或在下方输入证件号码。</p>
      )}
      <TypedEntry />
    </section>
  );
}
