// The hub's web page as a person sees it, in Debian's headless Chromium driven by playwright-core. Started by
// WebPageIT with HUB_URL (a hub governing the sample fleet, its reports posted), HUB_NOW (the hub's clock, also the
// page's), PROD_TOKEN (production-spoke-1's token, for the live update) and OUT_DIR (screenshots and this log).
// Prints "ok <check>" per check passed; exits 1 naming the first check that failed.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const hub = process.env.HUB_URL;
const now = new Date(process.env.HUB_NOW);
const out = process.env.OUT_DIR;
const ZONE = 'Europe/Berlin';
mkdirSync(out, { recursive: true });

function check(condition, what) {
  if (!condition) {
    throw new Error(`check failed: ${what}`);
  }
}

async function api(path) {
  const response = await fetch(hub + path);
  check(response.ok, `GET ${path} answered ${response.status}`);
  return response.json();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const consoleErrors = [];
let phase = 'start';
try {
  const context = await browser.newContext({ timezoneId: ZONE, locale: 'en-GB', viewport: { width: 1280, height: 860 } });
  await context.clock.setFixedTime(now);
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push({ phase, text: m.text() }); });
  page.on('pageerror', (e) => consoleErrors.push({ phase, text: `uncaught: ${e.message}` }));
  const shot = (name) => page.screenshot({ path: join(out, name), fullPage: true });

  // Fleet: a cell per entity, its state in words.
  phase = 'fleet';
  const { entities } = await api('/v1/entities');
  await page.goto(`${hub}/#/`);
  await page.getByTestId('fleet-grid').waitFor();
  for (const e of entities) {
    const cell = page.getByTestId(`cell-${e.id}`);
    await cell.waitFor();
    const text = await cell.innerText();
    check(!e.runningVersion || text.includes(e.runningVersion), `cell ${e.id} shows running ${e.runningVersion}: ${text}`);
  }
  const failed = page.getByTestId('cell-staging/catalog-service');
  check((await failed.innerText()).includes('failed'), 'staging/catalog-service reads "failed"');
  await page.getByTestId('filter-environment').selectOption('staging');
  await page.getByTestId('cell-production/postgres-db').waitFor({ state: 'detached' });
  check(await page.getByTestId('cell-staging/postgres-db').isVisible(), 'the staging filter keeps staging cells');
  await page.getByTestId('filter-environment').selectOption('');
  await page.getByTestId('cell-production/postgres-db').waitFor();
  await shot('fleet.png');
  console.log('ok fleet');

  // Entity: desired vs running and the explain; a cell opens it.
  phase = 'entity';
  await page.getByTestId('cell-staging/catalog-service').locator('a').first().click();
  await page.getByTestId('explain').waitFor();
  check(page.url().endsWith('#/entity/staging/catalog-service'), `a cell opens its entity: ${page.url()}`);
  check((await page.getByTestId('running').innerText()).includes('2.2.0-rc2'), 'the entity page shows what runs');
  check((await page.getByTestId('explain').innerText()).length > 20, 'the entity page explains');
  await shot('entity.png');
  console.log('ok entity');

  // An unknown entity: the not-found page, saying which.
  phase = 'not-found';
  await page.goto(`${hub}/#/entity/production/no-such-service`);
  const missing = page.getByTestId('not-found');
  await missing.waitFor();
  check((await missing.innerText()).includes('production/no-such-service'), 'the 404 page names the entity');
  console.log('ok not-found');

  // Plans: a blocked plan's violation and when it lifts, in the viewer's zone; a pending plan's missing roles.
  phase = 'plans';
  const { plans } = await api('/v1/plans');
  const blocked = plans.find((p) => p.state === 'BLOCKED' && p.unblocksAt);
  check(blocked, 'the sample fleet has a blocked plan with unblocksAt');
  await page.goto(`${hub}/#/plans`);
  const item = page.getByTestId(`plan-${blocked.id}`);
  await item.waitFor();
  const itemText = await item.innerText();
  check(itemText.includes(blocked.violations[0].constraint), `blocked plan names ${blocked.violations[0].constraint}`);
  const localUnblocks = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short',
    hour: '2-digit', minute: '2-digit', hour12: false, timeZone: ZONE }).format(new Date(blocked.unblocksAt));
  check(itemText.includes(localUnblocks), `blocked plan shows ${localUnblocks} (${ZONE}): ${itemText}`);
  const hover = await item.getByTestId('unblocks').locator('time').getAttribute('title');
  check(hover.endsWith('UTC'), `UTC on hover: ${hover}`);
  const pending = plans.find((p) => p.state === 'PENDING');
  if (pending) {
    const p = page.getByTestId(`plan-${pending.id}`);
    const roles = await p.getByTestId('missing-roles').innerText();
    for (const role of pending.missingRoles) {
      check(roles.includes(role), `pending plan ${pending.id} names missing role ${role}`);
    }
    check((await p.getByTestId('approve-command').innerText()).startsWith(`apollo plan approve ${pending.id} --by `),
      'pending plan shows its approve command');
  }
  await shot('plans.png');
  console.log(`ok plans (blocked ${blocked.id}${pending ? `, pending ${pending.id}` : ''})`);

  // Calendar: production's windows and freeze as bands; the blocked plan placed at the next window.
  phase = 'calendar';
  const forecast = await api('/v1/forecast');
  const landing = forecast.plans.find((p) => p.id === blocked.id);
  check(landing && landing.at, `the forecast places ${blocked.id}`);
  await page.goto(`${hub}/#/calendar`);
  const prod = page.getByTestId('calendar-production');
  await prod.waitFor();
  check(await prod.getByTestId('band-WINDOW').count() >= 2, 'two Saturday windows in 14 days');
  check(await prod.getByTestId('band-FREEZE').count() === 1, 'the holiday freeze');
  const landed = await prod.getByTestId(`landing-${blocked.id}`).innerText();
  const localLanding = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short',
    hour: '2-digit', minute: '2-digit', hour12: false, timeZone: ZONE }).format(new Date(landing.at));
  check(landed.includes(localLanding), `calendar places ${blocked.entity} at ${localLanding}: ${landed}`);
  check(localLanding === 'Sat 12 Dec, 03:00', `the next window is Saturday 12 December 02:00 UTC: ${localLanding}`);
  await shot('calendar.png');
  console.log('ok calendar');

  // Status: the governing commit and the spokes with their last report.
  phase = 'status';
  const status = await api('/v1/status');
  await page.goto(`${hub}/#/status`);
  await page.getByTestId('commit').waitFor();
  check((await page.getByTestId('commit').innerText()).includes(status.commit.slice(0, 12)), 'status shows the commit');
  check((await page.getByTestId('health').innerText()) === 'healthy', 'status shows the hub healthy');
  check(await page.getByTestId('lag-production-spoke-1').isVisible(), 'status lists production-spoke-1');
  await shot('status.png');
  console.log('ok status');

  // Issue 17: a plan file edited by hand on main, named on the status page and on the plan's page.
  phase = 'edited';
  const editedId = process.env.EDITED_PLAN;
  const edits = page.getByTestId('plan-file-edits');
  await edits.waitFor();
  const editsText = await edits.innerText();
  check(editsText.includes('PLAN_FILE_EDITED') && editsText.includes('spec.toVersion'),
    `status names the edited plan file: ${editsText}`);
  await page.goto(`${hub}/#/plan/${encodeURIComponent(editedId)}`);
  const fileEdited = page.getByTestId('file-edited');
  await fileEdited.waitFor();
  check((await fileEdited.innerText()).includes('differs from the plan the hub proposed'),
    'the plan page says its file was edited');
  console.log('ok edited');

  // Live: a report arrives, the fleet's cell changes without a reload.
  phase = 'live';
  await page.goto(`${hub}/#/`);
  const cell = page.getByTestId('cell-production/storefront-web');
  await cell.waitFor();
  const sample = JSON.parse(await readFile(join('..', '..', '..', '..', 'docs', 'examples',
    'sample-reported-state.json'), 'utf8'));
  const report = sample.reports.find((r) => r.spoke === 'production-spoke-1');
  const web = report.entities.find((e) => e.entity === 'production/storefront-web');
  web.state = 'DEGRADED';
  web.health = 'UNHEALTHY';
  const posted = await fetch(`${hub}/v1/spokes/production-spoke-1/reports`, { method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.PROD_TOKEN}` },
    body: JSON.stringify(report) });
  check(posted.status === 202, `the report was taken: ${posted.status}`);
  await page.waitForFunction(() => document.querySelector('[data-testid="cell-production/storefront-web"]')
    ?.innerText.includes('degraded'), null, { timeout: 6000 });
  console.log('ok live');

  // A phone: the fleet still readable (the grid scrolls sideways inside its section, the page does not).
  phase = 'phone';
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('fleet-grid').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(overflow <= 1, `no sideways scrolling of the page on a phone: ${overflow}px`);
  await shot('fleet-phone.png');
  console.log('ok phone');

  // No console errors, but the 404 the not-found page asked for on purpose.
  const unexpected = consoleErrors.filter((e) => !(e.phase === 'not-found' && e.text.includes('404')));
  check(unexpected.length === 0, `no console errors: ${JSON.stringify(unexpected)}`);
  console.log('ok console');
} catch (e) {
  console.log(`FAILED in ${phase}: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
