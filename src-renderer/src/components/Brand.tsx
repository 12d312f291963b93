/** The DoeVault mark: a plain shield. */
export function Brand({ large }: { large?: boolean }) {
  return (
    <span className={`brand${large ? ' brand-large' : ''}`}>
      <svg viewBox="0 0 24 24" className="brand-mark" aria-hidden="true" focusable="false">
        <path d="M12 2.5l7.5 3v5.6c0 4.6-3.1 8.6-7.5 10.4-4.4-1.8-7.5-5.8-7.5-10.4V5.5z" fill="currentColor" />
        <path d="M9 11.5h6v4.5H9zM10 11.5V9.8a2 2 0 014 0v1.7" stroke="#fff" strokeWidth="1.4" fill="none" />
      </svg>
      <span className="brand-name">DoeVault</span>
    </span>
  );
}
