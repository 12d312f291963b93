// The leak scanner against ripgrep: 10,000 synthetic identities, a ~2 MB synthetic filing with
// a few hundred names, emails, phones, ID numbers and addresses embedded in various forms.
// DoeVault: LeakScanner.build and LeakScanner.scan, in process. ripgrep: `rg -F -i -w -f
// PATTERNS DOC` with the scanner's name and contact variants in their written form; its time is
// process wall time minus a run on an empty document (build) or minus that run (scan).
// Then every match rg reports must lie inside the scanner's hits: if not, the bench fails.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Faker, en } from '@faker-js/faker';
import { identityVariants, LeakScanner, type LeakHit, type ScanIdentity } from '../../src-main/core/scan';
import { syntheticPlaintiffs } from '../fixtures/synthetic';
import { formatCount, formatDuration, formatRatio, markdownTable, median, timed } from './measure';
import { genderedPseudonym } from './workload';

export const RG = '/usr/bin/rg';
export const RG_NOT_INSTALLED = 'n/a (apt-get install ripgrep)';

export interface ScannerBenchOptions {
  identities: number;
  /** Approximate document size in characters. */
  documentChars: number;
  runs: number;
  /** The rg binary; null: behave as if it were not installed. */
  rg?: string | null;
}

export const SCANNER_FULL = { identities: 10_000, documentChars: 2 * 1024 * 1024 } as const;
export const SCANNER_QUICK = { identities: 200, documentChars: 64 * 1024 } as const;

export interface ScannerBenchResult {
  identities: number;
  /** The requested size (the label); the document is about that long. */
  documentChars: number;
  embedded: number;
  patterns: number;
  runs: number;
  build: number[];
  scan: number[];
  hits: number;
  rg?: { version: string; build: number[]; scan: number[]; matches: number; missed: string[] };
}

export const SCANNER_ROWS = ['build', 'scan'] as const;

export function scannerRowLabel(row: (typeof SCANNER_ROWS)[number], identities: number, documentChars: number): string {
  return row === 'build'
    ? `build matcher, ${formatCount(identities)} identities`
    : `scan ${formatSize(documentChars)} document`;
}

function formatSize(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / (1024 * 1024)).toFixed(1)} MB` : `${Math.round(chars / 1024)} KB`;
}

export function scanIdentities(count: number): ScanIdentity[] {
  // The doxxing surface (issue 11) from a faker of its own, so the identities above stay as they were.
  const profiles = new Faker({ locale: [en] });
  profiles.seed(11_011);
  return syntheticPlaintiffs(count, 4_242).map((person, i) => ({
    plaintiffId: `p${i + 1}`,
    caseId: 'bench',
    pseudonym: genderedPseudonym(person, i + 1),
    legalName: person.legalName,
    aliases: (person.aliases ?? []).map(String),
    dob: person.dob ?? undefined,
    email: person.email ?? undefined,
    phone: person.phone ?? undefined,
    address: person.address ?? undefined,
    idNumbers: (person.idNumbers ?? []).map(String),
    ...profileOf(profiles, person.legalName),
  }));
}

/** One or two relatives, a past address, a school and an employer, a plate, a handle and a characteristic. */
function profileOf(faker: Faker, legalName: string): Partial<ScanIdentity> {
  const surname = legalName.split(' ').at(-1)!;
  return {
    family: Array.from({ length: faker.number.int({ min: 1, max: 2 }) }, () => ({ name: `${faker.person.firstName()} ${surname}`, relation: faker.helpers.arrayElement(['spouse', 'son', 'daughter']) })),
    pastAddresses: [`${faker.location.streetAddress()}, ${faker.location.city()}`],
    affiliations: [
      { name: `${faker.location.city()} ${faker.helpers.arrayElement(['High School', 'Academy', 'Elementary School'])}`, kind: 'school' },
      { name: faker.company.name(), kind: 'employer' },
    ],
    vehicles: [{ plate: faker.string.alphanumeric({ length: 7, casing: 'upper' }).replace(/^./, String(faker.number.int(9))), state: faker.location.state({ abbreviated: true }) }],
    handles: [`@${faker.internet.username({ firstName: legalName.split(' ')[0] }).toLowerCase()}`],
    characteristics: [`${faker.color.human()} ${faker.helpers.arrayElement(['dragon', 'phoenix', 'anchor', 'rose'])} tattoo`],
  };
}

const SENTENCES = [
  'The court has considered the motion, the opposition and the reply, and the record as a whole.',
  'Plaintiffs allege that the department failed to protect the confidential identities of its officers.',
  'Defendants contend that the complaint does not state a claim upon which relief can be granted.',
  'The parties met and conferred in good faith and were unable to resolve the dispute without intervention.',
  'Pursuant to the protective order, the declarations shall be filed under seal and served on counsel only.',
  'The hearing on the motion will be held in the main courtroom on the second floor of the courthouse.',
  'Counsel for the plaintiffs may grant an extension of time if the request is made before the deadline.',
  'The evidence shows that the records were kept in a locked cabinet and reviewed by the supervising officer.',
  'A reasonable person in the position of the plaintiff would have feared for the safety of the family.',
  'The witness testified that the documents were mailed to the address listed in the personnel file.',
  'Each plaintiff has submitted a declaration describing the harm that would follow from disclosure.',
  'The public interest in open proceedings is outweighed here by the risk of retaliation and harm.',
  'This order resolves the pending motions and sets a schedule for the remaining discovery.',
  'The annual report of the agency lists the assignments of every officer by unit and by district.',
  'The young officer reported the incident to the sergeant, who forwarded it to internal affairs.',
  'Nothing in this order shall be construed as a finding on the merits of any claim or defense.',
];

function mention(faker: Faker, person: ScanIdentity): string {
  const [first, ...rest] = person.legalName.split(' ');
  const last = rest[rest.length - 1] ?? first!;
  const digits = (person.phone ?? '').replace(/\D/g, '').slice(-10);
  const form = faker.number.int({ min: 0, max: 19 });
  switch (form) {
    case 0:
      return person.legalName;
    case 1:
      return `${last.toUpperCase()}, ${first!.toUpperCase()}`;
    case 2:
      return `${first![0]}. ${last}`;
    case 3:
      return `Ms. ${last}'s`;
    case 4:
      return `${first}\n${last}`;
    case 5:
      return `mailto:${person.email}`;
    case 6:
      return `https://portal.example.net/profile?u=${person.email}&ref=filing`;
    case 7:
      return person.phone ?? person.legalName;
    case 8:
      return `${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6)}`;
    case 9:
      return `+1 ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
    case 10:
      return digits.split('').join(' ');
    case 11:
      return `badge ${person.idNumbers[0] ?? ''}`;
    case 12:
      return (person.address ?? person.legalName).split(',')[0]!;
    case 13: {
      const cut = Math.max(1, Math.floor(last.length / 2));
      return `${first} ${last.slice(0, cut)}-\n${last.slice(cut)}`;
    }
    case 14:
      return `${first}`;
    case 16:
      return person.family?.[0]?.name ?? person.legalName;
    case 17: {
      const plate = person.vehicles?.[0]?.plate ?? '';
      return `plate ${plate.slice(0, 3)} ${plate.slice(3)}`;
    }
    case 18:
      return `https://x.example/${(person.handles?.[0] ?? '').replace(/^@/, '')}`;
    case 19:
      return person.affiliations?.[0]?.name ?? person.legalName;
    default:
      return `${last}`;
  }
}

/** Filler prose with embedded mentions, wrapped at 78 columns (mentions may wrap too). */
export function syntheticDocument(identities: readonly ScanIdentity[], chars: number, seed = 77): { text: string; embedded: number } {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  const lines: string[] = [];
  let line = '';
  let size = 0;
  let embedded = 0;
  // About 400 mentions per 2 MB (at least 20), spread evenly over ~100-character sentences.
  const target = Math.max(20, Math.round((400 * chars) / (2 * 1024 * 1024)));
  const interval = Math.max(1, Math.floor(chars / 100 / target));
  let sentences = 0;
  const push = (word: string) => {
    if (line.length + 1 + word.length > 78 && line !== '') {
      lines.push(line);
      size += line.length + 1;
      line = '';
    }
    line = line === '' ? word : `${line} ${word}`;
  };
  while (size < chars) {
    const sentence = faker.helpers.arrayElement(SENTENCES);
    for (const word of sentence.split(' ')) push(word);
    sentences++;
    if (sentences % interval === 0 && identities.length > 0) {
      const text = mention(faker, faker.helpers.arrayElement(identities));
      const pieces = text.split('\n');
      pieces.forEach((piece, i) => {
        for (const word of piece.split(' ').filter((w) => w !== '')) push(word);
        if (i < pieces.length - 1) {
          lines.push(line);
          size += line.length + 1;
          line = '';
        }
      });
      embedded++;
    }
    if (sentences % 9 === 0) {
      lines.push(line, '');
      size += line.length + 2;
      line = '';
    }
  }
  lines.push(line);
  return { text: `${lines.join('\n')}\n`, embedded };
}

/** The scanner's name and contact variants in their written form, one per line, deduplicated. */
export function patternList(identities: readonly ScanIdentity[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const identity of identities) {
    for (const variant of identityVariants(identity)) {
      if (variant.channel === 'date') continue;
      const text = variant.text.trim();
      const key = text.toLowerCase();
      if (text === '' || seen.has(key)) continue;
      seen.add(key);
      out.push(text);
    }
  }
  return out;
}

function wall(binary: string, args: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(binary, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`rg failed (${result.status}): ${result.stderr.toString().slice(0, 500)}`);
  }
  return ms;
}

interface RgMatch {
  start: number;
  end: number;
  line: number;
  text: string;
}

/** rg's matches as UTF-16 offsets into `text`. */
function rgMatches(binary: string, args: readonly string[], text: string): RgMatch[] {
  const result = spawnSync(binary, ['--json', ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`rg failed (${result.status}): ${result.stderr.slice(0, 500)}`);
  // Byte offset -> UTF-16 offset.
  const bytes = Buffer.from(text, 'utf8');
  const toUtf16 = new Int32Array(bytes.length + 1);
  let unit = 0;
  for (let b = 0; b < bytes.length; ) {
    const lead = bytes[b]!;
    const length = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    for (let k = 0; k < length; k++) toUtf16[b + k] = unit;
    b += length;
    unit += length === 4 ? 2 : 1;
  }
  toUtf16[bytes.length] = unit;
  const matches: RgMatch[] = [];
  for (const row of result.stdout.split('\n')) {
    if (!row.startsWith('{"type":"match"')) continue;
    const data = (JSON.parse(row) as { data: { line_number: number; absolute_offset: number; submatches: { start: number; end: number; match: { text?: string } }[] } }).data;
    for (const sub of data.submatches) {
      matches.push({
        start: toUtf16[data.absolute_offset + sub.start]!,
        end: toUtf16[data.absolute_offset + sub.end]!,
        line: data.line_number,
        text: sub.match.text ?? '',
      });
    }
  }
  return matches;
}

/** rg matches with a letter or digit outside every scanner hit. */
function missedBy(hits: readonly LeakHit[], matches: readonly RgMatch[], text: string): RgMatch[] {
  const covered = new Uint8Array(text.length);
  for (const hit of hits) covered.fill(1, hit.start, hit.end);
  return matches.filter((match) => {
    for (let i = match.start; i < match.end; i++) {
      if (!covered[i] && /[\p{L}\p{N}]/u.test(text[i]!)) return true;
    }
    return false;
  });
}

/** The bench fails (non-zero exit) when the scanner misses what rg finds. */
export function scannerMissed(result: ScannerBenchResult): boolean {
  return (result.rg?.missed.length ?? 0) > 0;
}

export function findRg(): string | undefined {
  return existsSync(RG) ? RG : undefined;
}

export function runScannerBench(root: string, options: ScannerBenchOptions, progress: (line: string) => void = () => {}): ScannerBenchResult {
  progress(`Scanner: generating ${formatCount(options.identities)} identities and a ${formatSize(options.documentChars)} document (fixed seeds) ...`);
  const identities = scanIdentities(options.identities);
  const { text, embedded } = syntheticDocument(identities, options.documentChars);
  const build: number[] = [];
  const scan: number[] = [];
  // One unmeasured run first: the numbers are for compiled code, not the JIT's first pass.
  LeakScanner.build(identities).scan(text);
  let scanner: LeakScanner | undefined;
  let hits: LeakHit[] = [];
  for (let run = 1; run <= options.runs; run++) {
    progress(`Scanner run ${run} of ${options.runs} ...`);
    const built = timed(() => LeakScanner.build(identities));
    build.push(built.ms);
    scanner = built.value;
    const scanned = timed(() => scanner!.scan(text));
    scan.push(scanned.ms);
    hits = scanned.value;
  }
  const patterns = patternList(identities);
  const result: ScannerBenchResult = {
    identities: options.identities,
    documentChars: options.documentChars,
    embedded,
    patterns: patterns.length,
    runs: options.runs,
    build,
    scan,
    hits: hits.length,
  };

  const binary = options.rg === null ? undefined : (options.rg ?? findRg());
  if (!binary) return result;
  const patternFile = join(root, 'patterns.txt');
  const emptyPatterns = join(root, 'empty-patterns.txt');
  const documentFile = join(root, 'document.txt');
  const emptyDocument = join(root, 'empty.txt');
  writeFileSync(patternFile, `${patterns.join('\n')}\n`);
  writeFileSync(emptyPatterns, 'zzzzzzzzzzzz\n');
  writeFileSync(documentFile, text);
  writeFileSync(emptyDocument, '');
  const flags = ['-F', '-i', '-w', '--no-config', '--regex-size-limit', '1G', '--dfa-size-limit', '1G'];
  const rgBuild: number[] = [];
  const rgScan: number[] = [];
  // rg takes seconds per run at full size: at most 3 runs.
  const runs = Math.min(3, options.runs);
  for (let run = 1; run <= runs; run++) {
    progress(`rg run ${run} of ${runs} ...`);
    const empty = wall(binary, [...flags, '-f', emptyPatterns, emptyDocument]);
    const compiled = wall(binary, [...flags, '-f', patternFile, emptyDocument]);
    const searched = wall(binary, [...flags, '-f', patternFile, documentFile]);
    rgBuild.push(Math.max(0, compiled - empty));
    rgScan.push(Math.max(0, searched - compiled));
  }
  progress('Checking that the scanner finds every match rg finds ...');
  const matches = rgMatches(binary, [...flags, '-f', patternFile, documentFile], text);
  const missed = missedBy(hits, matches, text).map((m) => `line ${m.line}: ${JSON.stringify(m.text)}`);
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]?.trim() ?? 'rg';
  return { ...result, rg: { version, build: rgBuild, scan: rgScan, matches: matches.length, missed } };
}

export function renderScannerReport(result: ScannerBenchResult): string {
  const header = ['operation', 'DoeVault (median)', 'rg -F -i -w (median)', 'ratio (rg / DoeVault)'];
  const body = SCANNER_ROWS.map((row) => {
    const ours = median(result[row]);
    const theirs = result.rg ? median(result.rg[row]) : Number.NaN;
    return [
      scannerRowLabel(row, result.identities, result.documentChars),
      formatDuration(ours),
      result.rg ? formatDuration(theirs) : RG_NOT_INSTALLED,
      result.rg && ours > 0 ? formatRatio(theirs / ours) : '–',
    ];
  });
  const check = !result.rg
    ? 'rg is not installed, so its matches were not compared (Debian/Ubuntu: apt-get install ripgrep).'
    : result.rg.missed.length === 0
      ? `Every one of rg's ${formatCount(result.rg.matches)} matches lies inside one of the scanner's ${formatCount(result.hits)} hits: nothing rg finds is missed.`
      : `SCANNER MISSED ${formatCount(result.rg.missed.length)} of rg's ${formatCount(result.rg.matches)} matches, e.g. ${result.rg.missed.slice(0, 5).join('; ')}.`;
  const notes = [
    `Leak scanner: ${formatCount(result.identities)} synthetic identities (faker, fixed seed), ${formatCount(result.patterns)} distinct\n` +
      `   name and contact variants; a ${formatSize(result.documentChars)} synthetic filing with ${formatCount(result.embedded)} embedded mentions\n` +
      '   (full names, LAST, FIRST, F. Last, possessives, names across line breaks and end-of-line\n' +
      '   hyphenation, emails in URLs, phones in four formats, badge numbers, street lines) and the\n' +
      '   doxxing surface (relatives, past addresses, schools, employers, plates, handles, tattoos).\n' +
      `   DoeVault: LeakScanner.build / scan in process, ${result.runs === 1 ? '1 run' : `the median of ${result.runs} runs`} after one warm-up\n` +
      '   run. The scan covers what rg does not: diacritics, dates of birth, pseudonym shields,\n' +
      '   hyphenation, names run together, look-alike letters, confidences. Target (issue 11):\n' +
      '   build < 400 ms for 10,000 identities.',
    result.rg
      ? `${result.rg.version}: rg -F -i -w -f PATTERNS DOC, the same variants as fixed strings. Build = wall time\n` +
        '   on an empty document minus a run with one pattern (process start-up); scan = wall time on\n' +
        `   the document minus the run on the empty one; ${result.rg.build.length === 1 ? '1 run' : `the median of ${result.rg.build.length} runs`}. Target (issue 11): scan ratio >= 500×.`
      : 'rg: not installed, so there is no reference column (Debian/Ubuntu: apt-get install ripgrep).',
    check,
  ];
  return [
    `Leak scanner benchmark: ${formatCount(result.identities)} identities, ${formatSize(result.documentChars)} document`,
    '',
    ...markdownTable(header, body),
    '',
    ...notes.map((note, i) => `${i + 1}. ${note}`),
  ].join('\n');
}
