// The pages as DOM, built with textContent only (never innerHTML): names and messages come from a repository and
// from spokes, and are shown as text. Each view takes the data the API answered and the instant of rendering.
import {
  approvalWords, approveSteps, bandBox, dayTicks, entityState, fleetGrid, filterEntities, groupPlans, healthWord,
  localTime, placeAt, planState, refusalWords, relative, shortProduct, splitLandings, spokeLag, utcTime,
} from './lib.mjs';

/** An element: h('a', {href: '#/'}, 'text', child). Attributes starting with "on" are listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) {
      continue;
    }
    if (k.startsWith('on')) {
      el.addEventListener(k.slice(2), v);
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) {
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }
  return el;
}

/** A time in the viewer's zone with UTC on hover. */
function time(iso) {
  return h('time', { datetime: iso, title: utcTime(iso) }, localTime(iso));
}

function badge(word, tone, testid) {
  return h('span', { class: `badge ${tone}`, 'data-testid': testid }, word);
}

const entityHref = (id) => `#/entity/${id.split('/').map(encodeURIComponent).join('/')}`;
const planHref = (id) => `#/plan/${encodeURIComponent(id)}`;

export function fleetView(entities, filters, onFilter) {
  const options = (values, chosen, all) => [h('option', { value: '' }, all),
    ...values.map((v) => h('option', { value: v, selected: v === chosen }, v))];
  const grid = fleetGrid(entities);
  const states = ['RUNNING', 'PENDING', 'INSTALLING', 'DEGRADED', 'FAILED', 'UNMANAGED', 'AWAITING'];
  const select = (name, values, all) => h('label', {}, `${name} `, h('select', { name, 'data-testid': `filter-${name}`,
    onchange: (ev) => onFilter({ ...filters, [name]: ev.target.value }) }, options(values, filters[name], all)));
  const shown = filterEntities(entities, filters);
  const visible = fleetGrid(shown);
  const table = h('table', { class: 'fleet', 'data-testid': 'fleet-grid' },
    h('thead', {}, h('tr', {}, h('th', {}, 'product'), visible.environments.map((env) => h('th', {}, env)))),
    h('tbody', {}, visible.products.map((product) => h('tr', {},
      h('th', { scope: 'row', title: product }, shortProduct(product)),
      visible.environments.map((env) => cell(visible.cells.get(`${env}|${product}`)))))));
  return h('section', {},
    h('h1', {}, 'Fleet'),
    h('form', { class: 'filters', onsubmit: (ev) => ev.preventDefault() },
      select('environment', grid.environments, 'all environments'),
      select('product', grid.products, 'all products'),
      select('state', states, 'all states')),
    shown.length ? table : h('p', { class: 'empty' }, 'No entity matches these filters.'));
}

function cell(e) {
  if (!e) {
    return h('td', { class: 'none' }, '—');
  }
  const s = entityState(e);
  return h('td', { class: `cell ${s.tone}`, 'data-testid': `cell-${e.id}` },
    h('a', { href: entityHref(e.id) },
      h('div', { class: 'versions' }, h('strong', {}, e.runningVersion ?? 'nothing'),
        e.desiredVersion && e.desiredVersion !== e.runningVersion ? ` → ${e.desiredVersion}` : ''),
      h('div', {}, badge(s.word, s.tone, 'state'), ' ', h('span', { class: 'health' }, healthWord(e.health)))),
    e.planId ? h('div', { class: 'inflight' }, 'plan ', h('a', { href: planHref(e.planId) }, e.planId)) : null);
}

export function entityView(entity, plans, spokes, nowMs) {
  const s = entityState(entity);
  const spoke = spokes.find((sp) => sp.name === entity.spoke);
  return h('section', {},
    h('h1', {}, entity.id, ' ', badge(s.word, s.tone, 'entity-state')),
    h('dl', { class: 'facts' },
      h('dt', {}, 'product'), h('dd', {}, entity.product),
      h('dt', {}, 'desired'), h('dd', { 'data-testid': 'desired' }, entity.desiredVersion ?? 'latest on '
        + (entity.channel ?? 'its channel')),
      h('dt', {}, 'running'), h('dd', { 'data-testid': 'running' }, entity.runningVersion ?? 'nothing reported'),
      h('dt', {}, 'health'), h('dd', {}, healthWord(entity.health)),
      h('dt', {}, 'spoke'), h('dd', {}, entity.spoke, spoke?.lastReportAt
        ? [' · last report ', time(spoke.lastReportAt), ` (${relative(spoke.lastReportAt, nowMs)})`]
        : ' · has not reported yet')),
    entity.awaiting ? h('p', { class: 'note' }, entity.awaiting) : null,
    h('h2', {}, 'Why'),
    h('pre', { class: 'explain', 'data-testid': 'explain' }, entity.explain?.text ?? ''),
    h('h2', {}, 'Plans'),
    plans.length ? h('ul', { class: 'plans' }, plans.map((p) => planItem(p, nowMs)))
      : h('p', { class: 'empty' }, 'No plan for this entity yet.'));
}

function planItem(p, nowMs) {
  const st = planState(p.state);
  const violations = p.violations ?? [];
  return h('li', { class: `plan ${st.tone}`, 'data-testid': `plan-${p.id}` },
    h('div', {}, h('a', { href: planHref(p.id) }, p.id), ' ', badge(st.word, st.tone, 'plan-state'), ' ',
      h('a', { href: entityHref(p.entity) }, p.entity), ` ${p.type} ${p.fromVersion ?? '∅'} → ${p.toVersion ?? '∅'}`),
    p.message ? h('div', { class: 'why' }, p.message) : null,
    violations.length ? h('ul', { class: 'violations' }, violations.map((v) => h('li', { 'data-testid': 'violation' },
      h('strong', {}, v.constraint), `: ${v.message}`,
      v.unblocksAt ? [' — lifts ', time(v.unblocksAt), ` (${relative(v.unblocksAt, nowMs)})`] : null))) : null,
    p.state === 'BLOCKED' && p.unblocksAt ? h('div', { 'data-testid': 'unblocks' }, 'could proceed ',
      time(p.unblocksAt), ` (${relative(p.unblocksAt, nowMs)})`) : null,
    (p.state === 'PENDING' || p.state === 'BLOCKED') && (p.missingRoles ?? []).length ? approval(p) : null);
}

function approval(p) {
  const steps = approveSteps(p);
  const copy = (text) => h('button', { type: 'button', class: 'copy', onclick: (ev) => {
    navigator.clipboard?.writeText(text).then(() => { ev.target.textContent = 'copied'; }, () => {});
  } }, 'copy');
  return h('div', { class: 'approve' },
    h('div', { 'data-testid': 'missing-roles' }, 'waiting for approval by: ',
      (p.missingRoles ?? []).map((r) => h('span', { class: 'role' }, r))),
    p.branch ? h('div', {}, 'branch ', h('code', {}, p.branch)) : null,
    h('div', {}, h('code', { 'data-testid': 'approve-command' }, steps.command), ' ', copy(steps.command)),
    h('details', {}, h('summary', {}, 'or approve with git'), h('pre', {}, steps.git.join('\n')),
      copy(steps.git.join('\n'))));
}

export function plansView(plans, nowMs) {
  const groups = groupPlans(plans);
  return h('section', {}, h('h1', {}, 'Plans'),
    groups.length ? groups.map((g) => h('section', { class: 'group', 'data-testid': `group-${g.state}` },
      h('h2', {}, `${g.word} (${g.plans.length})`), h('ul', { class: 'plans' }, g.plans.map((p) => planItem(p, nowMs)))))
      : h('p', { class: 'empty' }, 'No plans: every entity runs what desired state asks.'));
}

export function planView(plan, nowMs) {
  return h('section', {}, h('h1', {}, `Plan ${plan.id}`),
    h('ul', { class: 'plans' }, planItem(plan, nowMs)),
    plan.fileEdited ? h('p', { class: 'bad', 'data-testid': 'file-edited' }, badge('file edited', 'bad',
      'file-edited-reason'), ` ${plan.fileEdited.message}`) : null,
    h('dl', { class: 'facts' },
      h('dt', {}, 'file'), h('dd', {}, h('code', {}, plan.path ?? '')),
      h('dt', {}, 'computed from'), h('dd', {}, h('code', {}, plan.computedFrom ?? '')),
      h('dt', {}, 'in git'), h('dd', {}, plan.git ?? ''),
      h('dt', {}, 'approvals'), h('dd', {}, (plan.approvals ?? []).map(approvalWords).join('; ') || 'none'),
      (plan.refusedApprovals ?? []).length ? [h('dt', {}, 'refused'), h('dd', {}, plan.refusedApprovals
        .map(refusalWords).map((r) => h('div', { class: 'refused' }, h('code', {}, r.reason), ` ${r.text}`)))]
        : null),
    h('h2', {}, 'History'),
    h('ol', { class: 'history' }, (plan.history ?? []).map((e) => h('li', {}, time(e.at), ' ',
      badge(planState(e.state).word, planState(e.state).tone, 'history-state'), ` ${e.message ?? ''}`))));
}

export function calendarView(forecast) {
  const fromMs = new Date(forecast.from).getTime();
  const toMs = new Date(forecast.to).getTime();
  const ruler = h('div', { class: 'ruler' }, dayTicks(fromMs, toMs).map((d) => h('span', {
    style: `left:${placeAt(new Date(d.ms).toISOString(), fromMs, toMs)}%` }, d.label)));
  return h('section', {}, h('h1', {}, 'Calendar'),
    h('p', { class: 'legend' }, h('span', { class: 'band WINDOW' }, 'maintenance window'), ' ',
      h('span', { class: 'band FREEZE' }, 'freeze'), ' ', h('span', { class: 'band BAKE' }, 'bake (ends at its right edge)'),
      ' ', h('span', { class: 'marker' }, '◆ plan lands')),
    forecast.environments.map((env) => {
      const { placed, later, never } = splitLandings(forecast.plans, env.name, toMs);
      return h('section', { class: 'env', 'data-testid': `calendar-${env.name}` },
        h('h2', {}, env.name),
        h('div', { class: 'timeline' }, ruler.cloneNode(true),
          env.bands.map((b) => {
            const box = bandBox(b, fromMs, toMs);
            return box && h('div', { class: `band ${b.kind}`, style: `left:${box.left}%;width:${box.width}%`,
              title: `${b.constraint}${b.reason ? `: ${b.reason}` : ''}: ${localTime(b.start)} – ${localTime(b.end)}`
                + ` (${utcTime(b.start)} – ${utcTime(b.end)})`, 'data-testid': `band-${b.kind}` });
          }),
          placed.map((p) => h('a', { class: 'marker', href: planHref(p.id), style: `left:${placeAt(p.at, fromMs, toMs)}%`,
            title: `${p.entity}: ${p.message} (${utcTime(p.at)})` }, '◆'))),
        h('ul', { class: 'landings' },
          [...placed, ...later].map((p) => h('li', { 'data-testid': `landing-${p.id}` },
            h('a', { href: planHref(p.id) }, p.entity), ` (${planState(p.state).word}): `, h('strong', {},
              time(p.at)), ` — ${p.message}`)),
          never.map((p) => h('li', { class: 'never', 'data-testid': `landing-${p.id}` },
            h('a', { href: planHref(p.id) }, p.entity), ` (${planState(p.state).word}) `,
            h('strong', {}, p.never ? 'can never land: ' : 'waits: '), p.message))));
    }));
}

export function statusView(status, spokes, health, nowMs) {
  return h('section', {}, h('h1', {}, 'Status'),
    h('dl', { class: 'facts' },
      h('dt', {}, 'hub'), h('dd', { 'data-testid': 'health' }, health?.status === 'ok' ? 'healthy' : 'not answering'),
      h('dt', {}, 'governing commit'), h('dd', { 'data-testid': 'commit' }, status.commit
        ? [h('code', {}, status.commit.slice(0, 12)), ' loaded ', time(status.passAt), ` (${relative(status.passAt,
          nowMs)})`] : 'nothing loaded yet'),
      h('dt', {}, 'last fetch'), h('dd', {}, status.lastFetch ? [time(status.lastFetch), ` (${relative(
        status.lastFetch, nowMs)})`] : 'not yet'),
      status.fetchError ? [h('dt', {}, 'fetch error'), h('dd', { class: 'bad' }, status.fetchError)] : null,
      h('dt', {}, 'reconcile pass'), h('dd', {}, String(status.pass))),
    (status.planFileEdits ?? []).length ? [h('h2', {}, `Plan files edited by hand (${status.planFileEdits.length})`),
      h('ul', { class: 'problems', 'data-testid': 'plan-file-edits' }, status.planFileEdits.map((e) =>
        h('li', {}, h('a', { href: planHref(e.planId) }, h('code', {}, e.path)),
          ` ${e.reason}: ${e.message}`)))] : null,
    h('h2', {}, `Load problems (${status.problems.length})`),
    status.problems.length ? h('ul', { class: 'problems', 'data-testid': 'problems' }, status.problems.map((p) =>
      h('li', {}, h('code', {}, p)))) : h('p', { class: 'empty' }, 'None: every file loads.'),
    h('h2', {}, 'Spokes'),
    h('table', { class: 'spokes', 'data-testid': 'spokes' }, h('thead', {}, h('tr', {}, ['spoke', 'environment', 'mode',
      'last report', 'lag', 'entities'].map((c) => h('th', {}, c)))),
    h('tbody', {}, spokes.map((s) => {
      const lag = spokeLag(s.lastReportAt, nowMs);
      return h('tr', { class: lag.late ? 'late' : '' }, h('td', {}, s.name), h('td', {}, s.environment),
        h('td', {}, s.mode), h('td', {}, s.lastReportAt ? time(s.lastReportAt) : '—'),
        h('td', { 'data-testid': `lag-${s.name}` }, lag.word), h('td', {}, String(s.entities.length)));
    }))));
}

export function notFoundView(what) {
  return h('section', { class: 'notfound', 'data-testid': 'not-found' }, h('h1', {}, 'Not found'),
    h('p', {}, what), h('p', {}, h('a', { href: '#/' }, 'Back to the fleet')));
}
