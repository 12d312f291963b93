import { z } from 'zod';
import { COUNSEL_FIELDS, COURT_FORMS, ERROR_CODES, FILE_ROLES, FILING_FIELDS, FILING_FORMATS, FINDING_KINDS, IDENTITY_SETS, INTAKE_FIELDS, KEY_FIELD_LABELS, KEY_FIELDS, KIND_WORDS, MAX_ADDRESS_LINES, MAX_BODY, MAX_COUNSEL, WITHHELD_MARKS, type ErrorCode } from '../src-main/core/shared';

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

const familyMember = z.strictObject({ name: text(200), relation: text(60).optional() });
const affiliation = z.strictObject({ name: text(200), kind: z.enum(['school', 'employer', 'other']).optional() });
const vehicle = z.strictObject({ plate: text(15), state: text(40).optional(), description: text(200).optional() });

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
  // The doxxing surface (issue 11); the core sets the real limits and names the field at fault.
  family: z.array(familyMember).max(20).optional(),
  pastAddresses: z.array(text(500)).max(10).optional(),
  affiliations: z.array(affiliation).max(20).optional(),
  vehicles: z.array(vehicle).max(10).optional(),
  handles: z.array(text(100)).max(20).optional(),
  characteristics: z.array(text(200)).max(20).optional(),
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
  /**
   * Unlocked but DAMAGED (an integrity check failed, docs/INTEGRITY.md): what is wrong and what
   * to do. Reveal, the sealed roster, scan, export and import are refused while it is set.
   */
  damage: z.string().optional(),
  /**
   * Exports interrupted by a crash whose staged files (sealed versions, declarations of identities) were
   * removed when the vault was opened (docs/SEALING.md).
   */
  cleanedExports: z.number().int().positive().optional(),
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

/** An attorney (core/shared/counsel.ts); the core checks the fields and names the one at fault. */
const counselEntry = z.strictObject({
  name: text(200),
  barNumber: text(40).optional(),
  firm: text(200).optional(),
  address: text(600).optional(),
  phone: text(60).optional(),
  email: text(200).optional(),
  attorneysFor: text(300).optional(),
});
const counselScope = z.strictObject({ caseId: id.optional() });
const counselView = z.object({
  scope: z.enum(['vault', 'case']),
  counsel: z.array(counselEntry),
  /** The vault's firm counsel: what a case without its own prints. */
  firm: z.array(counselEntry),
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
  family: z.array(z.object({ name: z.string(), relation: z.string() })).optional(),
  pastAddresses: z.array(z.string()).optional(),
  affiliations: z.array(z.object({ name: z.string(), kind: z.enum(['school', 'employer', 'other']) })).optional(),
  vehicles: z.array(z.object({ plate: z.string(), state: z.string().optional(), description: z.string().optional() })).optional(),
  handles: z.array(z.string()).optional(),
  characteristics: z.array(z.string()).optional(),
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

// Filings ------------------------------------------------------------------------------------

/**
 * A draft's text as it crosses IPC. The core's limit is MAX_BODY characters (code points); a
 * code point may take two UTF-16 units, so the transport allows twice that and the core names
 * the field when a body is too long.
 */
const draftText = z.string().max(2 * MAX_BODY);
const labelList = z.array(text(200)).max(4);
/** The plaintiffs the declaration of identities lists: a set, or pseudonyms. */
const identities = z.union([z.enum(IDENTITY_SETS), z.array(text(200)).min(1).max(10_000)]);

export const filingFields = z.strictObject({
  title: text(300),
  documentType: text(100).optional(),
  format: z.enum(FILING_FORMATS).optional(),
  court: text(300).optional(),
  caseNumber: text(100).optional(),
  parties: text(2_000).optional(),
  counsel: text(2_000).optional(),
  body: draftText,
  /**
   * A document's first-page labels ([]: none; lodged: the declaration of identities); absent: the
   * court's (filings:defaultLabels), the public version's only when it redacts something.
   */
  labels: z.strictObject({ public: labelList.optional(), sealed: labelList.optional(), lodged: labelList.optional() }).optional(),
  orderDate: text(10).optional(),
  keyFields: z.array(z.enum(KEY_FIELDS)).max(KEY_FIELDS.length).optional(),
  identities: identities.optional(),
});

const filingSummary = z.object({
  id,
  title: z.string(),
  documentType: z.string().optional(),
  format: z.enum(FILING_FORMATS),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const filingDetails = z.object({
  title: z.string(),
  documentType: z.string().optional(),
  format: z.enum(FILING_FORMATS),
  court: z.string().optional(),
  caseNumber: z.string().optional(),
  parties: z.string().optional(),
  counsel: z.string().optional(),
  body: z.string(),
  labels: z.object({ public: z.array(z.string()).optional(), sealed: z.array(z.string()).optional(), lodged: z.array(z.string()).optional() }),
  orderDate: z.string().optional(),
  keyFields: z.array(z.enum(KEY_FIELDS)),
  identities,
});

const filing = filingSummary.extend({ details: filingDetails });

const variantKind = z.enum(FINDING_KINDS);

/** Someone a finding may name: by pseudonym, with its case (pseudonyms repeat from case to case). */
const hitTarget = z.object({ plaintiffId: id, caseId: id, pseudonym: z.string() });

/**
 * One mention of someone in the vault, found in text the renderer sent: `text` is that text's
 * own slice, and whom it may point at is told by pseudonym only.
 */
const finding = z.object({
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  kind: variantKind,
  confidence: z.enum(['high', 'low']),
  reasons: z.array(z.enum(['partial-name', 'shared', 'common-word'])),
  targets: z.array(hitTarget),
  line: z.number().int(),
  /** Kind 'mixed-script' only: the scripts the word mixes ("Latin", "Cyrillic"). */
  scripts: z.array(z.string()).optional(),
  /** Whether "not a plaintiff" may be chosen: only for what may honestly name someone else (a lone given name or surname, a common word, a date). */
  canClear: z.boolean(),
  action: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('plaintiff'), pseudonym: z.string() }),
    z.object({ kind: z.literal('redact') }),
    z.object({ kind: z.literal('ask'), why: z.enum(['several', 'common-word', 'other-case', 'date', 'initials', 'mixed-script', 'repeated', 'beside-other']) }),
  ]),
});

const filingField = z.enum(FILING_FIELDS);
const question = finding.extend({ field: filingField, cannotClear: z.literal(true).optional() });

const choice = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('plaintiff'), pseudonym: text(100) }),
  z.strictObject({ kind: z.literal('redact') }),
  z.strictObject({ kind: z.literal('not-a-plaintiff') }),
]);

const preparedDraft = z.object({ text: z.string(), converted: z.number().int(), questions: z.array(finding) });

const run = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  noteRef: z.boolean().optional(),
  /** Sealed version: text the public version withheld, printed there as `ref`; marked as the court asks. */
  withheld: z.object({ ref: z.string(), mark: z.enum(WITHHELD_MARKS) }).optional(),
});
const block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), runs: z.array(run) }),
  z.object({ type: z.literal('paragraph'), runs: z.array(run) }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.array(run)), start: z.number().int().optional() }),
  z.object({ type: z.literal('quote'), runs: z.array(run) }),
  z.object({ type: z.literal('table'), header: z.array(z.array(run)), rows: z.array(z.array(z.array(run))) }),
  z.object({ type: z.literal('footnotes'), notes: z.array(z.object({ label: z.string(), runs: z.array(run) })) }),
  z.object({
    type: z.literal('signature'),
    signature: z.object({
      dated: z.string().optional(),
      firm: z.string().optional(),
      signer: z.string(),
      attorneysFor: z.string().optional(),
      declarant: z.boolean().optional(),
    }),
  }),
]);

const renderedDocument = z.object({
  format: z.enum(FILING_FORMATS),
  form: z.enum(COURT_FORMS),
  audience: z.enum(['public', 'sealed', 'declaration']),
  metadataTitle: z.string(),
  counsel: z.array(z.string()),
  court: z.string(),
  parties: z.array(z.string()),
  captionRight: z.array(z.string()),
  labels: z.array(z.string()),
  footer: z.string(),
  blocks: z.array(block),
});

const filingLabels = z.object({ public: z.array(z.string()), sealed: z.array(z.string()), lodged: z.array(z.string()) });

/** A hit in a written public file: where, what kind, and whom it may name (pseudonyms only). */
const fileHit = z.object({
  file: z.string(),
  page: z.number().int().optional(),
  line: z.number().int(),
  margin: z.enum(['top', 'footer']).optional(),
  kind: variantKind,
  confidence: z.enum(['high', 'low']),
  pseudonyms: z.array(z.string()),
});

const verification = z.object({
  result: z.enum(['passed', 'failed']),
  scanned: z.array(z.string()),
  identities: z.number().int(),
  hits: z.array(fileHit),
  cleared: z.number().int(),
  sealedComplete: z.boolean(),
});

/** A file written; an export says what each is: filed publicly, kept or lodged under seal, or the manifest. */
const writtenFile = z.object({ name: z.string(), role: z.enum([...FILE_ROLES, 'manifest']).optional(), sha256: z.string(), bytes: z.number().int() });

const exportReport = z.discriminatedUnion('status', [
  /** `body` is the body with its unambiguous mentions made tokens: the questions' offsets refer to it. */
  z.object({ status: z.literal('needs-resolution'), questions: z.array(question), body: z.string() }),
  z.object({ status: z.literal('leak-found'), verification }),
  z.object({ status: z.literal('exported'), folder: z.string(), files: z.array(writtenFile), verification }),
]);

/** A file of a sealing set; the manifest and a package have no role of their own. */
const setFile = writtenFile.extend({ role: z.enum(FILE_ROLES).optional(), title: z.string().optional(), labels: z.array(z.string()).optional() });

const sealingSetReport = z.discriminatedUnion('status', [
  z.object({ status: z.literal('leak-found'), verification }),
  z.object({
    status: z.literal('written'),
    folder: z.string(),
    files: z.array(setFile),
    verification,
    /** The court id the papers are for, their form, and how many plaintiffs the declaration of identities lists. */
    set: z.object({ court: z.string().optional(), format: z.enum(FILING_FORMATS), plaintiffs: z.number().int() }),
  }),
]);

const sealingSetChoices = z.object({
  courts: z.array(z.object({ id: z.string(), name: z.string(), system: z.enum(['state', 'federal']) })),
  /** The case's filings whose drafts open with front matter, newest first: the caption the papers can share. */
  sources: z.array(z.object({ filingId: id, title: z.string(), court: z.string().optional() })),
  /** The court to suggest. */
  court: z.string().optional(),
});

/** How the sealed package is locked: a one-time passphrase, or the recipient key chosen with packages:chooseRecipientKey. */
const packageProtection = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('passphrase'), passphrase: secret }),
  z.strictObject({ kind: z.literal('recipient-key') }),
]);

const keyFile = z.object({ fileName: z.string(), fingerprint: z.string() });

// Intake (issue 5) ---------------------------------------------------------------------------

const intakeField = z.enum(INTAKE_FIELDS);
/** One entry per column of the header: the field it fills, or null (ignored). */
const columnMapping = z.array(intakeField.nullable()).max(1_000);
const sheetName = text(300);

/**
 * The file chosen in main's dialog, as the wizard shows it. Every sample cell is MASKED here
 * ("•••••" for any non-empty cell): the real cells come only with intake:revealSample.
 */
const intakeInspection = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headers: z.array(z.string()),
  mapping: z.array(intakeField.nullable()),
  mappingSource: z.enum(['remembered', 'detected']),
  sampleRows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  totalRows: z.number().int().nullable(),
});

/** One thing wrong with one row (row as numbered in the file; the header is row 1). */
const intakeProblem = z.object({ row: z.number().int(), field: z.string(), message: z.string() });

/** A row naming someone already in the file or the vault: told by row and pseudonym, never by name. */
const intakeDuplicate = z.object({
  row: z.number().int(),
  against: z.enum(['file', 'vault']),
  otherRow: z.number().int().optional(),
  caseId: id.optional(),
  plaintiffId: id.optional(),
  pseudonym: z.string().optional(),
  sameDateOfBirth: z.boolean(),
});

const duplicateDecision = z.enum(['skip', 'import', 'merge']);
const intakeChoice = { caseId: id, sheet: sheetName.optional(), mapping: columnMapping };

// Exhibits (issue 14) ------------------------------------------------------------------------

/** A place on an exhibit page, in PDF points from the page's top left (as the core's boxes). */
const pageBox = z.strictObject({
  x: z.number().finite().min(0).max(14_400),
  y: z.number().finite().min(0).max(14_400),
  width: z.number().finite().positive().max(14_400),
  height: z.number().finite().positive().max(14_400),
});
/** An exhibit under review, as main named it when it was chosen (the path stays in main). */
const exhibitId = z.string().regex(/^e[0-9a-f]{16}$/);
const exhibitPage = z.object({ number: z.number().int(), widthPt: z.number(), heightPt: z.number(), dpi: z.number() });

/**
 * One place of an exhibit that names (or may name) someone. Its text is MASKED here: the real
 * words come only with exhibits:revealFinding. Whom it may name is told by pseudonym and case.
 */
const exhibitFinding = z.object({
  id: z.string(),
  page: z.number().int(),
  box: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }),
  kind: z.enum([...FINDING_KINDS, 'face']),
  confidence: z.enum(['high', 'low']),
  source: z.enum(['text-layer', 'ocr', 'face-detector']),
  targets: z.array(hitTarget),
  /** A question waits for the attorney's answer; otherwise it is redacted. */
  question: z.boolean(),
  why: z.string().optional(),
  /** Whether "keep" may be answered (a lone given name or surname, initials, a date, a face): the core's rule. */
  canKeep: z.boolean(),
  ocrConfidence: z.number(),
});

const exhibitScan = z.object({
  fileName: z.string(),
  format: z.enum(['pdf', 'png', 'jpeg', 'tiff', 'docx']),
  pages: z.array(exhibitPage),
  findings: z.array(exhibitFinding),
  questions: z.number().int(),
});

const exhibitRedactReport = z.discriminatedUnion('status', [
  z.object({ status: z.literal('needs-decision'), questions: z.array(exhibitFinding) }),
  z.object({
    status: z.literal('leak-found'),
    hits: z.array(z.object({ page: z.number().int(), box: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }), kind: z.enum([...FINDING_KINDS, 'face']), source: z.string(), targets: z.array(hitTarget) })),
  }),
  z.object({
    status: z.literal('written'),
    folder: z.string(),
    files: z.array(writtenFile),
    pages: z.number().int(),
    redactions: z.number().int(),
    kept: z.number().int(),
  }),
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
  /** Corrects a case's title, court or number ('' clears a court or number); its scheme cannot change. */
  'cases:update': channel(
    z.strictObject({ caseId: id, title: text(300).optional(), court: text(300).optional(), number: text(100).optional() }),
    caseSummary,
  ),
  'cases:delete': channel(z.strictObject({ caseId: id }), z.object({ plaintiffs: z.number().int() })),
  'cases:schemeExamples': channel(z.strictObject({ scheme: text(60) }), z.array(z.string())),

  /** Counsel stored once: the firm's (no caseId) or a case's own, printed when a draft names none. */
  'counsel:get': channel(counselScope, counselView),
  /** Replaces the counsel of the scope (1 to 10 attorneys). */
  'counsel:set': channel(counselScope.extend({ counsel: z.array(counselEntry).max(MAX_COUNSEL) }), counselView),
  'counsel:clear': channel(counselScope, z.object({ cleared: z.boolean() })),

  /** The public roster: pseudonyms and status only. */
  'plaintiffs:roster': channel(z.strictObject({ caseId: id }), z.array(rosterEntry)),
  /** Ids of the plaintiffs matching by pseudonym, legal name or alias; no name is sent back. */
  'plaintiffs:search': channel(z.strictObject({ caseId: id, query: text(200) }), z.array(id)),
  /**
   * The roster's search as you type: which sequence numbers match, as a bitset (base64; bit k
   * of byte k >> 3 set: the plaintiff with seq k matches), and how many. A few kB for 100,000.
   */
  'plaintiffs:filter': channel(
    z.strictObject({ caseId: id, query: text(200) }),
    z.object({ count: z.number().int(), mask: z.string().max(200_000).regex(/^[A-Za-z0-9+/]*={0,2}$/) }),
  ),
  /** Starts building the case's search index in the background (a roster opened); ready: already built. */
  'plaintiffs:prepareSearch': channel(z.strictObject({ caseId: id }), z.object({ ready: z.boolean() })),
  'plaintiffs:add': channel(z.strictObject({ caseId: id, plaintiff: plaintiffFields }), rosterEntry),
  'plaintiffs:update': channel(z.strictObject({ caseId: id, plaintiffId: id, plaintiff: plaintiffFields }), rosterEntry),
  'plaintiffs:withdraw': channel(z.strictObject({ caseId: id, plaintiffId: id }), rosterEntry),
  /** One plaintiff's identity. Audited. */
  'plaintiffs:reveal': channel(z.strictObject({ caseId: id, plaintiffId: id }), revealedPlaintiff),
  /** Puts the legal name on the clipboard (audited) and clears it later if it is still there. */
  'plaintiffs:copyName': channel(z.strictObject({ caseId: id, plaintiffId: id }), z.object({ clearsAfterSeconds: z.number() })),
  /**
   * Writes the roster to a file chosen in main's save dialog (null: cancelled), never over one.
   * Public: pseudonym and status only. Sealed: with real identities, audited.
   */
  'plaintiffs:exportRoster': channel(
    z.strictObject({ caseId: id, sealed: z.boolean(), format: z.enum(['csv', 'xlsx', 'json']) }),
    z.object({ fileName: z.string(), rows: z.number().int(), sha256: z.string() }).nullable(),
  ),

  'audit:list': channel(none, z.array(auditEntry)),
  'audit:verify': channel(none, auditVerification),

  'filings:list': channel(z.strictObject({ caseId: id }), z.array(filingSummary)),
  'filings:get': channel(z.strictObject({ caseId: id, filingId: id }), filing),
  'filings:create': channel(z.strictObject({ caseId: id, filing: filingFields }), filing),
  'filings:update': channel(z.strictObject({ caseId: id, filingId: id, filing: filingFields }), filing),
  'filings:delete': channel(z.strictObject({ caseId: id, filingId: id }), z.object({ deleted: z.literal(true) })),
  /** Live highlighting: every mention of someone in the vault, with what DoeVault would do with it. */
  'filings:scan': channel(z.strictObject({ caseId: id, text: draftText }), z.array(finding)),
  /** A draft (.txt, .md, .docx) chosen in main's dialog, its unambiguous mentions made tokens. Null: cancelled. */
  /** `title` is the draft's own (front matter or first heading); the file's name is never a title, it may name someone. */
  'filings:importDraft': channel(z.strictObject({ caseId: id }), preparedDraft.extend({ fileName: z.string(), title: z.string().optional() }).nullable()),
  /** Applies a decision to one finding of `text` (offsets as last scanned); CONFLICT when the text moved on. */
  'filings:resolve': channel(
    z.strictObject({ caseId: id, text: draftText, start: z.number().int().min(0), end: z.number().int().min(0), choice }),
    z.object({ text: z.string() }),
  ),
  /** What an export would ask about; `body` is the body with its unambiguous mentions made tokens (question offsets refer to it). */
  'filings:check': channel(
    z.strictObject({ caseId: id, filing: filingFields }),
    z.object({ body: z.string(), converted: z.number().int(), questions: z.array(question) }),
  ),
  /** The court's first-page labels for a format (and sealing order date): the export dialog's defaults, per document. */
  'filings:defaultLabels': channel(z.strictObject({ format: z.enum(FILING_FORMATS), orderDate: text(10).optional() }), filingLabels),
  /** One version as it will be printed. The sealed version and the declaration of identities name people: audited. */
  'filings:preview': channel(
    z.strictObject({ caseId: id, filing: filingFields, audience: z.enum(['public', 'sealed', 'declaration']) }),
    renderedDocument,
  ),
  /** Exports into a folder chosen in main's dialog (null: cancelled), fail-closed. */
  'filings:export': channel(
    // pdfa: every PDF as PDF/A-2b, for portals that ask for archival PDFs; off unless asked for.
    z.strictObject({ caseId: id, filing: filingFields, docx: z.boolean(), pdfa: z.boolean().default(false), package: packageProtection }),
    exportReport.nullable(),
  ),
  /** What the Sealing papers dialog offers: the courts, the filings whose front matter can give the caption, the court to suggest. */
  'filings:sealingSetChoices': channel(z.strictObject({ caseId: id }), sealingSetChoices),
  /**
   * Writes the sealing set (motion, declaration of counsel, proposed order; the declaration of
   * identities lodged under seal) into a folder chosen in main's dialog (null: cancelled),
   * fail-closed like an export. Progress events; operations:cancel stops it and nothing is left.
   */
  'filings:sealingSet': channel(
    z.strictObject({ caseId: id, court: text(60), factsFrom: id.optional(), docx: z.boolean(), pdfa: z.boolean().default(false) }),
    sealingSetReport.nullable(),
  ),
  /** Shows the folder of the last export in the file manager; the renderer names no path. */
  'filings:showInFolder': channel(none, z.object({ shown: z.boolean() })),

  /** The recipient's public key for sealed packages, chosen in main's dialog and kept there. Null: cancelled. */
  'packages:chooseRecipientKey': channel(none, keyFile.nullable()),
  /** Forgets the chosen recipient key. */
  'packages:clearRecipientKey': channel(none, z.object({ cleared: z.literal(true) })),
  /**
   * Opens a sealed package chosen in main's dialog into a folder chosen there too, with the
   * package's passphrase, or a secret key file chosen in a third dialog. Null: cancelled.
   */
  'packages:open': channel(
    z.strictObject({
      secret: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('passphrase'), passphrase: secret }),
        z.strictObject({ kind: z.literal('secret-key') }),
      ]),
    }),
    z.object({ folder: z.string(), files: z.array(writtenFile) }).nullable(),
  ),
  /** Shows the folder of the last opened package in the file manager. */
  'packages:showInFolder': channel(none, z.object({ shown: z.boolean() })),

  /** Chooses an intake file (.csv, .xlsx) in main's dialog and reads its header and first rows (masked). Null: cancelled. */
  'intake:chooseFile': channel(z.strictObject({ caseId: id }), intakeInspection.nullable()),
  /** Reads the chosen file again, another sheet of an XLSX. */
  'intake:inspect': channel(z.strictObject({ caseId: id, sheet: sheetName.optional() }), intakeInspection),
  /** The real cells of the sample rows, for the person who asked to see them. */
  'intake:revealSample': channel(
    z.strictObject({ caseId: id, sheet: sheetName.optional() }),
    z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  ),
  /** Every problem and duplicate of the import, nothing written. Progress events; operations:cancel stops it. */
  'intake:preview': channel(
    z.strictObject(intakeChoice),
    z.object({ rows: z.number().int(), valid: z.number().int(), problems: z.array(intakeProblem), duplicates: z.array(intakeDuplicate) }),
  ),
  /**
   * Imports the chosen file in one transaction: all rows or none. Progress events with counts;
   * operations:cancel stops it and leaves the vault as it was (CANCELLED).
   */
  'intake:import': channel(
    z.strictObject({
      ...intakeChoice,
      onDuplicate: z.enum(['skip', 'import', 'fail']),
      decisions: z
        .record(z.string().regex(/^[1-9]\d{0,6}$/), duplicateDecision)
        .refine((decisions) => Object.keys(decisions).length <= 1_000_000, 'too many decisions')
        .optional(),
    }),
    z.object({
      added: z.number().int(),
      skipped: z.number().int(),
      merged: z.number().int(),
      rejected: z.number().int(),
      problems: z.array(intakeProblem),
      pseudonyms: z.object({ first: z.string(), last: z.string() }).optional(),
    }),
  ),
  /** Forgets the chosen file (the wizard closed). */
  'intake:clear': channel(none, z.object({ cleared: z.literal(true) })),
  /**
   * Adds an exhibit (.pdf .png .jpg .jpeg .tif .tiff .docx) chosen in main's dialog to the
   * case's exhibits under review; the path stays in main, the renderer gets an id for it. Null: cancelled.
   */
  'exhibits:chooseFile': channel(z.strictObject({ caseId: id }), z.object({ exhibitId, fileName: z.string() }).nullable()),
  /** Reads the chosen exhibit: every page rendered, its text layer and OCR searched. Progress events; operations:cancel stops it. */
  'exhibits:scan': channel(
    z.strictObject({ caseId: id, exhibitId, dpi: z.number().int().min(72).max(600).optional(), faces: z.boolean().optional() }),
    exhibitScan,
  ),
  /** A PNG (base64) of a page of the chosen exhibit, at most `width` pixels wide: thumbnails and the zoomed view. */
  'exhibits:page': channel(
    z.strictObject({ caseId: id, exhibitId, page: z.number().int().min(1).max(2_000), width: z.number().int().min(32).max(1_600) }),
    z.object({ page: z.number().int(), png: z.string(), width: z.number().int(), height: z.number().int(), widthPt: z.number(), heightPt: z.number() }),
  ),
  /** The words the last scan read at one finding: real names, for the person who asked to see them. */
  'exhibits:revealFinding': channel(z.strictObject({ caseId: id, exhibitId, findingId: z.string().regex(/^x[0-9a-f]{12}$/) }), z.object({ text: z.string() })),
  /**
   * Redacts the chosen exhibit into a folder chosen in main's dialog (null: cancelled),
   * fail-closed: the public PDF is read back (text and fresh OCR) before anything is placed.
   * Progress events; operations:cancel stops it and nothing is left.
   */
  'exhibits:redact': channel(
    z.strictObject({
      caseId: id,
      exhibitId,
      decisions: z.record(z.string().regex(/^x[0-9a-f]{12}$/), z.enum(['redact', 'keep'])).refine((d) => Object.keys(d).length <= 100_000, 'too many decisions'),
      regions: z.array(z.strictObject({ page: z.number().int().min(1).max(2_000), box: pageBox })).max(10_000),
      ocrLayer: z.boolean(),
      bates: z.strictObject({ prefix: text(20), start: z.number().int().min(1).max(999_999) }).optional(),
      cover: text(80).optional(),
      dpi: z.number().int().min(72).max(600).optional(),
      faces: z.boolean(),
    }),
    exhibitRedactReport.nullable(),
  ),
  /** Shows the last redacted exhibit's folder in the file manager. */
  'exhibits:showInFolder': channel(none, z.object({ shown: z.boolean() })),
  /** Forgets one exhibit under review and its findings. */
  'exhibits:remove': channel(z.strictObject({ caseId: id, exhibitId }), z.object({ removed: z.boolean() })),
  /** Forgets every exhibit under review and its findings (the screen closed). */
  'exhibits:clear': channel(none, z.object({ cleared: z.literal(true) })),
  /** Cancels the long operation running now (an import, an export); it undoes its work. False: nothing was running. */
  'operations:cancel': channel(none, z.object({ cancelled: z.boolean() })),
} as const;

export type Contract = typeof CONTRACT;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/** Main -> renderer events: only these kinds exist. */
export const EVENTS = {
  locked: z.object({ reason: z.enum(['user', 'idle', 'suspend', 'screen-lock']) }),
  /** `total` null: not known (an indeterminate bar). `step`: what the operation does now, in words. */
  progress: z.object({ operation: z.string(), done: z.number(), total: z.number().nullable(), step: z.string().optional() }),
} as const;

export type EventKind = keyof typeof EVENTS;
export type EventPayload<K extends EventKind> = z.output<(typeof EVENTS)[K]>;
export const EVENT_CHANNEL = 'doevault:event';

export { ERROR_CODES, type ErrorCode };

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string; field?: string } };

export type VaultStatus = z.output<typeof vaultStatus>;
export type CaseSummaryDto = z.output<typeof caseSummary>;
export type RosterEntryDto = z.output<typeof rosterEntry>;
export type CounselDto = z.input<typeof counselEntry>;
export type CounselViewDto = z.output<typeof counselView>;
export type RevealedPlaintiffDto = z.output<typeof revealedPlaintiff>;
export type PlaintiffFields = z.input<typeof plaintiffFields>;
export type AuditEntryDto = z.output<typeof auditEntry>;
export type Settings = z.output<typeof settings>;
export type FilingFields = z.input<typeof filingFields>;
export type FilingSummaryDto = z.output<typeof filingSummary>;
export type FilingDto = z.output<typeof filing>;
export type FindingDto = z.output<typeof finding>;
export type QuestionDto = z.output<typeof question>;
export type ChoiceDto = z.input<typeof choice>;
export type RenderedDocumentDto = z.output<typeof renderedDocument>;
export type BlockDto = z.output<typeof block>;
export type RunDto = z.output<typeof run>;
export type ExportReportDto = z.output<typeof exportReport>;
export type VerificationDto = z.output<typeof verification>;
export type FileHitDto = z.output<typeof fileHit>;
export type WrittenFileDto = z.output<typeof writtenFile>;
export type SetFileDto = z.output<typeof setFile>;
export type SealingSetReportDto = z.output<typeof sealingSetReport>;
export type SealingSetChoicesDto = z.output<typeof sealingSetChoices>;
export type PackageProtectionDto = z.input<typeof packageProtection>;
export type FilingLabelsDto = z.output<typeof filingLabels>;
export type KeyFileDto = z.output<typeof keyFile>;
export type FilingFormat = (typeof FILING_FORMATS)[number];
export type ExhibitScanDto = z.output<typeof exhibitScan>;
export type ExhibitFindingDto = z.output<typeof exhibitFinding>;
export type ExhibitRedactReportDto = z.output<typeof exhibitRedactReport>;
export type ExhibitRedactInput = z.input<(typeof CONTRACT)['exhibits:redact']['input']>;
export type PageBoxDto = z.output<typeof pageBox>;
export type IntakeInspectionDto = z.output<typeof intakeInspection>;
export type IntakeProblemDto = z.output<typeof intakeProblem>;
export type IntakeDuplicateDto = z.output<typeof intakeDuplicate>;
export type IntakeFieldName = (typeof INTAKE_FIELDS)[number];
export type DuplicateDecisionDto = z.output<typeof duplicateDecision>;
export { INTAKE_FIELDS, KEY_FIELD_LABELS, KIND_WORDS };
/** The attorney's fields and the limits the counsel form states before the core checks them. */
export { COUNSEL_FIELDS, MAX_ADDRESS_LINES, MAX_COUNSEL };
export type KeyField = (typeof KEY_FIELDS)[number];
/** The new-passphrase rule the vault enforces, for the renderer's meter to show before submit (issue 11). */
export {
  MIN_PASSPHRASE_LENGTH,
  MIN_PASSPHRASE_SCORE,
  PASSPHRASE_CONTEXT_WORDS,
  PASSPHRASE_L33T_MAX_SUBSTITUTIONS,
  PASSPHRASE_SCORE_LABELS,
  passphraseProblem,
  SCORED_PASSPHRASE_CHARS,
} from '../src-main/core/shared';
/** The printed lines of a signature block, for the preview to show what the writers print. */
export { signatureLines } from '../src-main/core/shared';
