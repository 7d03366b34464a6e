// Unit tests of the web page's pure logic (reconciler/src/main/resources/apollo/web/lib.mjs): `node --test`, run by
// Maven's test phase (exec-maven-plugin in reconciler/pom.xml).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  approvalWords, approveSteps, bandBox, dayTicks, entityState, filterEntities, fleetGrid, groupPlans, localTime,
  placeAt, planState, refusalWords, relative, route, shortProduct, splitLandings, spokeLag, utcTime,
} from '../../main/resources/apollo/web/lib.mjs';

const entities = [
  { id: 'production/web', environment: 'production', product: 'com.example:web', state: 'RUNNING' },
  { id: 'staging/web', environment: 'staging', product: 'com.example:web', state: 'PENDING' },
  { id: 'staging/api', environment: 'staging', product: 'com.example:api', state: 'FAILED' },
  { id: 'staging/db', environment: 'staging', product: 'com.example:db', awaiting: 'spoke has not reported' },
];

test('the fleet grid has sorted environments, products by short name, and a cell per entity', () => {
  const grid = fleetGrid(entities);
  assert.deepEqual(grid.environments, ['production', 'staging']);
  assert.deepEqual(grid.products, ['com.example:api', 'com.example:db', 'com.example:web']);
  assert.equal(grid.cells.get('staging|com.example:api').id, 'staging/api');
  assert.equal(grid.cells.get('production|com.example:api'), undefined);
});

test('filters keep what every given filter matches; awaiting is a state of its own', () => {
  const cases = [
    [{}, 4],
    [{ environment: 'staging' }, 3],
    [{ environment: 'staging', product: 'com.example:web' }, 1],
    [{ state: 'FAILED' }, 1],
    [{ state: 'AWAITING' }, 1],
    [{ environment: 'production', state: 'FAILED' }, 0],
  ];
  for (const [filters, count] of cases) {
    assert.equal(filterEntities(entities, filters).length, count, JSON.stringify(filters));
  }
});

test('states are words with a tone, so colour is never the only signal', () => {
  assert.deepEqual(entityState(entities[0]), { word: 'running', tone: 'ok' });
  assert.deepEqual(entityState(entities[2]), { word: 'failed', tone: 'bad' });
  assert.equal(entityState(entities[3]).word, 'awaiting first report');
  assert.equal(entityState({ state: 'SIDEWAYS' }).word, 'sideways');
  assert.deepEqual(planState('PENDING'), { word: 'waiting for approval', tone: 'wait' });
  assert.equal(shortProduct('com.example:web'), 'web');
  assert.equal(shortProduct('plain'), 'plain');
});

test('plans are grouped by state in the page order, empty groups left out', () => {
  const groups = groupPlans([{ id: 'a', state: 'SUCCEEDED' }, { id: 'b', state: 'BLOCKED' },
    { id: 'c', state: 'PENDING' }, { id: 'd', state: 'BLOCKED' }, { id: 'e', state: 'WEIRD' }]);
  assert.deepEqual(groups.map((g) => [g.state, g.plans.map((p) => p.id)]),
    [['BLOCKED', ['b', 'd']], ['PENDING', ['c']], ['SUCCEEDED', ['a']], ['OTHER', ['e']]]);
});

test('approving a pending plan: the apollo command and the git steps', () => {
  const steps = approveSteps({ id: 'p-1', branch: 'apollo/plan/p-1' }, 'alice@example.com');
  assert.equal(steps.command, 'apollo plan approve p-1 --by alice@example.com');
  assert.equal(steps.git[0], 'git fetch origin apollo/plan/p-1');
  assert.ok(steps.git.some((s) => s.includes('git merge --no-ff origin/apollo/plan/p-1')));
});

test('times: the viewer zone for reading, UTC on hover', () => {
  assert.equal(localTime('2026-12-05T02:00:00Z', 'Europe/Berlin'), 'Sat 5 Dec, 03:00');
  assert.equal(localTime('2026-07-04T02:00:00Z', 'America/New_York'), 'Fri 3 Jul, 22:00');
  assert.equal(localTime(null), '—');
  assert.equal(utcTime('2026-12-05T02:00:00Z'), '2026-12-05 02:00 UTC');
  const now = Date.parse('2026-12-02T10:00:00Z');
  const cases = [['2026-12-05T10:00:00Z', 'in 3 days'], ['2026-12-02T09:55:00Z', '5 min ago'],
    ['2026-12-03T10:00:00Z', 'in 1 day'], ['2026-12-02T10:00:00Z', 'now'], [null, 'never']];
  for (const [iso, words] of cases) {
    assert.equal(relative(iso, now), words, iso);
  }
});

test('calendar placement: instants and bands as percentages of the timeline, clipped', () => {
  const from = Date.parse('2026-12-01T00:00:00Z');
  const to = Date.parse('2026-12-15T00:00:00Z');
  assert.equal(placeAt('2026-12-08T00:00:00Z', from, to), 50);
  assert.equal(placeAt('2026-12-16T00:00:00Z', from, to), null);
  assert.equal(placeAt(null, from, to), null);
  assert.deepEqual(bandBox({ start: '2026-11-30T00:00:00Z', end: '2026-12-08T00:00:00Z' }, from, to),
    { left: 0, width: 50 });
  assert.equal(bandBox({ start: '2026-12-20T00:00:00Z', end: '2026-12-21T00:00:00Z' }, from, to), null);
});

test('day marks fall on the viewer\'s midnights, the partial first day labelled when it has room', () => {
  process.env.TZ = 'Europe/Berlin';
  try {
    const from = Date.parse('2026-12-08T05:00:00Z');
    const ticks = dayTicks(from, from + 14 * 86400000);
    assert.equal(ticks.length, 15);
    assert.deepEqual(ticks[0], { ms: from, label: 'Tue 8 Dec' }, 'an 18-hour first day is labelled');
    assert.equal(new Date(ticks[1].ms).toISOString(), '2026-12-08T23:00:00.000Z');
    assert.equal(ticks[4].label, 'Sat 12 Dec');
    const late = Date.parse('2026-12-08T10:00:00Z');
    assert.equal(dayTicks(late, late + 86400000)[0].label, 'Wed 9 Dec', 'no label for a 13-hour first day');
  } finally {
    delete process.env.TZ;
  }
});

test('landings split into placed on the timeline, later, and never', () => {
  const to = Date.parse('2026-12-15T00:00:00Z');
  const plans = [
    { id: 'a', environment: 'production', at: '2026-12-05T02:00:00Z' },
    { id: 'b', environment: 'production', at: '2027-01-09T02:00:00Z' },
    { id: 'c', environment: 'production', at: null, never: true },
    { id: 'd', environment: 'staging', at: '2026-12-02T10:00:00Z' },
  ];
  const split = splitLandings(plans, 'production', to);
  assert.deepEqual([split.placed, split.later, split.never].map((l) => l.map((p) => p.id)), [['a'], ['b'], ['c']]);
});

test('a spoke is late when its last report is older than two minutes, or it never reported', () => {
  const now = Date.parse('2026-12-02T10:00:00Z');
  assert.deepEqual(spokeLag('2026-12-02T09:59:30Z', now), { word: '30 s ago', late: false });
  assert.equal(spokeLag('2026-12-02T09:50:00Z', now).late, true);
  assert.deepEqual(spokeLag(null, now), { word: 'never reported', late: true });
});

test('routes come from the fragment; anything else is the not-found page', () => {
  const cases = [
    ['', { page: 'fleet', params: {} }],
    ['#/', { page: 'fleet', params: {} }],
    ['#/entity/production/web', { page: 'entity', params: { environment: 'production', name: 'web' } }],
    ['#/plan/abc%2Fd', { page: 'plan', params: { id: 'abc/d' } }],
    ['#/calendar', { page: 'calendar', params: {} }],
    ['#/status', { page: 'status', params: {} }],
    ['#/nowhere/else', { page: 'notfound', params: { path: 'nowhere/else' } }],
  ];
  for (const [hash, expected] of cases) {
    assert.deepEqual(route(hash), expected, hash);
  }
});

test('issue 15: an approval names the key that signed it; a refusal leads with its machine reason', () => {
  assert.equal(approvalWords({ by: 'alice@x', role: 'sre', commit: '0123456789abcdef', keyFingerprint: 'SHA256:abc' }),
    'alice@x as sre (0123456789, signed by SHA256:abc)');
  assert.equal(approvalWords({ by: 'bob@x', role: 'sre', commit: 'fedcba9876543210' }), 'bob@x as sre (fedcba9876)');
  assert.deepEqual(refusalWords({ by: 'alice@x', reason: 'UNSIGNED', message: 'commit 0123456 is not signed' }),
    { reason: 'UNSIGNED', text: 'alice@x: commit 0123456 is not signed' });
  assert.equal(refusalWords({ by: 'm@x' }).reason, 'OTHER');
});
