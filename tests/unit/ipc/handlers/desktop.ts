import { join } from 'node:path';
import { TEST_ONLY_INSECURE_KDF } from '../../../../src-main/core/crypto';
import { InProcessVaultHost } from '../../../../src-main/core/host/vault-host';
import { DesktopSession, type SystemPorts } from '../../../../src-main/ipc/desktop-session';
import { createDispatcher, type Dispatch } from '../../../../src-main/ipc/dispatcher';
import { createHandlers } from '../../../../src-main/ipc/handlers';
import type { Channel, ChannelInput, ChannelOutput, Envelope } from '../../../../src-preload/contract';
import { PASSPHRASE, tempDir } from '../../../fixtures/temp-vault';

export const APP = 'app://doevault/index.html';

export type DialogPort = {
  [K in keyof SystemPorts]: SystemPorts[K] extends (...args: never[]) => Promise<string | null> ? K : never;
}[keyof SystemPorts];

/**
 * The real dispatcher, handlers and DesktopSession over an in-process vault (fast KDF), with
 * ports a test answers: each dialog returns what `answers` holds for it (null: cancelled).
 */
export interface Desktop {
  dir: string;
  host: InProcessVaultHost;
  session: DesktopSession;
  answers: Partial<Record<DialogPort, string | null>>;
  /** The dialogs shown, in order. */
  asked: DialogPort[];
  shown: string[];
  events: { kind: string; payload: unknown }[];
  /** What the system clipboard holds; set it to play the user copying something else. */
  clipboard: string;
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Envelope<ChannelOutput<C>>>;
  value<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  dispose(): Promise<void>;
}

export async function desktop(): Promise<Desktop> {
  const { dir, cleanup } = tempDir('doevault-ipc-');
  const host = new InProcessVaultHost({ kdf: TEST_ONLY_INSECURE_KDF });
  const answers: Desktop['answers'] = {};
  const asked: DialogPort[] = [];
  const shown: string[] = [];
  const events: Desktop['events'] = [];
  let clipboard = '';
  const ask = (port: DialogPort) => async () => {
    asked.push(port);
    return answers[port] ?? null;
  };
  const ports: SystemPorts = {
    chooseVaultToOpen: ask('chooseVaultToOpen'),
    chooseNewVaultPath: ask('chooseNewVaultPath'),
    chooseBackupDestination: ask('chooseBackupDestination'),
    chooseBackupToRestore: ask('chooseBackupToRestore'),
    chooseRestoreDestination: ask('chooseRestoreDestination'),
    chooseDraftToImport: ask('chooseDraftToImport'),
    chooseExportFolder: ask('chooseExportFolder'),
    chooseRecipientKey: ask('chooseRecipientKey'),
    chooseSealedPackage: ask('chooseSealedPackage'),
    choosePackageDestination: ask('choosePackageDestination'),
    chooseSecretKey: ask('chooseSecretKey'),
    chooseIntakeFile: ask('chooseIntakeFile'),
    chooseExhibitFile: ask('chooseExhibitFile'),
    chooseExhibitFolder: ask('chooseExhibitFolder'),
    chooseRosterDestination: ask('chooseRosterDestination'),
    showInFolder: async (path) => {
      shown.push(path);
    },
    writeClipboard: async (text) => {
      clipboard = text;
    },
    readClipboard: async () => clipboard,
    emit: (kind, payload) => {
      events.push({ kind, payload });
    },
  };
  const vaultPath = join(dir, 'vault.doevault');
  const session = new DesktopSession(host, ports, join(dir, 'settings.json'), vaultPath);
  const dispatch: Dispatch = createDispatcher(createHandlers(session, { defaultVaultPath: vaultPath, onSettingsChange: () => undefined }), {
    isTrustedSender: (url) => url === APP,
    logError: (_channel, error) => {
      throw error;
    },
  });
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>) => (await dispatch(APP, channel, input)) as Envelope<ChannelOutput<C>>;
  return {
    dir,
    host,
    session,
    answers,
    asked,
    shown,
    events,
    get clipboard() {
      return clipboard;
    },
    set clipboard(text: string) {
      clipboard = text;
    },
    call,
    async value(channel, input) {
      const reply = await call(channel, input);
      if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
      return reply.value;
    },
    async dispose() {
      await session.dispose();
      cleanup();
    },
  };
}

/** A vault with one case of invented people, created through the channels. */
export async function withCase(d: Desktop): Promise<string> {
  await d.value('vault:create', { passphrase: PASSPHRASE, location: 'default' });
  const { id: caseId } = await d.value('cases:create', { title: 'Does 1-3 v. Daily Courier', court: 'Superior Court of California', number: 'CV-1', scheme: 'gendered' });
  for (const plaintiff of PEOPLE) await d.value('plaintiffs:add', { caseId, plaintiff });
  d.events.length = 0;
  return caseId;
}

// Invented people: Jane Doe 1, Jane Doe 2, John Doe 3.
export const PEOPLE = [
  { legalName: 'Maria Elena Ramírez', gender: 'female', email: 'maria.ramirez@example.org' },
  { legalName: 'Zoë Castellanos', gender: 'female' },
  { legalName: 'Roberto Castellanos', gender: 'male' },
] as const;
