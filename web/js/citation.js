// The citation view of a document code: what the code is understood as, the documents in the
// archive that are that code, and the documents that cite it.
import { getJSON, isAbort } from './api.js';
import { h, replace } from './dom.js';
import { fmtCount, fmtDate } from './format.js';
import { backLink } from './document.js';
import { renderError, link } from './results.js';
import { emptyState, withChanges } from './state.js';

let controller = null;

function refList(refs, go, q) {
  return h('ul', { class: 'ref-list' }, refs.map((r) => h('li', { class: 'ref' },
    link({ view: 'doc', doc: r.id, q }, go, { class: 'ref-title' }, r.title || r.id),
    h('span', { class: 'ref-meta' }, [r.type_label, r.number, fmtDate(r.date)].filter(Boolean).join(' · ')))));
}

export async function showCitation(state, box, go, nav) {
  if (controller) controller.abort();
  controller = new AbortController();
  const code = state.cite;
  document.title = `${code} — trích dẫn — Văn khố`;
  replace(box, backLink(state, go, nav), h('div', { class: 'doc-loading', role: 'status' }, 'Đang tải…'));
  let v;
  try {
    v = await getJSON(`api/citations/${encodeURIComponent(code)}`, null, { signal: controller.signal });
  } catch (e) {
    if (isAbort(e)) return;
    replace(box, backLink(state, go, nav), renderError(e, () => showCitation(state, box, go, nav)));
    return;
  }
  const codes = v.codes || [];
  const shown = codes[0] || code;
  const is = v.is || [];
  const citing = v.cited_by || [];
  const heading = h('h1', { class: 'doc-title', tabindex: '-1', id: 'cite-title' }, `Số hiệu ${shown}`);
  replace(box,
    backLink(state, go, nav),
    h('article', { class: 'cite-view', 'aria-labelledby': 'cite-title' },
      h('header', { class: 'doc-head' },
        h('p', { class: 'doc-kicker' }, 'Tra cứu trích dẫn'),
        heading,
        codes.length > 1 ? h('p', { class: 'doc-sub' }, `«${code}» có thể là: ${codes.join(', ')}`) : null,
        codes.length === 1 && shown !== code ? h('p', { class: 'doc-sub' }, `«${code}» được hiểu là ${shown}.`) : null,
        v.warning ? h('p', { class: 'warnings-inline' }, `«${code}» không phải số hiệu văn bản (ví dụ: 13-NQ/TW, NQ 13).`) : null),
      h('section', { class: 'panel', 'aria-labelledby': 'is-h' },
        h('h2', { class: 'panel-title', id: 'is-h' }, 'Văn bản mang số hiệu này'),
        is.length ? refList(is, go, '') : h('p', { class: 'muted' }, `Kho chưa có văn bản ${shown}.`)),
      h('section', { class: 'panel', 'aria-labelledby': 'citing-h' },
        h('h2', { class: 'panel-title', id: 'citing-h' }, `Văn bản dẫn ${shown} (${fmtCount(citing.length)})`),
        citing.length ? refList(citing, go, shown) : h('p', { class: 'muted' }, `Chưa văn bản nào trong kho dẫn ${shown}.`)),
      h('p', null, link(withChanges(emptyState(), { q: shown }), go, null, `Tìm «${shown}» trong toàn văn`))));
  return heading;
}
