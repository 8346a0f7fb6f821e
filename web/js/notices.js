// Notes under the chips: the spelling suggestion as a link, what a document code refers to in the
// archive, and the server's warnings (in Vietnamese when known).
import { h } from './dom.js';
import { fmtCount, fmtWarning } from './format.js';
import { href, withChanges } from './state.js';

export function renderNotices(state, response, go) {
  const out = [];
  const interp = response.query || {};
  if (response.suggestion && response.suggestion.trim() !== state.q.trim()) {
    const next = withChanges(state, { q: response.suggestion });
    out.push(h('p', { class: 'did-you-mean' }, 'Có phải bạn muốn tìm: ',
      h('a', { href: href(next), onclick: (e) => { e.preventDefault(); go(next); } }, response.suggestion)));
  }
  for (const c of interp.codes || []) {
    for (const code of c.codes || []) {
      const inArchive = c.documents > 0
        ? `${fmtCount(c.documents)} văn bản trong kho mang số hiệu này`
        : 'kho chưa có văn bản này';
      const citing = c.cited_by > 0 ? `${fmtCount(c.cited_by)} văn bản trích dẫn` : 'chưa văn bản nào trích dẫn';
      const cite = { view: 'cite', cite: code };
      out.push(h('p', { class: 'code-note' }, h('strong', null, code), `: ${inArchive}; ${citing}. `,
        h('a', { href: href(cite), onclick: (e) => { e.preventDefault(); go(cite); } }, 'Xem trích dẫn')));
    }
  }
  const warnings = interp.warnings || [];
  if (warnings.length) {
    out.push(h('ul', { class: 'warnings', 'aria-label': 'Lưu ý về câu tìm' },
      warnings.map((w) => h('li', null, h('span', { class: 'warn-icon', 'aria-hidden': 'true' }, '!'), fmtWarning(w)))));
  }
  return out;
}
