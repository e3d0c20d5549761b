// The IDE in a real browser: Debian's Chromium, headless, driven by playwright-core, against the whole
// system (every subgraph and the gateway on port 0). Nothing may leave 127.0.0.1 and nothing may fail.
import { buildIde } from '@resident-graph/ide/build';
import { startTestSystem, type TestSystem } from '@resident-graph/testing/system';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphs } from '../../scripts/lib/subgraphs.js';
import { examples, supergraphSdl } from '../integration/system.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** Screenshots and the like: kept after the run, never committed (.gitignore). */
export const artifactsDir = join(root, 'test-artifacts');

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Recorded {
  url: string;
  method: string;
  status?: number;
  failure?: string;
  authorization?: string;
}

/** The visible text of an element, with Monaco's non-breaking spaces made plain. */
const visibleText = (page: Page, selector: string) =>
  page
    .locator(selector)
    .innerText()
    .then((text) => text.replaceAll('\u00a0', ' '));

describe('the IDE in a browser', () => {
  let system: TestSystem;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const requests: Recorded[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does)`,
      );
    }
    await buildIde({ quiet: true });
    system = await startTestSystem({
      subgraphs,
      supergraphSdl,
      ide: { examplesDir: join(root, 'examples') },
    });
    userDataDir = mkdtempSync(join(tmpdir(), 'rg-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 900 },
    });
    const origin = new URL(system.url).origin;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    context.on('request', (request) => {
      requests.push({
        url: request.url(),
        method: request.method(),
        ...(request.headers()['authorization']
          ? { authorization: request.headers()['authorization'] }
          : {}),
      });
    });
    context.on('requestfailed', (request) => {
      const recorded = requests.findLast((r) => r.url === request.url());
      if (recorded) recorded.failure = request.failure()?.errorText ?? 'failed';
    });
    context.on('response', (response) => {
      const recorded = requests.findLast((r) => r.url === response.url() && r.status === undefined);
      if (recorded) recorded.status = response.status();
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // A Content-Security-Policy violation is reported as a console error.
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await system?.stop();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('signs in as Ava, runs the turning-65 example and shows her answer', async () => {
    await page.goto(system.url);
    // One tab per life-event example, named after its operation.
    for (const title of ['HavingAChild', 'LeavingMilitary', 'Moving', 'TurningSixtyFive']) {
      await expect.poll(() => page.getByRole('tab', { name: title }).count()).toBe(1);
    }
    // The editor is up once it shows the first tab's operation; only then do tab switches stick.
    await expect
      .poll(() => visibleText(page, '.graphiql-query-editor'), { timeout: 20_000 })
      .toContain('query HavingAChild');
    const tab = page.getByRole('tab', { name: 'TurningSixtyFive' });
    await expect
      .poll(async () => {
        await tab.click();
        return visibleText(page, '.graphiql-query-editor');
      })
      .toContain('query TurningSixtyFive');

    await page.getByRole('button', { name: 'Show Sign in as' }).click();
    await page.getByRole('button', { name: 'Ava Quillfeather' }).click();
    await expect
      .poll(() => page.getByRole('status').innerText())
      .toBe('Signed in as Ava Quillfeather in this tab.');
    await expect
      .poll(() => visibleText(page, '.graphiql-editor-tool'))
      .toContain('"Authorization": "Bearer ');

    await page.getByRole('button', { name: /Execute query/ }).click();
    await expect
      .poll(() => visibleText(page, '.result-window'), { timeout: 20_000 })
      .toContain('"givenName": "Ava"');
    const answer = await visibleText(page, '.result-window');
    expect(answer).toContain('"birthDate": "1961-08-15"');
    expect(answer).not.toContain('"errors"');

    mkdirSync(artifactsDir, { recursive: true });
    await page.screenshot({ path: join(artifactsDir, 'ide-turning-65.png') });

    // The operation went to this gateway with Ava's token from the sign-in panel.
    const sent = requests.filter((r) => r.method === 'POST' && r.url === system.url);
    expect(sent.some((r) => r.authorization?.startsWith('Bearer '))).toBe(true);
  });

  it('keeps the run in the history', async () => {
    await page.getByRole('button', { name: 'Show History' }).click();
    await expect
      .poll(() => page.locator('.graphiql-history').innerText())
      .toContain('TurningSixtyFive');
  });

  it('documents the schema and searches it', async () => {
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await page.locator('[data-cy="doc-explorer-input"]').fill('MedicareEnroll');
    await expect
      .poll(() => page.locator('[data-cy="doc-explorer-list"]').innerText())
      .toContain('MedicareEnrollment');
    await page
      .locator('[data-cy="doc-explorer-list"]')
      .getByText('MedicareEnrollment')
      .first()
      .click();
    // The type's own page, with its description from the schema.
    await expect
      .poll(() => page.locator('.graphiql-doc-explorer-title').innerText())
      .toBe('MedicareEnrollment');
  });

  it('copies the request as a curl command, token included', async () => {
    await page.getByRole('button', { name: 'Copy as curl' }).click();
    const command = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(command).toContain(`curl '${system.url}'`);
    expect(command).toContain("-H 'Authorization: Bearer ey");
    expect(command).toContain('query TurningSixtyFive');
  });

  it('copies a shareable link without the token, which opens the operation', async () => {
    await page.getByRole('button', { name: /Copy a shareable link/ }).click();
    const link = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(link.startsWith(`${system.url}#query=`)).toBe(true);
    expect(link).not.toMatch(/Bearer|Authorization/i);

    // As someone who has never opened the IDE: no stored tabs.
    const other = await context.newPage();
    await other.goto(new URL('/health', system.url).toString());
    await other.evaluate('localStorage.clear()');
    await other.goto(link);
    // One tab per life-event example, and the shared operation's.
    await expect.poll(() => other.getByRole('tab').count()).toBe(examples.length + 1);
    await expect
      .poll(() => visibleText(other, '.graphiql-query-editor'))
      .toContain('query TurningSixtyFive');
    await other.close();
  });

  it('made no request beyond 127.0.0.1, and none failed', () => {
    expect(requests.length).toBeGreaterThan(0);
    const elsewhere = requests.filter(
      (r) =>
        !['data:', 'blob:'].includes(new URL(r.url).protocol) &&
        new URL(r.url).hostname !== '127.0.0.1',
    );
    expect(elsewhere).toEqual([]);
    expect(requests.filter((r) => r.failure !== undefined || (r.status ?? 0) >= 400)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
