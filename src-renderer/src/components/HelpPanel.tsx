import { Dialog } from './Dialog';
import { Kbd } from './Feedback';

export const SHORTCUTS: { keys: string[][]; what: string }[] = [
  { keys: [['Ctrl', 'L']], what: 'Lock the vault now' },
  { keys: [['Ctrl', 'F'], ['/']], what: 'Search the roster (in a case)' },
  { keys: [['Ctrl', 'N']], what: 'New plaintiff (in a roster), new filing (in Filings), new case (in Cases)' },
  { keys: [['Ctrl', 'S']], what: 'Save the filing (in the filing editor)' },
  { keys: [['@']], what: 'Cite a plaintiff in a filing: search by pseudonym or real name, Enter inserts the pseudonym' },
  { keys: [['↑'], ['↓'], ['Home'], ['End']], what: 'Move between plaintiffs in the roster' },
  { keys: [['Enter']], what: 'Reveal or hide the real name of the selected plaintiff' },
  { keys: [['?']], what: 'Show this help' },
  { keys: [['Esc']], what: 'Close a dialog' },
];

export function HelpPanel({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts and help" onClose={onClose} wide>
      <table className="shortcut-table">
        <caption className="visually-hidden">Keyboard shortcuts</caption>
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.what}>
              <td>
                {s.keys.map((combo, i) => (
                  <span key={combo.join('+')}>
                    {i > 0 ? <span className="shortcut-or"> or </span> : null}
                    {combo.map((k, j) => (
                      <span key={k}>
                        {j > 0 ? '+' : null}
                        <Kbd>{k}</Kbd>
                      </span>
                    ))}
                  </span>
                ))}
              </td>
              <td>{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="help-heading">Real names</h3>
      <p>
        Real names stay hidden as <span aria-hidden="true">•••••</span>
        <span className="visually-hidden">dots</span> until you reveal one. Each reveal is written to the audit log, and the name hides itself again after
        30 seconds, or at once when the vault locks. A copied name is removed from the clipboard after a short time.
      </p>
      <h3 className="help-heading">Locking</h3>
      <p>
        The vault locks itself when the computer is idle (Settings sets after how many minutes), goes to sleep, or its screen locks. Locking clears every
        revealed name and every form.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
