// The search view: runs /api/search for the state in the URL and draws the chips, notes, status,
// hits, pager, facets, period filter and timeline. Old results stay in place (dimmed) while the
// next ones load, so nothing jumps; a late answer to an older search is dropped.
import { getJSON, isAbort } from './api.js';
import { h, replace } from './dom.js';
import { renderChips } from './chips.js';
import { renderFacets } from './facets.js';
import { renderNotices } from './notices.js';
import { renderPeriod } from './period.js';
import { renderError, renderHits, renderPager, renderSkeleton, statusText, link } from './results.js';
import { renderExport } from './export.js';
import { hasFilters, searchParams, withChanges, emptyState } from './state.js';
import { renderTimeline } from './timeline.js';

const EXAMPLES = ['nông thôn mới', 'NQ 13', 'chuyển đổi số', 'tháng 9/2022', 'quý I năm 2025', 'phòng chống tham nhũng'];

let controller = null;
let hasResults = false;

function byId(id) {
  return document.getElementById(id);
}

function renderIntro(go) {
  return [
    h('p', { class: 'intro-lead' }, 'Tìm trong toàn văn chỉ thị, nghị quyết, kết luận, chương trình công tác. Gõ có dấu hoặc không dấu; số hiệu (13-NQ/TW, NQ 13) và thời gian (tháng 7/2022, quý I năm 2025) được tự nhận diện.'),
    h('p', { class: 'intro-examples' }, 'Thử: ', EXAMPLES.map((q, i) => [
      i ? ' · ' : null, link(withChanges(emptyState(), { q }), go, { class: 'example' }, q)])),
  ];
}

// The element to focus after a redraw: the one with the same data-focus-key as before.
function focusKey() {
  const a = document.activeElement;
  if (!a || a === document.body) return '';
  if (a.dataset && a.dataset.focusKey) return a.dataset.focusKey;
  return byId('view-search').contains(a) ? '*' : '';
}

function restoreFocus(key) {
  if (!key || document.activeElement !== document.body) return;
  const el = document.querySelector(`[data-focus-key="${CSS.escape(key)}"]`);
  if (el) el.focus({ preventScroll: true });
  else byId('results-heading').focus({ preventScroll: true });
}

export async function showSearch(state, go, { onLoaded } = {}) {
  const results = byId('results');
  const status = byId('status');
  const key = focusKey();
  // Without words there is nothing to rank: the server lists the newest first.
  const sort = byId('sort');
  sort.value = state.q ? state.sort : 'date';
  sort.disabled = !state.q;
  document.title = state.q ? `${state.q} — Văn khố` : 'Văn khố — tra cứu văn bản';
  const intro = byId('intro');
  const landing = !state.q && !hasFilters(state);
  intro.hidden = !landing;
  if (landing && !intro.firstChild) replace(intro, renderIntro(go));

  if (controller) controller.abort();
  controller = new AbortController();
  const { signal } = controller;
  results.setAttribute('aria-busy', 'true');
  document.body.classList.add('loading');
  if (!hasResults) replace(results, renderSkeleton());
  else results.classList.add('stale');
  status.textContent = 'Đang tìm…';

  const main = getJSON('api/search', searchParams(state), { signal });
  // With a year (or a month of the timeline) selected, the timeline still shows every year
  // (month): one more facet-only request.
  const monthChosen = Boolean(state.from) && state.from === state.to && /^\d{4}-\d{2}$/.test(state.from);
  const base = state.year.length || monthChosen
    ? getJSON('api/search', searchParams({ ...state, year: [], from: '', to: '', page: 1 }, { limit: '0', snippets: 'false', suggest: 'false' }), { signal })
        .catch((e) => (isAbort(e) ? Promise.reject(e) : null))
    : Promise.resolve(null);

  let response;
  let baseResponse;
  try {
    [response, baseResponse] = await Promise.all([main, base]);
  } catch (e) {
    if (isAbort(e)) return;
    hasResults = false;
    results.classList.remove('stale');
    results.setAttribute('aria-busy', 'false');
    document.body.classList.remove('loading');
    replace(results, renderError(e, () => showSearch(state, go, { onLoaded })));
    status.textContent = 'Không tải được kết quả.';
    // The chips stay, so that a filter the server refused can be removed.
    replace(byId('chips'), renderChips(state, null, go));
    replace(byId('notices'));
    replace(byId('pager'));
    replace(byId('facets'));
    replace(byId('period'));
    replace(byId('timeline'));
    byId('export').hidden = true;
    byId('view-search').classList.add('has-error');
    return;
  }
  byId('view-search').classList.remove('has-error');
  hasResults = true;
  results.classList.remove('stale');
  results.setAttribute('aria-busy', 'false');
  document.body.classList.remove('loading');

  replace(byId('chips'), renderChips(state, response, go));
  replace(byId('notices'), renderNotices(state, response, go));
  status.textContent = statusText(state, response);
  const exportBox = byId('export');
  replace(exportBox, ...renderExport(state, response));
  exportBox.hidden = !exportBox.firstChild;
  replace(results, renderHits(state, response, go));
  replace(byId('pager'), renderPager(state, response, go));
  const facetsBox = byId('facets');
  const drawFacets = (k) => {
    replace(facetsBox, renderFacets(state, response.facets, go, drawFacets));
    if (k) restoreFocusIn(facetsBox, k);
  };
  drawFacets();
  replace(byId('period'), renderPeriod(state, go));
  renderTimeline(byId('timeline'), (baseResponse || response).facets || {}, state, go);
  restoreFocus(key);
  if (onLoaded) onLoaded(response);
}

function restoreFocusIn(box, key) {
  const el = box.querySelector(`[data-focus-key="${CSS.escape(key)}"]`);
  if (el) el.focus();
}
