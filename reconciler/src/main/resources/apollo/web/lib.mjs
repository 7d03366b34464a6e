// The page's pure logic: words, colours, grouping, times and calendar placement. No DOM, no fetch: unit-tested with
// `node --test` (reconciler/src/test/web). Every function takes the instant it depends on; none reads the clock.

/** Entity states in words, with a tone the stylesheet colours; the word alone carries the meaning. */
const ENTITY_STATES = {
  RUNNING: { word: 'running', tone: 'ok' },
  PENDING: { word: 'change pending', tone: 'wait' },
  INSTALLING: { word: 'installing', tone: 'busy' },
  DEGRADED: { word: 'degraded', tone: 'bad' },
  FAILED: { word: 'failed', tone: 'bad' },
  UNMANAGED: { word: 'not managed', tone: 'muted' },
};

/** Plan states in the order the plans page lists them, with words and tones. */
export const PLAN_STATES = [
  ['BLOCKED', 'blocked', 'bad'],
  ['PENDING', 'waiting for approval', 'wait'],
  ['APPROVED', 'approved', 'ok'],
  ['DISPATCHED', 'dispatched', 'busy'],
  ['RUNNING', 'running', 'busy'],
  ['FAILED', 'failed', 'bad'],
  ['SUCCEEDED', 'succeeded', 'ok'],
  ['CANCELLED', 'cancelled', 'muted'],
  ['SUPERSEDED', 'superseded', 'muted'],
];

export function entityState(entity) {
  if (entity.awaiting) {
    return { word: 'awaiting first report', tone: 'muted' };
  }
  return ENTITY_STATES[entity.state] ?? { word: String(entity.state ?? 'unknown').toLowerCase(), tone: 'muted' };
}

export function planState(state) {
  const found = PLAN_STATES.find(([name]) => name === state);
  return found ? { word: found[1], tone: found[2] } : { word: String(state).toLowerCase(), tone: 'muted' };
}

export function healthWord(health) {
  return health ? String(health).toLowerCase() : 'health unknown';
}

/** The artifact part of a product id ({@code com.example:web} → {@code web}). */
export function shortProduct(product) {
  const i = String(product).lastIndexOf(':');
  return i < 0 ? String(product) : String(product).slice(i + 1);
}

/** The fleet grid: sorted environments (columns), products (rows) and each cell's entity keyed `env|product`. */
export function fleetGrid(entities) {
  const environments = [...new Set(entities.map((e) => e.environment))].sort();
  const products = [...new Set(entities.map((e) => e.product))].sort((a, b) =>
    shortProduct(a).localeCompare(shortProduct(b)));
  const cells = new Map();
  for (const e of entities) {
    cells.set(`${e.environment}|${e.product}`, e);
  }
  return { environments, products, cells };
}

/** Keeps the entities every given filter matches; an empty filter matches all. */
export function filterEntities(entities, { environment = '', product = '', state = '' } = {}) {
  return entities.filter((e) => (!environment || e.environment === environment)
    && (!product || e.product === product)
    && (!state || (e.awaiting ? 'AWAITING' : e.state) === state));
}

/** Plans grouped by state, in {@link PLAN_STATES} order, empty groups left out. */
export function groupPlans(plans) {
  const groups = [];
  for (const [state, word, tone] of PLAN_STATES) {
    const inState = plans.filter((p) => p.state === state);
    if (inState.length) {
      groups.push({ state, word, tone, plans: inState });
    }
  }
  const known = new Set(PLAN_STATES.map(([s]) => s));
  const other = plans.filter((p) => !known.has(p.state));
  if (other.length) {
    groups.push({ state: 'OTHER', word: 'other', tone: 'muted', plans: other });
  }
  return groups;
}

/** One accepted approval as the plan page lists it: who, for which role, in which commit, signed by which key. */
export function approvalWords(a) {
  return `${a.by} as ${a.role} (${(a.commit ?? '').slice(0, 10)}${a.keyFingerprint ? `, signed by ${a.keyFingerprint}`
    : ''})`;
}

/** One refused approval: its machine reason first (UNSIGNED, KEY_NOT_OF_MEMBER, ...), then who and why in words. */
export function refusalWords(a) {
  return { reason: a.reason ?? 'OTHER', text: `${a.by}: ${a.message ?? ''}` };
}

/** The command that approves a pending plan, and the git steps that do the same by hand. */
export function approveSteps(plan, email = 'you@example.com') {
  const command = `apollo plan approve ${plan.id} --by ${email}`;
  const branch = plan.branch ?? `apollo/plan/${plan.id}`;
  const git = [
    `git fetch origin ${branch}`,
    `git checkout main && git pull`,
    `git merge --no-ff origin/${branch} -m "Approve plan ${plan.id}"`,
    'git push origin main',
  ];
  return { command, git };
}

/** An instant in the viewer's zone (or `timeZone`), e.g. "Sat 5 Dec, 02:00". */
export function localTime(iso, timeZone = undefined, locale = 'en-GB') {
  if (!iso) {
    return '—';
  }
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false, timeZone,
  }).format(new Date(iso));
}

/** An instant in UTC for the hover title: "2026-12-05 02:00 UTC". */
export function utcTime(iso) {
  if (!iso) {
    return '';
  }
  return new Date(iso).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/** How long from `nowMs` to the instant, in words: "in 3 days", "5 min ago", "now". */
export function relative(iso, nowMs) {
  if (!iso) {
    return 'never';
  }
  const delta = new Date(iso).getTime() - nowMs;
  const abs = Math.abs(delta);
  const units = [['day', 86400000], ['h', 3600000], ['min', 60000], ['s', 1000]];
  for (const [unit, ms] of units) {
    if (abs >= ms) {
      const n = Math.floor(abs / ms);
      const word = unit === 'day' ? (n === 1 ? 'day' : 'days') : unit;
      return delta > 0 ? `in ${n} ${word}` : `${n} ${word} ago`;
    }
  }
  return 'now';
}

/**
 * The calendar's day marks between `fromMs` and `toMs`: each local midnight (in the runtime's zone, which in a
 * browser is the viewer's), labelled with its day; the partial first day is labelled at the start when it is long
 * enough to hold a label (16 hours).
 */
export function dayTicks(fromMs, toMs, locale = 'en-GB') {
  const label = (ms) => new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' })
    .format(new Date(ms));
  const day = new Date(fromMs);
  day.setHours(0, 0, 0, 0);
  if (day.getTime() < fromMs) {
    day.setDate(day.getDate() + 1);
  }
  const ticks = [];
  if (day.getTime() - fromMs >= 16 * 3600000) {
    ticks.push({ ms: fromMs, label: label(fromMs) });
  }
  while (day.getTime() < toMs) {
    ticks.push({ ms: day.getTime(), label: label(day.getTime()) });
    day.setDate(day.getDate() + 1);
  }
  return ticks;
}

/** Where an instant falls on a timeline from `fromMs` to `toMs`, as a percentage; null when outside it. */
export function placeAt(iso, fromMs, toMs) {
  if (!iso) {
    return null;
  }
  const ms = new Date(iso).getTime();
  if (ms < fromMs || ms > toMs) {
    return null;
  }
  return ((ms - fromMs) / (toMs - fromMs)) * 100;
}

/** A band's left edge and width on the timeline, in percent, clipped to it; null when it lies outside. */
export function bandBox(band, fromMs, toMs) {
  const start = Math.max(new Date(band.start).getTime(), fromMs);
  const end = Math.min(new Date(band.end).getTime(), toMs);
  if (end <= start) {
    return null;
  }
  const span = toMs - fromMs;
  return { left: ((start - fromMs) / span) * 100, width: Math.max(((end - start) / span) * 100, 0.3) };
}

/** Landings in an environment: those the timeline shows, those beyond it, and those that never land. */
export function splitLandings(plans, environment, toMs) {
  const mine = plans.filter((p) => p.environment === environment);
  return {
    placed: mine.filter((p) => p.at && new Date(p.at).getTime() <= toMs),
    later: mine.filter((p) => p.at && new Date(p.at).getTime() > toMs),
    never: mine.filter((p) => !p.at),
  };
}

/** A spoke's lag: how long since its last report, in words, and whether it is late (over `lateMs`). */
export function spokeLag(lastReportAt, nowMs, lateMs = 120000) {
  if (!lastReportAt) {
    return { word: 'never reported', late: true };
  }
  const ms = nowMs - new Date(lastReportAt).getTime();
  return { word: relative(lastReportAt, nowMs), late: ms > lateMs };
}

/** Parses the location's fragment into a route: {page, params}. */
export function route(hash) {
  const parts = String(hash || '').replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [page = 'fleet', ...rest] = parts;
  if (page === 'fleet' && rest.length === 0) {
    return { page: 'fleet', params: {} };
  }
  if (page === 'entity' && rest.length === 2) {
    return { page: 'entity', params: { environment: rest[0], name: rest[1] } };
  }
  if (page === 'plans' && rest.length === 0) {
    return { page: 'plans', params: {} };
  }
  if (page === 'plan' && rest.length === 1) {
    return { page: 'plan', params: { id: rest[0] } };
  }
  if ((page === 'calendar' || page === 'status') && rest.length === 0) {
    return { page, params: {} };
  }
  return { page: 'notfound', params: { path: parts.join('/') } };
}
