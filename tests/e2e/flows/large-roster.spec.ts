import { expect, openApp, SLOW, test, type AppWindow } from '../harness';
import { PASSPHRASE, field, rosterRow, screen } from './helpers';
import { seedVault } from './seed';

// The roster of a case with 100,000 plaintiffs (DOEVAULT_E2E_ROSTER overrides the number):
// it opens, stays virtualised (a few dozen rows in the DOM), scrolls smoothly, moves by
// keyboard from the first to the last plaintiff, and searches by pseudonym and by real name.

const COUNT = Number(process.env.DOEVAULT_E2E_ROSTER ?? 100_000);
const TITLE = 'Officers Doe v. City of Northfield';

test(`a roster of ${COUNT.toLocaleString('en-US')} plaintiffs stays usable`, async ({ harness }, testInfo) => {
  const { page } = harness;
  const timings: Record<string, number> = {};
  const time = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    try {
      return await work();
    } finally {
      timings[label] = Date.now() - started;
    }
  };

  const seeded = await time('seed (test process, one transaction per 10,000)', () =>
    seedVault(harness, { file: 'northfield.doevault', passphrase: PASSPHRASE, caseTitle: TITLE, scheme: 'prefix:Officer Doe', plaintiffs: COUNT, seed: 7 }),
  );

  await openApp(harness);
  harness.answerDialogs({ chooseVaultToOpen: seeded.path });
  await page.getByRole('button', { name: /Open an existing vault/ }).click();
  await field(page, 'Passphrase').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible({ timeout: SLOW });
  await expect(page.getByRole('row').filter({ hasText: TITLE }).getByRole('cell').nth(2)).toHaveText(COUNT.toLocaleString('en-US'));

  await time('open the roster (first row shown; includes the loading screenshot)', async () => {
    await page.getByRole('button', { name: `Open roster of ${TITLE}` }).click();
    if (COUNT >= 10_000) {
      // Loading 100,000 entries takes seconds: the screen says so with a progress bar.
      await expect(page.getByRole('progressbar', { name: 'Loading the roster…' })).toBeVisible();
      await screen(harness, 'roster-large-loading');
    }
    await expect(rosterRow(page, 'Officer Doe 1')).toBeVisible({ timeout: SLOW });
  });
  await expect(page.getByText(`${COUNT.toLocaleString('en-US')} plaintiffs`, { exact: true })).toBeVisible();
  const table = page.getByRole('table', { name: `Plaintiffs of ${TITLE}` });
  await expect(table).toHaveAttribute('aria-rowcount', String(COUNT + 1));
  const rendered = await page.locator('.roster-body [role="row"]').count();
  expect(rendered).toBeLessThan(60);
  await screen(harness, 'roster-large');

  // Scrolling, timed with requestAnimationFrame: 100 frames of wheel-like steps (600 px), then
  // 100 frames of jumps across the whole list (dragging the scrollbar).
  const frames = await page.evaluate(async () => {
    type El = { scrollTop: number; scrollHeight: number };
    const g = globalThis as unknown as {
      document: { querySelector(s: string): El | null; querySelectorAll(s: string): { length: number } };
      requestAnimationFrame(cb: (t: number) => void): number;
    };
    const scroller = g.document.querySelector('.roster-scroll')!;
    const nextFrame = () => new Promise<number>((resolve) => g.requestAnimationFrame(resolve));
    const run = async (step: (i: number) => void) => {
      const intervals: number[] = [];
      let rows = 0;
      let last = await nextFrame();
      for (let i = 0; i < 100; i++) {
        step(i);
        const now = await nextFrame();
        intervals.push(now - last);
        rows = Math.max(rows, g.document.querySelectorAll('.roster-body [role="row"]').length);
        last = now;
      }
      intervals.sort((a, b) => a - b);
      return { median: Math.round(intervals[50]!), p95: Math.round(intervals[95]!), max: Math.round(intervals[99]!), rows };
    };
    const wheel = await run(() => {
      scroller.scrollTop += 600;
    });
    const jumps = await run((i) => {
      scroller.scrollTop = (scroller.scrollHeight * ((i * 37) % 100)) / 100;
    });
    return { wheel, jumps };
  });
  testInfo.annotations.push({ type: 'scroll frame intervals (ms)', description: JSON.stringify(frames) });
  // Frame intervals are printed, not asserted (a loaded 2-core machine can always be slower;
  // measured here quiet: a median of 17–33 ms). What a user relies on is asserted instead: at
  // no frame of either scroll does the roster hold more than a screenful of rows, so it never
  // lays out the whole list as it scrolls.
  console.log(`[large roster] scroll frame intervals (ms): ${JSON.stringify(frames)}`);
  for (const kind of ['wheel', 'jumps'] as const) {
    expect(frames[kind].rows, `rows in the DOM while scrolling (${kind})`).toBeLessThan(60);
  }
  expect(await page.locator('.roster-body [role="row"]').count()).toBeLessThan(60);

  // Keyboard: Home, End, arrows, Page Down.
  await page.locator('.roster-scroll').evaluate((element) => {
    (element as unknown as { scrollTop: number }).scrollTop = 0;
  });
  await rosterRow(page, 'Officer Doe 1').focus();
  await time('End key to the last plaintiff', async () => {
    await page.keyboard.press('End');
    await expect(rosterRow(page, `Officer Doe ${COUNT}`)).toBeFocused();
  });
  await page.keyboard.press('ArrowUp');
  await expect(rosterRow(page, `Officer Doe ${COUNT - 1}`)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rosterRow(page, `Officer Doe ${COUNT - 1}`)).toContainText(seeded.legalNames[COUNT - 2]!);
  await screen(harness, 'roster-large-end');
  await page.keyboard.press('Home');
  await expect(rosterRow(page, 'Officer Doe 1')).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect(page.locator('.roster-row:focus')).toHaveAttribute('data-index', /^[1-9]\d*$/);

  // Search by pseudonym (the first search builds the name index in main: progress is shown).
  const search = page.getByRole('searchbox', { name: 'Search pseudonyms and real names' });
  const target = COUNT > 99_999 ? 99_999 : COUNT;
  await time('first search (by pseudonym)', async () => {
    await search.fill(`Officer Doe ${target}`);
    await expect(page.getByText(`1 of ${COUNT.toLocaleString('en-US')} plaintiffs`)).toBeVisible({ timeout: SLOW });
  });
  await expect(rosterRow(page, `Officer Doe ${target}`)).toBeVisible();

  // By real name: one that only one plaintiff has.
  const counts = new Map<string, number>();
  for (const name of seeded.legalNames) counts.set(name, (counts.get(name) ?? 0) + 1);
  const index = seeded.legalNames.findIndex((name, i) => i > COUNT / 2 && counts.get(name) === 1);
  await time('search by real name', async () => {
    await search.fill(seeded.legalNames[index]!);
    await expect(page.getByText(`1 of ${COUNT.toLocaleString('en-US')} plaintiffs`)).toBeVisible({ timeout: SLOW });
  });
  await expect(rosterRow(page, `Officer Doe ${index + 1}`)).toBeVisible();
  await expect(page.getByText(seeded.legalNames[index]!, { exact: true })).toHaveCount(0); // masked in the table
  await screen(harness, 'roster-large-search');

  // Search as you type (issue 5: under 50 ms per keystroke at 100,000): from each keystroke's
  // input event to the roster showing that query's result (the count's data-search-applied
  // equals the typed text) and the next frame painted. A keystroke that leaves the trimmed query
  // as it was (a space) needs no new result: the list on screen is already its result, so it is
  // done at the next frame (it used to wait for the next keystroke's result, ~45 ms later, and
  // made the 95th percentile). A benchmark, printed, not asserted: a loaded 2-core machine can
  // always be slower.
  await search.fill('');
  await expect(page.getByText(`${COUNT.toLocaleString('en-US')} plaintiffs`, { exact: true })).toBeVisible();
  await page.evaluate(() => {
    type Node = { value: string; dataset: Record<string, string | undefined>; addEventListener(k: string, f: (e: { timeStamp: number }) => void): void };
    const g = globalThis as unknown as Record<string, unknown> & {
      document: { querySelector(s: string): Node | null };
      requestAnimationFrame(cb: () => void): number;
      performance: { now(): number };
      MutationObserver: new (cb: () => void) => { observe(n: Node, o: object): void };
    };
    const input = g.document.querySelector('#roster-search')!;
    const status = g.document.querySelector('[data-search-applied]')!;
    const latencies: number[] = [];
    const waiting: { query: string; at: number }[] = [];
    g.__keystrokeLatencies = latencies;
    // Keystrokes whose query was skipped (a newer one overtook it) count until this result too.
    const finish = (count: number) => {
      const done = waiting.splice(0, count);
      g.requestAnimationFrame(() => {
        const now = g.performance.now();
        for (const w of done) latencies.push(now - w.at);
      });
    };
    input.addEventListener('input', (event) => {
      const query = input.value.trim().slice(0, 200);
      waiting.push({ query, at: event.timeStamp });
      if (query === (status.dataset.searchApplied ?? '')) finish(waiting.length);
    });
    new g.MutationObserver(() => {
      const applied = status.dataset.searchApplied ?? '';
      const index = waiting.findIndex((w) => w.query === applied);
      if (index !== -1) finish(index + 1);
    }).observe(status, { attributes: true, attributeFilter: ['data-search-applied'] });
  });
  const typed = [seeded.legalNames[index]!.split(' ').at(-1)!, `Officer Doe ${Math.floor(COUNT / 3)}`];
  for (const [i, text] of typed.entries()) {
    await search.click();
    await search.fill('');
    await page.keyboard.type(text, { delay: i === 0 ? 120 : 40 }); // steady typing, then a fast typist
    await expect(page.locator('[data-search-applied]')).toHaveAttribute('data-search-applied', text.trim(), { timeout: SLOW });
  }
  await page.waitForTimeout(100);
  const latencies = ((await page.evaluate(() => (globalThis as unknown as { __keystrokeLatencies: number[] }).__keystrokeLatencies)) ?? []).sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN);
  const keystrokes = { count: latencies.length, median: at(0.5), p95: at(0.95), max: Math.round(latencies.at(-1) ?? NaN) };
  testInfo.annotations.push({ type: 'search per keystroke (ms)', description: JSON.stringify(keystrokes) });
  console.log(`[large roster] search as you type, keystroke to list updated (ms), ${COUNT} plaintiffs: ${JSON.stringify(keystrokes)}`);
  expect(latencies.length).toBeGreaterThan(10);
  // Of which the call itself (page -> harness transport -> handler -> worker -> back), no rendering.
  const caseId = seeded.caseId;
  const calls = await page.evaluate(
    async ({ caseId, prefixes }) => {
      const g = globalThis as unknown as AppWindow & { performance: { now(): number } };
      const times: number[] = [];
      for (const query of prefixes) {
        const started = g.performance.now();
        await g.doeVault.plaintiffs.filter({ caseId, query });
        times.push(g.performance.now() - started);
      }
      return times.sort((a, b) => a - b);
    },
    { caseId, prefixes: typed.flatMap((text) => [...text].map((_, i) => text.slice(0, i + 1))) },
  );
  const callStats = { median: Math.round(calls[Math.floor(calls.length / 2)]!), p95: Math.round(calls[Math.floor(calls.length * 0.95)]!), max: Math.round(calls.at(-1)!) };
  testInfo.annotations.push({ type: 'search call alone (ms)', description: JSON.stringify(callStats) });
  console.log(`[large roster] of which the search call alone (transport, handler, worker; no rendering) (ms): ${JSON.stringify(callStats)}`);

  testInfo.annotations.push({ type: 'timings (ms)', description: JSON.stringify(timings) });
  console.log(`[large roster] ${COUNT} plaintiffs; rows in DOM: ${rendered}; frames: ${JSON.stringify(frames)}; timings: ${JSON.stringify(timings)}`);
});
