import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkfifoSync } from './fifo';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { docxAllText, pdfWith } from './published';
import { join } from 'node:path';
import type { RedTeam } from './context';
import { docxWithNameIn, HIDING_PLACES } from '../fixtures/docx-parts';
import { doxxCaught, DOXX_FORMS } from './doxxing';
import { EXHIBIT_VECTORS } from './exhibits';
import { tamperingCaught, TAMPERINGS } from './tampering';
import { hostileWorkbookRefused, killedExportCleaned, weakPassphraseRefused } from './weaknesses';
import { draft, faker, fullName, initials, lookAlike, namesIn, person, pluralSurname, runTogether, styled } from './forms';

/** One way a name got (or could get) through, tried `tries` times with fresh synthetic data. */
export interface Vector {
  name: string;
  /** One try: true when DoeVault caught it. */
  attempt(team: RedTeam, index: number): Promise<boolean>;
}

/** Every known vector: issue 11's in its order, then later ones. */
export const VECTORS: Vector[] = [
  {
    name: 'look-alike letters (Cyrillic, Greek) in the draft',
    async attempt(team) {
      const p = person();
      await team.add(p);
      return team.allDoorsCatch(`${lookAlike(p.given)} ${lookAlike(p.surname)}`, p);
    },
  },
  {
    name: 'fullwidth and mathematical letters',
    async attempt(team) {
      const p = person();
      await team.add(p);
      // The PDF font draws neither: verify reads a Word file instead.
      return team.allDoorsCatch(`${styled(p.given)} ${styled(p.surname)}`, p, 'docx');
    },
  },
  {
    name: 'a name stored with look-alikes, written in Latin',
    async attempt(team) {
      const p = person();
      await team.add(`${lookAlike(p.given)} ${lookAlike(p.surname)}`);
      return team.allDoorsCatch(fullName(p), p);
    },
  },
  {
    name: 'run-together names, handles and URLs',
    async attempt(team) {
      const p = person();
      await team.add(p);
      return team.allDoorsCatch(runTogether(p), p);
    },
  },
  {
    name: 'the title taken from the file name',
    async attempt(team, index) {
      const p = person();
      await team.add(p);
      const dir = team.path('named');
      const input = join(team.dir, `${p.given}${p.surname}-${index}.txt`);
      // Every other try has no heading: then there is no title to take but the file name.
      const heading = index % 2 === 0 ? 'COMPLAINT FOR DAMAGES\n\n' : '';
      writeFileSync(input, `${heading}Plaintiffs allege as follows.\n\nThe posts named no one.\n`);
      const result = await team.cli(['export', '--case', team.caseId, '--in', input, '--out', dir, '--docx']);
      if (result.code !== 0) return !existsSync(dir) || readdirSync(dir).length === 0; // refusing, with nothing written, is catching
      const pdf = join(dir, 'public.pdf');
      const text = execFileSync('pdftotext', [pdf, '-']).toString() + execFileSync('pdfinfo', ['-meta', pdf]).toString() + execFileSync('pdfinfo', [pdf]).toString();
      return !namesIn(text + (await docxAllText(readFileSync(join(dir, 'public.docx')))), p);
    },
  },
  {
    name: 'initials next to a name-like context',
    async attempt(team) {
      const p = person();
      await team.add(p);
      return team.allDoorsCatch(initials(p), p);
    },
  },
  {
    name: "a plural surname: the Quillfeathers' house",
    async attempt(team) {
      const p = person();
      await team.add(p);
      return team.allDoorsCatch(pluralSurname(p), p);
    },
  },
  {
    // "Jane. Does the City …" read as the words of the placeholder "Jane Does": the given name
    // before the full stop was taken for a pseudonym's and hidden (shield-gaps.ts).
    name: 'a given name before "Does", across punctuation',
    async attempt(team) {
      const given = faker.helpers.arrayElement(['Jane', 'John']);
      await team.add({ given, surname: person().surname });
      const mark = faker.helpers.arrayElement(['.', '?', ';', ':', '!', ',']);
      const text = draft(`${given}${mark} Does`);
      // What the export publishes may hold the given name only inside pseudonyms ("Jane Doe 3").
      const published = await team.exportPublished(text);
      const exported = published === false || (published !== true && !new RegExp(`\\b${given}\\b(?!\\s+Does?\\b)`, 'i').test(published));
      return (await team.scanCatches(text)) && exported && (await team.verifyCatches(text));
    },
  },
  {
    // A double surname stored with a figure dash, a minus sign or a fullwidth hyphen was not
    // parted like one with a hyphen: its second part alone and its initials went unasked (dashes.ts).
    name: 'a double surname stored with an unusual dash, one part written',
    async attempt(team) {
      const p = person();
      const second = person().surname;
      const dash = faker.helpers.arrayElement(['\u2012', '\u2015', '\u2212', '\uFF0D', '\uFE63', '\u2E3A']);
      await team.add(`${p.given} ${p.surname}${dash}${second}`);
      return team.allDoorsCatch(`Officer ${second}`, { given: p.given, surname: second });
    },
  },
  {
    name: 'a word mixing scripts',
    async attempt(team) {
      // Not anyone's name: a word no reader should find in a filing with a letter of another script.
      const word = faker.helpers.arrayElement(['Sergeant', 'Station', 'Precinct', 'Officer', 'Detective', 'Warrant']);
      const who = person();
      return team.allDoorsCatch(`${lookAlike(word)} ${who.surname}`, { given: 'x', surname: 'zzzzzzzz' });
    },
  },
  {
    // Braces mean a token only in a DoeVault draft; the scanner once skipped them everywhere,
    // so a PDF, Word file or exhibit with "{{Marta Kowalczyk}}" verified clean.
    name: 'a name in braces, as if it were a token',
    async attempt(team) {
      const p = person();
      await team.add(p);
      const wrap = faker.helpers.arrayElement([(n: string) => `{{${n}}}`, (n: string) => `{{ ${n} }}`, (n: string) => `{{redacted|${n}}}`, (n: string) => `{{Jane Doe 1|${n}}}`]);
      const form = wrap(fullName(p));
      const [scanned, pdf, docx] = [await team.scanCatches(draft(form)), await team.verifyCatches(draft(form)), await team.verifyCatches(draft(form), 'docx')];
      if (process.env.REDTEAM_DEBUG) process.stderr.write(`  ${JSON.stringify(form)}: scan ${scanned}, verify pdf ${pdf}, verify docx ${docx}\n`);
      return scanned && pdf && docx;
    },
  },
  {
    name: 'a name only in one part of a Word file',
    async attempt(team, index) {
      // scan and verify: every place a name can hide; export (slower): one place per try, in turn.
      let caught = true;
      for (const [i, place] of HIDING_PLACES.entries()) {
        const p = person();
        await team.add(p);
        const file = team.write('hidden.docx', await docxWithNameIn(place, fullName(p)));
        const scanned = (await team.cli(['scan', '--case', team.caseId, file])).code === 3;
        const verified = (await team.cli(['verify', '--case', team.caseId, file])).code === 3;
        const exported = i === index % HIDING_PLACES.length ? await team.exportKeepsOut(file, p) : true;
        if (process.env.REDTEAM_DEBUG) process.stderr.write(`  ${place}: scan ${scanned}, export ${exported}, verify ${verified}\n`);
        caught &&= scanned && verified && exported;
      }
      return caught;
    },
  },
  ...Object.entries(DOXX_FORMS).map(([name, make]): Vector => ({ name: `doxxing: ${name}`, attempt: (team) => doxxCaught(team, make) })),
  ...Object.entries(TAMPERINGS).map(([name, sql]): Vector => ({ name: `vault file: ${name}`, attempt: (team) => tamperingCaught(team, sql) })),
  {
    name: 'a passphrase file without end (/dev/zero)',
    async attempt(team) {
      const result = await team.cli(['case', 'list'], { passFile: '/dev/zero', timeoutMs: 60_000 });
      return !result.timedOut && result.code !== 0;
    },
  },
  {
    name: 'a FIFO given as the vault',
    async attempt(team) {
      const fifo = team.path('vault.fifo');
      mkfifoSync(fifo);
      const result = await team.cli(['case', 'list'], { vault: fifo, timeoutMs: 60_000 });
      return !result.timedOut && result.code !== 0;
    },
  },
  { name: 'a weak passphrase', attempt: weakPassphraseRefused },
  { name: 'a spreadsheet that inflates to 160 MB', attempt: hostileWorkbookRefused },
  { name: 'an export killed mid-way', attempt: killedExportCleaned },
  {
    // Issue 12: verify believes an export's manifest about its sealed versions. Without the case
    // key its authentication cannot follow an edit, so the dressed-up file is checked as any file.
    name: 'a leaking PDF passed off as an export\'s sealed version',
    async attempt(team) {
      const p = person();
      await team.add(p);
      const out = team.path('export');
      const exported = await team.cli(['export', '--case', team.caseId, '--in', team.write('draft.md', draft('the department')), '--out', out]);
      if (exported.code !== 0) throw new Error(`export failed (exit ${exported.code}): ${exported.stderr.slice(0, 300)}`);
      const leak = await pdfWith(draft(fullName(p)));
      writeFileSync(join(out, 'sealed.pdf'), leak);
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: { name: string; sha256: string }[] };
      manifest.files.find((file) => file.name === 'sealed.pdf')!.sha256 = createHash('sha256').update(leak).digest('hex');
      writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2));
      return (await team.cli(['verify', '--case', team.caseId, join(out, 'sealed.pdf')])).code === 3;
    },
  },
  ...Object.entries(EXHIBIT_VECTORS).map(([name, attempt]): Vector => ({ name: `exhibit: ${name}`, attempt: (team) => attempt(team) })),
];
