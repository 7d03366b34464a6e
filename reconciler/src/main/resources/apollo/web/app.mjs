// The page's shell: reads the route from the URL's fragment, asks the hub's public /v1 API, renders the view, and
// polls every POLL_MS so that the page follows the hub without a reload (a view is rebuilt only when an answer
// changed, so a person's scrolling and open details survive the polling).
import { route } from './lib.mjs';
import {
  calendarView, entityView, fleetView, notFoundView, planView, plansView, statusView,
} from './views.mjs';

const POLL_MS = 1500;
const main = document.getElementById('main');
const banner = document.getElementById('banner');
let filters = { environment: '', product: '', state: '' };
let lastKey = '';
let timer = null;

class NotFound extends Error {}

async function get(path) {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  if (response.status === 404) {
    const body = await response.json().catch(() => ({}));
    throw new NotFound(body.message ?? `${path} is not known to the hub`);
  }
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(`${path} answered ${response.status}: ${body.message ?? response.statusText}`);
  }
  return response.json();
}

/** The data a route needs, fetched together; the render function; both pure of the DOM until render. */
async function load(r) {
  const enc = encodeURIComponent;
  switch (r.page) {
    case 'fleet': {
      const { entities } = await get('/v1/entities');
      return [entities, () => fleetView(entities, filters, (next) => { filters = next; refresh(true); })];
    }
    case 'entity': {
      const id = `${r.params.environment}/${r.params.name}`;
      const [entity, plans, spokes] = await Promise.all([
        get(`/v1/entities/${enc(r.params.environment)}/${enc(r.params.name)}`),
        get(`/v1/plans?entity=${enc(id)}`), get('/v1/spokes')]);
      return [[entity, plans, spokes], () => entityView(entity, plans.plans, spokes.spokes, Date.now())];
    }
    case 'plans': {
      const { plans } = await get('/v1/plans');
      return [plans, () => plansView(plans, Date.now())];
    }
    case 'plan': {
      const plan = await get(`/v1/plans/${enc(r.params.id)}`);
      return [plan, () => planView(plan, Date.now())];
    }
    case 'calendar': {
      const forecast = await get('/v1/forecast?days=14');
      return [[forecast.environments, forecast.plans], () => calendarView(forecast)];
    }
    case 'status': {
      const [status, spokes, health] = await Promise.all([get('/v1/status'), get('/v1/spokes'),
        get('/healthz').catch(() => null)]);
      const { passAt, ...stable } = status;
      return [[stable, spokes, health], () => statusView(status, spokes.spokes, health, Date.now())];
    }
    default:
      throw new NotFound(`There is no page ${r.params.path}.`);
  }
}

async function refresh(force = false) {
  const r = route(location.hash);
  for (const a of document.querySelectorAll('nav a')) {
    a.classList.toggle('current', a.dataset.page === (r.page === 'plan' ? 'plans' : r.page));
  }
  try {
    const [data, render] = await load(r);
    const key = `${location.hash}\n${JSON.stringify(data)}`;
    banner.hidden = true;
    if (force || key !== lastKey) {
      lastKey = key;
      main.replaceChildren(render());
    }
  } catch (e) {
    if (e instanceof NotFound) {
      const key = `${location.hash}\nnotfound`;
      if (key !== lastKey) {
        lastKey = key;
        main.replaceChildren(notFoundView(e.message));
      }
    } else {
      banner.textContent = `The hub does not answer: ${e.message}. Retrying…`;
      banner.hidden = false;
    }
  }
  document.body.dataset.ready = 'true';
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    await refresh();
    schedule();
  }, POLL_MS);
}

window.addEventListener('hashchange', () => { lastKey = ''; refresh(true).then(schedule); });
refresh(true).then(schedule);
