import type { ReactNode } from 'react';
import { signatureLines, type BlockDto, type RenderedDocumentDto, type RunDto } from '../../../../src-preload/contract';

/**
 * A rendered filing as styled HTML, close to the printed page: first-page labels, counsel,
 * court, the caption (parties left, case number and title right), the body, the footer.
 * California pleading paper gets its numbered margin; the PDF is the authority.
 */
export function DocumentView({ doc, label }: { doc: RenderedDocumentDto; label: string }) {
  return (
    <article className={`paper paper-${doc.format} paper-${doc.audience}`} aria-label={label}>
      {doc.form === 'federal-plain' ? null : <PleadingNumbers />}
      <div className="paper-content">
        {doc.labels.length > 0 ? (
          <div className="paper-labels">
            {doc.labels.map((text, i) => (
              <p key={i}>{text}</p>
            ))}
          </div>
        ) : null}
        {doc.counsel.length > 0 ? (
          <div className="paper-counsel">
            {doc.counsel.map((text, i) => (
              <p key={i}>{text}</p>
            ))}
          </div>
        ) : null}
        {doc.court ? <p className="paper-court">{doc.court}</p> : null}
        <div className="paper-caption">
          <div className="paper-parties">
            {doc.parties.map((text, i) => (
              <p key={i}>{text || '\u00a0'}</p>
            ))}
          </div>
          <div className="paper-caption-right">
            {doc.captionRight.map((text, i) => (
              <p key={i}>{text || '\u00a0'}</p>
            ))}
          </div>
        </div>
        <div className="paper-body">
          {doc.blocks.map((block, i) => (
            <Block key={i} block={block} />
          ))}
        </div>
        <p className="paper-footer">{doc.footer}</p>
      </div>
    </article>
  );
}

function PleadingNumbers() {
  return (
    <ol className="pleading-numbers" aria-hidden="true">
      {Array.from({ length: 28 }, (_, i) => (
        <li key={i}>{i + 1}</li>
      ))}
    </ol>
  );
}

function Runs({ runs }: { runs: RunDto[] }) {
  return (
    <>
      {runs.map((run, i) => {
        let node: ReactNode = run.text;
        if (run.noteRef) node = <sup>{node}</sup>;
        if (run.italic) node = <em>{node}</em>;
        if (run.bold) node = <strong>{node}</strong>;
        // Sealed version: what the public version withheld, shown as the court will see it marked.
        if (run.withheld?.mark === 'highlight') {
          node = (
            <mark className="paper-withheld" title={`Printed as ${run.withheld.ref} in the public version`}>
              {node}
            </mark>
          );
        }
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

function Block({ block }: { block: BlockDto }) {
  switch (block.type) {
    case 'heading': {
      // The document's headings sit under the page's h1: h2 to h4 keep the outline sound.
      const Tag = (['h2', 'h3', 'h4'] as const)[block.level - 1]!;
      return (
        <Tag className={`paper-heading paper-heading-${block.level}`}>
          <Runs runs={block.runs} />
        </Tag>
      );
    }
    case 'paragraph':
      return (
        <p className="paper-paragraph">
          <Runs runs={block.runs} />
        </p>
      );
    case 'quote':
      return (
        <blockquote className="paper-quote">
          <Runs runs={block.runs} />
        </blockquote>
      );
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <Runs runs={item} />
        </li>
      ));
      return block.ordered ? (
        <ol className="paper-list" start={block.start}>
          {items}
        </ol>
      ) : (
        <ul className="paper-list">{items}</ul>
      );
    }
    case 'table':
      return (
        <table className="paper-table">
          <thead>
            <tr>
              {block.header.map((cell, i) => (
                <th key={i} scope="col">
                  <Runs runs={cell} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>
                    <Runs runs={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'footnotes':
      return (
        <div className="paper-footnotes">
          {block.notes.map((note) => (
            <p key={note.label}>
              <sup className="paper-footnote-label">{note.label}</sup> <Runs runs={note.runs} />
            </p>
          ))}
        </div>
      );
    case 'signature':
      return (
        <div className="paper-signature">
          {signatureLines(block.signature).map((line, i) => (
            <p key={i}>{line === '' ? '\u00a0' : line}</p>
          ))}
        </div>
      );
  }
}
