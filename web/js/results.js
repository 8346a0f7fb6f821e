// The result list: status line, hits (title, type · number · date · issuer, highlighted snippet,
// theme tags), paging, and the loading, empty and error states.
import { explainButton } from './explain.js';
import { h, marked } from './dom.js';
import { describeError } from './api.js';
import { dateWord, fmtCount, fmtDate, fmtPeriod, fmtTook } from './format.js';
import { pageLink } from './originals.js';
import { PAGE_SIZE, hasFilters, href, withChanges } from './state.js';

const MAX_OFFSET = 10000;

function link(next, go, attrs, ...children) {
  return h('a', { href: href(next), ...attrs, onclick: (e) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    go(next);
  } }, ...children);
}
export { link };

export function statusText(state, response) {
  const total = response.total || 0;
  const about = response.total_exact === false ? 'khoảng ' : '';
  const took = fmtTook(response.took_ms || 0);
  if (!state.q && !hasFilters(state)) return `Kho có ${fmtCount(total)} văn bản, mới nhất trước (${took}).`;
  if (total === 0) return `Không tìm thấy văn bản nào (${took}).`;
  const pages = Math.ceil(Math.min(total, MAX_OFFSET + PAGE_SIZE) / PAGE_SIZE);
  const page = pages > 1 ? `Trang ${state.page}/${pages} · ` : '';
  return `${page}Tìm thấy ${about}${fmtCount(total)} văn bản (${took}).`;
}

function metaLine(hit) {
  const parts = [];
  if (hit.type_label) parts.push(h('span', { class: 'hit-type' }, hit.type_label));
  if (hit.number) parts.push(h('span', { class: 'hit-number' }, hit.number));
  if (hit.date) parts.push(h('span', { class: 'hit-date' }, h('span', { class: 'sr-only' }, `${dateWord(hit.date)} `), fmtDate(hit.date)));
  if (hit.issuer) parts.push(h('span', null, hit.issuer));
  if (hit.province) parts.push(h('span', null, hit.province));
  if (hit.period) parts.push(h('span', { class: 'hit-period' }, `Thời gian: ${fmtPeriod(hit.period, { long: true })}`));
  if (hit.parent && (hit.parent.title || hit.parent.number)) {
    parts.push(h('span', { class: 'hit-parent' }, h('span', { class: 'sr-only' }, 'thuộc '),
      [hit.parent.title, hit.parent.number].filter(Boolean).join(' — ')));
  }
  if (hit.page) {
    parts.push(hit.original_pdf ? pageLink(hit.id, hit.page, `trang ${hit.page}`, { class: 'hit-page' })
      : h('span', { class: 'hit-page' }, `trang ${hit.page}`));
  }
  if (hit.ocr) parts.push(h('span', { class: 'hit-ocr', title: 'Văn bản nhận dạng từ bản quét (OCR), có thể sai sót' }, 'bản quét'));
  const out = [];
  parts.forEach((p, i) => {
    if (i) out.push(h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '));
    out.push(p);
  });
  return h('p', { class: 'hit-meta' }, out);
}

function renderHit(hit, index, state, go) {
  const doc = { view: 'doc', doc: hit.id, q: state.q };
  const titleId = `hit-${index}-title`;
  const themes = hit.themes || [];
  return h('li', { class: 'hit' },
    h('article', { 'aria-labelledby': titleId },
      h('h2', { class: 'hit-title', id: titleId }, link(doc, go, null, hit.title || `(Không có tiêu đề) ${hit.id}`)),
      metaLine(hit),
      hit.section ? h('p', { class: 'hit-section' }, h('span', { class: 'sr-only' }, 'Trong mục: '), hit.section) : null,
      hit.snippet ? marked('p', { class: 'hit-snippet' }, hit.snippet) : null,
      themes.length ? h('ul', { class: 'tags', 'aria-label': 'Chủ đề' }, themes.map((t) => {
        const on = state.theme.includes(t.id);
        const next = withChanges(state, { theme: on ? state.theme.filter((x) => x !== t.id) : [...state.theme, t.id] });
        return h('li', null, h('button', {
          type: 'button', class: 'tag', 'aria-pressed': String(on),
          title: on ? `Bỏ lọc chủ đề ${t.label}` : `Lọc theo chủ đề ${t.label}`,
          onclick: () => go(next),
        }, t.label));
      })) : null,
      state.q ? explainButton(hit, state) : null));
}

export function renderHits(state, response, go) {
  const hits = response.hits || [];
  if (!hits.length && response.total > 0 && state.page > 1) {
    return h('div', { class: 'empty' }, h('p', { class: 'empty-title' }, `Trang ${state.page} không còn kết quả. `,
      link(withChanges(state, { page: 1 }), go, null, 'Về trang đầu')));
  }
  if (!hits.length) return renderEmpty(state, go);
  return h('ol', { class: 'hit-list', start: String((state.page - 1) * PAGE_SIZE + 1) },
    hits.map((hit, i) => renderHit(hit, i, state, go)));
}

function renderEmpty(state, go) {
  const tips = [];
  if (hasFilters(state)) {
    tips.push(h('li', null, 'Bỏ bớt bộ lọc: ', link(withChanges(state, {
      type: [], theme: [], issuer: [], province: [], year: [], parent: [], from: '', to: '' }), go, null, 'tìm lại không có bộ lọc'), '.'));
  }
  tips.push(h('li', null, 'Dùng ít từ hơn, hoặc từ đồng nghĩa.'));
  tips.push(h('li', null, 'Số hiệu có thể viết nhiều cách: 13-NQ/TW, NQ 13, nghị quyết số 13.'));
  return h('div', { class: 'empty' },
    h('p', { class: 'empty-title' }, state.q ? `Không có văn bản nào khớp với «${state.q}».` : 'Không có văn bản nào khớp với bộ lọc.'),
    h('ul', { class: 'empty-tips' }, tips));
}

export function renderSkeleton() {
  return h('ol', { class: 'hit-list skeleton', 'aria-hidden': 'true' },
    [0, 1, 2].map(() => h('li', { class: 'hit' },
      h('div', { class: 'sk sk-title' }), h('div', { class: 'sk sk-meta' }),
      h('div', { class: 'sk sk-line' }), h('div', { class: 'sk sk-line short' }))));
}

export function renderError(error, retry) {
  const { title, detail } = describeError(error);
  return h('div', { class: 'error-box', role: 'alert' },
    h('p', { class: 'error-title' }, title),
    h('p', { class: 'error-detail' }, detail),
    retry ? h('button', { type: 'button', class: 'btn', onclick: retry }, 'Thử lại') : null);
}

export function renderPager(state, response, go) {
  const total = Math.min(response.total || 0, MAX_OFFSET + PAGE_SIZE);
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return [];
  const page = Math.min(state.page, pages);
  const to = (p) => withChanges(state, { page: p });
  const numbers = new Set([1, pages]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pages) numbers.add(p);
  const sorted = [...numbers].sort((a, b) => a - b);
  const items = [];
  items.push(h('li', null, page > 1
    ? link(to(page - 1), go, { class: 'pager-prev', rel: 'prev' }, '‹ Trước')
    : h('span', { class: 'pager-prev disabled', 'aria-disabled': 'true' }, '‹ Trước')));
  let last = 0;
  for (const p of sorted) {
    if (p - last > 1) items.push(h('li', { class: 'pager-gap', 'aria-hidden': 'true' }, '…'));
    items.push(h('li', null, p === page
      ? h('span', { class: 'pager-page current', 'aria-current': 'page' }, h('span', { class: 'sr-only' }, 'Trang '), String(p))
      : link(to(p), go, { class: 'pager-page', 'aria-label': `Trang ${p}` }, String(p))));
    last = p;
  }
  items.push(h('li', null, page < pages
    ? link(to(page + 1), go, { class: 'pager-next', rel: 'next' }, 'Sau ›')
    : h('span', { class: 'pager-next disabled', 'aria-disabled': 'true' }, 'Sau ›')));
  return h('ul', { class: 'pager-list' }, items);
}
