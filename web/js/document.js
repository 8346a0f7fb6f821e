// The document view: full text with the query's matches marked and the section headings as a table
// of contents; a metadata panel; the documents it cites (each a link to that code's citation view),
// the documents in the archive that cite it, and similar documents.
import { citationLine } from './cite-line.js';
import { getJSON, isAbort, ApiError } from './api.js';
import { h, replace } from './dom.js';
import { buildDocText } from './doc-text.js';
import { typeLabel } from './doctypes.js';
import { fmtDate, fmtDateOn, fmtPeriod } from './format.js';
import { originalUrl, pageLink } from './originals.js';
import { renderError, link } from './results.js';
import { emptyState, withChanges } from './state.js';

let controller = null;

export function backLink(state, go, { lastSearch, canGoBack }) {
  const target = lastSearch || withChanges(emptyState(), { q: state.q || '' });
  return h('nav', { class: 'back-nav', 'aria-label': 'Điều hướng' },
    link(target, (next) => (canGoBack() ? history.back() : go(next)), { class: 'back-link' },
      h('span', { 'aria-hidden': 'true' }, '← '), target.q || target.theme.length || target.type.length ? 'Kết quả tìm kiếm' : 'Trang tìm kiếm'));
}

function refItem(ref, go, q, extra) {
  const meta = [ref.type_label, ref.number, fmtDate(ref.date)].filter(Boolean).join(' · ');
  return h('li', { class: 'ref' },
    link({ view: 'doc', doc: ref.id, q: q || '' }, go, { class: 'ref-title' }, ref.title || ref.id),
    meta ? h('span', { class: 'ref-meta' }, meta) : null,
    extra || null);
}

function metaPanel(d, state, go) {
  const rows = [];
  const row = (name, ...value) => {
    if (value.some((v) => v !== '' && v !== null && v !== undefined)) rows.push(h('dt', null, name), h('dd', null, ...value));
  };
  row('Loại văn bản', d.type_label || typeLabel(d.type), d.draft ? ' (dự thảo)' : '');
  row('Số hiệu', d.number || '');
  if (d.parent && (d.parent.title || d.parent.number)) {
    row('Thuộc văn bản', d.parent.number
      ? link(withChanges(emptyState(), { parent: [d.parent.number] }), go, { title: 'Mọi phần của văn bản này' },
        [d.parent.title, d.parent.number].filter(Boolean).join(' — '))
      : d.parent.title);
  }
  row('Ngày ban hành', fmtDate(d.date || ''));
  row('Cơ quan ban hành', d.issuer || '');
  row('Tỉnh, thành phố', d.province || '');
  row('Thời gian áp dụng', d.period ? fmtPeriod(d.period, { long: true }) : '');
  row('Khóa, nhiệm kỳ', d.term || '');
  if (d.signer && (d.signer.name || d.signer.title)) {
    row('Người ký', d.signer.name || '', d.signer.title ? h('span', { class: 'signer-title' }, ` — ${d.signer.title.toLocaleLowerCase('vi')}`) : '');
  }
  const themes = d.themes || [];
  if (themes.length) {
    row('Chủ đề', h('ul', { class: 'tags' }, themes.map((t) => h('li', null,
      link(withChanges(emptyState(), { theme: [t.id] }), go, { class: 'tag', title: `Mọi văn bản về ${t.label}` }, t.label)))));
  }
  row('Mã lưu trữ', h('code', null, d.id));
  if (d.file && d.file.format) {
    const pages = d.file.pages ? `, ${d.file.pages} trang` : '';
    row('Tệp gốc', d.original
      ? [h('a', { class: 'original-link', href: originalUrl(d.id), download: '' }, `Tải về (${d.file.format.toUpperCase()}${pages})`),
        pdfShown(d) ? [' · ', pageLink(d.id, 1, 'Xem bản PDF', { class: 'original-view' })] : null]
      : `${d.file.format.toUpperCase()}${pages}`);
  }
  if (d.ocr) row('Nguồn chữ', 'Nhận dạng từ bản quét (OCR), có thể sai sót');
  return h('section', { class: 'panel meta-panel', 'aria-labelledby': 'meta-h' },
    h('h2', { id: 'meta-h', class: 'panel-title' }, 'Thông tin văn bản'),
    h('dl', { class: 'meta-list' }, rows));
}

// The original is a PDF the browser can open at a page.
const pdfShown = (d) => Boolean(d.original && d.file && d.file.format === 'pdf');

function tocPanel(d, sections, ranges) {
  if (!ranges.length) return null;
  return h('nav', { class: 'panel toc', 'aria-labelledby': 'toc-h' },
    h('h2', { id: 'toc-h', class: 'panel-title' }, 'Mục lục'),
    h('ol', { class: 'toc-list' }, ranges.map((r) => h('li', { class: `toc-level-${Math.min(r.level, 3)}` },
      h('a', {
        href: `#${r.id}`,
        onclick: (e) => {
          e.preventDefault();
          const target = document.getElementById(r.id);
          target.scrollIntoView({ block: 'start' });
          target.focus({ preventScroll: true });
        },
      }, sections[r.index].heading || r.id),
      sections[r.index].page ? h('span', { class: 'toc-page' }, ' · ', pdfShown(d)
        ? pageLink(d.id, sections[r.index].page, `trang ${sections[r.index].page}`)
        : `trang ${sections[r.index].page}`) : null))));
}

function citesPanel(d, go) {
  const cites = d.citations || [];
  const items = cites.map((c) => {
    const what = [typeLabel(c.type), fmtDateOn(c.date), c.body ? `của ${c.body}` : '']
      .filter(Boolean).join(' ');
    return h('li', { class: 'ref' },
      link({ view: 'cite', cite: c.code }, go, { class: 'ref-title code-link', dataset: { code: c.code } }, c.code),
      what ? h('span', { class: 'ref-meta' }, what) : null,
      c.subject ? h('span', { class: 'ref-subject' }, `về ${c.subject}`) : null);
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'cites-h' },
    h('h2', { id: 'cites-h', class: 'panel-title' }, `Văn bản được dẫn (${cites.length})`),
    items.length ? h('ul', { class: 'ref-list cites-list' }, items) : h('p', { class: 'muted' }, 'Văn bản này không dẫn số hiệu nào.'));
}

function citedByPanel(d, go) {
  const refs = d.cited_by || [];
  return h('section', { class: 'panel', 'aria-labelledby': 'citedby-h' },
    h('h2', { id: 'citedby-h', class: 'panel-title' }, `Được trích dẫn bởi (${refs.length})`),
    refs.length ? h('ul', { class: 'ref-list' }, refs.map((r) => refItem(r, go, d.number)))
      : h('p', { class: 'muted' }, d.number ? `Chưa văn bản nào trong kho dẫn ${d.number}.` : 'Văn bản không có số hiệu để dẫn.'));
}

function similarPanel(similar, go) {
  const body = similar === null
    ? h('p', { class: 'muted' }, 'Không tải được danh sách văn bản tương tự.')
    : similar.length ? h('ul', { class: 'ref-list' }, similar.map((r) => refItem(r, go, '')))
      : h('p', { class: 'muted' }, 'Không có văn bản tương tự.');
  return h('section', { class: 'panel', 'aria-labelledby': 'similar-h' },
    h('h2', { id: 'similar-h', class: 'panel-title' }, 'Văn bản tương tự'), body);
}

// Next/previous match buttons for a text with <mark>s.
function matchNav(textEl, q) {
  const marks = [...textEl.querySelectorAll('mark')];
  if (!q) return null;
  if (!marks.length) return h('p', { class: 'match-nav muted' }, `Không có chỗ nào khớp với «${q}» trong văn bản.`);
  let at = -1;
  const counter = h('span', { class: 'match-count', 'aria-live': 'polite' }, `${marks.length} chỗ khớp với «${q}»`);
  const move = (step) => {
    if (at >= 0) marks[at].classList.remove('current');
    at = (at + step + marks.length) % marks.length;
    marks[at].classList.add('current');
    marks[at].scrollIntoView({ block: 'center' });
    counter.textContent = `Chỗ khớp ${at + 1}/${marks.length} với «${q}»`;
  };
  return h('div', { class: 'match-nav' }, counter,
    h('button', { type: 'button', class: 'btn btn-small', onclick: () => move(-1), 'aria-label': 'Chỗ khớp trước' }, '‹'),
    h('button', { type: 'button', class: 'btn btn-small', onclick: () => move(1), 'aria-label': 'Chỗ khớp tiếp theo' }, '›'));
}

export async function showDocument(state, box, go, nav) {
  if (controller) controller.abort();
  controller = new AbortController();
  const { signal } = controller;
  const id = state.doc;
  replace(box, backLink(state, go, nav), h('div', { class: 'doc-loading', role: 'status' }, 'Đang tải văn bản…'));
  document.title = 'Văn bản — Văn khố';
  const path = `api/documents/${encodeURIComponent(id)}`;
  const params = state.q ? new URLSearchParams({ q: state.q }) : null;
  let d;
  let similar;
  try {
    const similarReq = getJSON(`${path}/similar`, new URLSearchParams({ limit: '5' }), { signal })
      .then((r) => r.hits || [], (e) => (isAbort(e) ? Promise.reject(e) : null));
    [d, similar] = await Promise.all([getJSON(path, params, { signal }), similarReq]);
  } catch (e) {
    if (isAbort(e)) return;
    const err = e instanceof ApiError && e.kind === 'not_found'
      ? h('div', { class: 'error-box', role: 'alert' }, h('p', { class: 'error-title' }, 'Không tìm thấy văn bản'),
        h('p', { class: 'error-detail' }, `Kho không có văn bản mã «${id}». Có thể văn bản đã bị gỡ khỏi kho.`))
      : renderError(e, () => showDocument(state, box, go, nav));
    replace(box, backLink(state, go, nav), err);
    return;
  }
  document.title = `${d.title || id} — Văn khố`;
  const { element: textEl, ranges } = buildDocText(d.text || '', d.highlighted_html || '', d.sections || [], {
    pages: d.pages || [],
    pageMarker: (n) => h('span', { class: 'page-marker', dataset: { page: String(n) } },
      pdfShown(d) ? pageLink(d.id, n, `Trang ${n}`) : `Trang ${n}`),
  });
  const kicker = [d.type_label || typeLabel(d.type), d.number].filter(Boolean).join(' · ');
  const sub = [d.issuer, fmtDateOn(d.date), d.period ? `thời gian: ${fmtPeriod(d.period, { long: true })}` : '']
    .filter(Boolean).join(' · ');
  const heading = h('h1', { class: 'doc-title', tabindex: '-1', id: 'doc-title' }, d.title || id);
  const cite = citationLine(d);
  const citeText = h('q', { class: 'cite-line', id: 'cite-line' }, cite);
  const copied = h('span', { class: 'cite-copied', role: 'status', 'aria-live': 'polite' });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(cite);
      copied.textContent = 'Đã sao chép.';
    } catch {  // no clipboard (a page on plain http elsewhere than localhost): select it for Ctrl+C
      getSelection().selectAllChildren(citeText);
      copied.textContent = 'Đã chọn; nhấn Ctrl+C để sao chép.';
    }
  };
  replace(box,
    backLink(state, go, nav),
    h('article', { class: 'doc', 'aria-labelledby': 'doc-title' },
      h('header', { class: 'doc-head' },
        kicker ? h('p', { class: 'doc-kicker' }, kicker) : null,
        heading,
        sub ? h('p', { class: 'doc-sub' }, sub) : null,
        h('p', { class: 'doc-cite' }, h('span', { class: 'cite-label' }, 'Trích dẫn: '), citeText, ' ',
          h('button', { type: 'button', class: 'btn btn-small', onclick: copy }, 'Sao chép'), ' ',
          h('button', { type: 'button', class: 'btn btn-small', onclick: () => window.print() }, 'In'), ' ', copied)),
      h('div', { class: 'doc-info' }, metaPanel(d, state, go), tocPanel(d, d.sections || [], ranges)),
      h('div', { class: 'doc-body' }, matchNav(textEl, state.q), textEl),
      h('div', { class: 'doc-links' }, citesPanel(d, go), citedByPanel(d, go), similarPanel(similar, go))));
  return heading;
}
