// "Vì sao?" under a hit: on demand, why the document answers the search, as the server's planner
// sees it (GET /api/documents/{id}/explain with the search's parameters): which words and pairs
// it has and where, the code it is or cites, and how its period fits the one asked for.
import { getJSON } from './api.js';
import { h, replace } from './dom.js';
import { fmtCount, fmtDate } from './format.js';
import { searchParams } from './state.js';

const WHERE = { title: 'tiêu đề', parent: 'văn bản cha', text: 'nội dung' };

function termLine(t) {
  const where = (t.where || []).map((w) => WHERE[w] || w).join(', ');
  const times = t.count > 0 ? ` — ${fmtCount(t.count)} lần` : '';
  switch (t.kind) {
    case 'code': return `Văn bản này là ${t.text}`;
    case 'cites': return `Trích dẫn ${t.text}${times}`;
    case 'pair': return `Cặp từ «${t.text}» đứng liền nhau${where ? ` ở ${where}` : ''}${times}`;
    case 'word': return `Từ «${t.text}» đúng dấu như đã gõ${where ? ` ở ${where}` : ''}`;
    default: return `Từ «${t.text}» (không phân biệt dấu)${where ? ` ở ${where}` : ''}${times}`;
  }
}

function periodLine(e) {
  if (!e.period_asked) return null;
  const asked = `${fmtDate(e.period_asked.from)}–${fmtDate(e.period_asked.to)}`;
  if (!e.period_document) return `Thời gian hỏi ${asked}; văn bản không ghi thời gian áp dụng.`;
  const doc = `${fmtDate(e.period_document.from)}–${fmtDate(e.period_document.to)}`;
  return `Thời gian hỏi ${asked}; văn bản áp dụng ${doc}: khớp ${Math.round(e.period_fit * 100)} %.`;
}

export function explainButton(hit, state) {
  const box = h('div', { class: 'explain', hidden: true, id: `explain-${CSS.escape(hit.id)}` });
  let loaded = false;
  const button = h('button', {
    type: 'button', class: 'btn btn-small explain-toggle', 'aria-expanded': 'false', 'aria-controls': box.id,
    onclick: async () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      box.hidden = !open;
      if (!open || loaded) return;
      replace(box, h('p', { class: 'muted' }, 'Đang tải…'));
      try {
        const params = searchParams(state, { offset: null, limit: null, sort: null });
        const e = await getJSON(`api/documents/${encodeURIComponent(hit.id)}/explain`, params);
        loaded = true;
        const lines = (e.terms || []).map(termLine);
        const period = periodLine(e);
        if (period) lines.push(period);
        if (!e.matches) lines.unshift('Văn bản không còn khớp câu tìm này.');
        replace(box, lines.length ? h('ul', { class: 'explain-list' }, lines.map((l) => h('li', null, l)))
          : h('p', { class: 'muted' }, 'Văn bản khớp bộ lọc, không có từ nào để giải thích.'));
      } catch {
        replace(box, h('p', { class: 'muted' }, 'Không tải được lời giải thích.'));
      }
    },
  }, 'Vì sao có kết quả này?');
  return [button, box];
}
