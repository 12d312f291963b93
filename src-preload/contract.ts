import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../src-main/core/errors';

/**
 * THE IPC contract: every channel between the renderer and the main process, with the shape of
 * its input and output. Main parses inputs with it (and shapes outputs with it, so a field that
 * is not in the output schema never reaches the renderer), the preload builds `window.doeVault`
 * from it, and the renderer's types are inferred from it. There is no other definition.
 *
 * Inputs are checked here for shape and size only; what a value means (a real date, a valid
 * email) is checked by the core, which names the field at fault.
 */

const id = z.string().regex(/^[0-9a-z]{16}$/, 'not a DoeVault id');
const text = (max: number) => z.string().max(max);
const secret = z.string().min(1).max(1024);
const none = z.strictObject({});

export const plaintiffFields = z.strictObject({
  legalName: text(200),
  aliases: z.array(text(200)).max(20).optional(),
  gender: z.enum(['female', 'male', 'unspecified']).optional(),
  dob: text(10).optional(),
  email: text(254).optional(),
  phone: text(40).optional(),
  address: text(500).optional(),
  idNumbers: z.array(text(100)).max(20).optional(),
  notes: text(10_000).optional(),
});

const settings = z.strictObject({
  autoLockMinutes: z.number().int().min(1).max(240),
});

const vaultStatus = z.object({
  state: z.enum(['none', 'locked', 'unlocked']),
  /** The vault file; null before one is created or opened. */
  path: z.string().nullable(),
  /** Whether a vault file exists at `path`. */
  exists: z.boolean(),
});

const caseSummary = z.object({
  id,
  title: z.string(),
  court: z.string().optional(),
  number: z.string().optional(),
  scheme: z.string(),
  createdAt: z.string(),
  plaintiffs: z.number().int(),
});

const rosterEntry = z.object({
  id,
  seq: z.number().int(),
  pseudonym: z.string(),
  status: z.enum(['active', 'withdrawn']),
  withdrawnAt: z.string().optional(),
});

const revealedPlaintiff = rosterEntry.extend({
  legalName: z.string(),
  aliases: z.array(z.string()),
  gender: z.enum(['female', 'male', 'unspecified']),
  dob: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  address: z.string().optional(),
  idNumbers: z.array(z.string()),
  notes: z.string().optional(),
});

const auditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  action: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
});

const auditVerification = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int() }),
  z.object({ ok: z.literal(false), entries: z.number().int(), firstBadEntry: z.number().int(), problem: z.string() }),
]);

const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const CONTRACT = {
  'vault:status': channel(none, vaultStatus),
  /** Creates a vault at the default place, or where the user chooses in a save dialog (null: cancelled). */
  'vault:create': channel(
    z.strictObject({ passphrase: secret, location: z.enum(['default', 'choose']) }),
    z.object({ recoveryKey: z.string(), status: vaultStatus }).nullable(),
  ),
  /** Opens an existing vault file chosen in a dialog; it stays locked. Null: cancelled. */
  'vault:open': channel(none, vaultStatus.nullable()),
  'vault:unlock': channel(z.strictObject({ passphrase: secret }), vaultStatus),
  'vault:lock': channel(none, vaultStatus),
  'vault:changePassphrase': channel(z.strictObject({ current: secret, next: secret }), z.object({ changed: z.literal(true) })),
  'vault:recover': channel(z.strictObject({ recoveryKey: text(200), newPassphrase: secret }), vaultStatus),
  /** Writes a verified backup where the user chooses. Null: cancelled. */
  'vault:backup': channel(none, z.object({ path: z.string(), bytes: z.number(), cases: z.number() }).nullable()),
  /** Restores a backup chosen in a dialog into a new file, then opens it, locked. Null: cancelled. */
  'vault:restore': channel(z.strictObject({ passphrase: secret }), vaultStatus.nullable()),

  'settings:get': channel(none, settings),
  'settings:set': channel(settings, settings),

  'cases:list': channel(none, z.array(caseSummary)),
  'cases:create': channel(
    z.strictObject({ title: text(300), court: text(300).optional(), number: text(100).optional(), scheme: text(60) }),
    caseSummary,
  ),
  'cases:delete': channel(z.strictObject({ caseId: id }), z.object({ plaintiffs: z.number().int() })),
  'cases:schemeExamples': channel(z.strictObject({ scheme: text(60) }), z.array(z.string())),

  /** The public roster: pseudonyms and status only. */
  'plaintiffs:roster': channel(z.strictObject({ caseId: id }), z.array(rosterEntry)),
  /** Ids of the plaintiffs matching by pseudonym, legal name or alias; no name is sent back. */
  'plaintiffs:search': channel(z.strictObject({ caseId: id, query: text(200) }), z.array(id)),
  'plaintiffs:add': channel(z.strictObject({ caseId: id, plaintiff: plaintiffFields }), rosterEntry),
  'plaintiffs:update': channel(z.strictObject({ caseId: id, plaintiffId: id, plaintiff: plaintiffFields }), rosterEntry),
  'plaintiffs:withdraw': channel(z.strictObject({ caseId: id, plaintiffId: id }), rosterEntry),
  /** One plaintiff's identity. Audited. */
  'plaintiffs:reveal': channel(z.strictObject({ caseId: id, plaintiffId: id }), revealedPlaintiff),
  /** Puts the legal name on the clipboard (audited) and clears it later if it is still there. */
  'plaintiffs:copyName': channel(z.strictObject({ caseId: id, plaintiffId: id }), z.object({ clearsAfterSeconds: z.number() })),

  'audit:list': channel(none, z.array(auditEntry)),
  'audit:verify': channel(none, auditVerification),
} as const;

export type Contract = typeof CONTRACT;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/** Main -> renderer events: only these kinds exist. */
export const EVENTS = {
  locked: z.object({ reason: z.enum(['user', 'idle', 'suspend', 'screen-lock']) }),
  progress: z.object({ operation: z.string(), done: z.number(), total: z.number().nullable() }),
} as const;

export type EventKind = keyof typeof EVENTS;
export type EventPayload<K extends EventKind> = z.output<(typeof EVENTS)[K]>;
export const EVENT_CHANNEL = 'doevault:event';

export { ERROR_CODES, type ErrorCode };

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string; field?: string } };

export type VaultStatus = z.output<typeof vaultStatus>;
export type CaseSummaryDto = z.output<typeof caseSummary>;
export type RosterEntryDto = z.output<typeof rosterEntry>;
export type RevealedPlaintiffDto = z.output<typeof revealedPlaintiff>;
export type PlaintiffFields = z.input<typeof plaintiffFields>;
export type AuditEntryDto = z.output<typeof auditEntry>;
export type Settings = z.output<typeof settings>;
