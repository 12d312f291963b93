import type { FileHitDto, SetFileDto, VerificationDto, WrittenFileDto } from '../../../../src-preload/contract';

/** A written file as exports, sealing sets and packages report it. */
type ListedFile = WrittenFileDto & Partial<Pick<SetFileDto, 'title' | 'labels'>>;
import { formatBytes, plural } from '../../lib/format';
import { KIND_WORDS } from '../../lib/filings';

const ROLE_WORDS: Record<NonNullable<WrittenFileDto['role']>, string> = {
  public: 'Public: file it',
  sealed: 'Sealed: under seal only',
  lodged: 'Lodged conditionally under seal',
  manifest: 'Manifest: roles and SHA-256, no names',
};

function roleOf(file: ListedFile): string | undefined {
  if (file.role) return ROLE_WORDS[file.role];
  if (file.name.endsWith('.doesealed')) return 'Sealed package (encrypted)';
  return file.name === 'manifest.json' ? ROLE_WORDS.manifest : undefined;
}

/**
 * Written files, each with its role and first-page labels (where known) under its name, its size
 * and SHA-256: to compare with the manifest or a copy. One table for exports, sealing sets and
 * opened packages.
 */
export function FilesTable({ files, caption }: { files: ListedFile[]; caption: string }) {
  return (
    <div className="table-card table-compact set-files">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">File and role</th>
            <th scope="col" className="numeric">
              Size
            </th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {files.map((file) => {
            const role = roleOf(file);
            return (
              <tr key={file.name}>
                <th scope="row" title={file.title}>
                  <span className="mono nowrap">{file.name}</span>
                  {role ? <span className="set-file-role">{role}</span> : null}
                  {file.labels && file.labels.length > 0 ? <span className="set-file-role">{file.labels.join(' · ')}</span> : null}
                </th>
                <td className="numeric nowrap">{formatBytes(file.bytes)}</td>
                <td>
                  <code className="hash">{file.sha256}</code>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** What the read-back of the public files found, and what it was checked against. */
export function VerificationSummary({ verification }: { verification: VerificationDto }) {
  return (
    <dl className="details verification-details">
      <div className="details-item">
        <dt>Result</dt>
        <dd>{verification.result === 'passed' ? 'Passed: no name of anyone in the vault in the public files' : 'Failed: names found'}</dd>
      </div>
      <div className="details-item">
        <dt>Read back and scanned</dt>
        <dd>{verification.scanned.join(', ')}</dd>
      </div>
      <div className="details-item">
        <dt>Identities checked</dt>
        <dd>{verification.identities.toLocaleString()} (every plaintiff of every case)</dd>
      </div>
      {verification.cleared > 0 ? (
        <div className="details-item">
          <dt>Allowed because you marked them “not a plaintiff”</dt>
          <dd>{plural(verification.cleared, 'occurrence')}</dd>
        </div>
      ) : null}
      <div className="details-item">
        <dt>Sealed files</dt>
        <dd>
          {verification.sealedComplete
            ? 'the sealed version names every plaintiff it cites and shows every redacted text; the declaration of identities names every plaintiff it lists'
            : 'incomplete'}
        </dd>
      </div>
    </dl>
  );
}

/** Where a name was found in a written public file; never the name itself. */
export function HitsTable({ hits }: { hits: FileHitDto[] }) {
  return (
    <div className="table-card table-compact">
      <table className="data-table">
        <caption className="visually-hidden">Names found in the public files</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Page</th>
            <th scope="col">Line</th>
            <th scope="col">What</th>
            <th scope="col">Whose</th>
          </tr>
        </thead>
        <tbody>
          {hits.map((hit, i) => (
            <tr key={`${hit.file}-${hit.page ?? 0}-${hit.line}-${i}`}>
              <th scope="row" className="mono">
                {hit.file}
              </th>
              <td>{hit.page ?? '—'}</td>
              <td>{hit.margin === 'top' ? 'above line 1' : hit.margin === 'footer' ? 'footer' : hit.line}</td>
              <td>
                {KIND_WORDS[hit.kind]}
                {hit.confidence === 'low' ? <span className="muted"> (possible)</span> : null}
              </td>
              <td>{hit.pseudonyms.length === 0 ? '— (a disguised word, not a name)' : hit.pseudonyms.length === 1 ? hit.pseudonyms[0] : `one of ${hit.pseudonyms.join(', ')}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
