/**
 * 手工录入: the clerk picks the document type and types its number (Enter submits). The number is checked here
 * with the same rules as the host (check digit, 居住证 prefix, both foreign permanent-residence formats) so a
 * wrong digit is answered at once, beside the field, in Chinese; the platform's 1101 then names the person.
 */
import { useState, type FormEvent } from 'react';
import {
  checkDocumentNumber,
  IDENTITY_DOCUMENT_INFO,
  IDENTITY_DOCUMENTS,
  type IdentityDocument,
} from '../../../../electron/contract/vocabulary/identity-documents';
import { useDesk } from '../../store/desk-store';

export function TypedEntry() {
  const acceptDocumentNumber = useDesk((s) => s.acceptDocumentNumber);
  const [doc, setDoc] = useState<IdentityDocument>('resident-id');
  const [number, setNumber] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const check = checkDocumentNumber(doc, number);
    if (!check.ok) {
      setError(check.message);
      return;
    }
    setError(null);
    setNumber('');
    acceptDocumentNumber(doc, check.number, 'typed');
  };

  return (
    <form className="typed-entry" onSubmit={submit} data-testid="typed-entry" aria-label="手工录入证件号码" noValidate>
      <span className="typed-title">未带卡：选择证件类型，输入号码后按 Enter 查询</span>
      <select
        value={doc}
        onChange={(e) => {
          setDoc(e.target.value as IdentityDocument);
          setError(null);
        }}
        aria-label="证件类型"
        data-testid="typed-doc"
      >
        {IDENTITY_DOCUMENTS.map((d) => (
          <option key={d} value={d}>
            {IDENTITY_DOCUMENT_INFO[d].name}
          </option>
        ))}
      </select>
      <input
        value={number}
        onChange={(e) => {
          setNumber(e.target.value);
          if (error) setError(null);
        }}
        placeholder={`证件号码（${IDENTITY_DOCUMENT_INFO[doc].example}）`}
        aria-label="证件号码"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'typed-error' : undefined}
        autoComplete="off"
        spellCheck={false}
        className="mono"
        data-testid="typed-number"
      />
      <button type="submit" data-testid="typed-submit">
        查询 <kbd>Enter</kbd>
      </button>
      {error && (
        <div className="field-error" role="alert" id="typed-error" data-testid="typed-error">
          {error}
        </div>
      )}
    </form>
  );
}
