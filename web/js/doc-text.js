// A document's full text as DOM: the server's highlighted text (escaped, with <mark>) parsed into
// text nodes and <mark>s, each section's heading line made an anchor for the table of contents,
// and a marker where each page of a paged original starts.
import { h, markedPieces } from './dom.js';

const MAX_HEADING = 160;  // longer first lines are paragraphs, not headings

// UTF-8 byte offsets (what the index stores) → UTF-16 offsets into `text` (what JS indexes).
export function utf16Offsets(text, byteOffsets) {
  const wanted = [...new Set(byteOffsets)].sort((a, b) => a - b);
  const out = new Map();
  let bytes = 0;
  let k = 0;
  let i = 0;
  while (k < wanted.length) {
    if (bytes >= wanted[k] || i >= text.length) {
      out.set(wanted[k++], i);
      continue;
    }
    const cp = text.codePointAt(i);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp > 0xffff ? 2 : 1;
  }
  return byteOffsets.map((b) => out.get(b));
}

// Heading ranges [{start, end, id, index}] in UTF-16 offsets: the first line of each section.
export function headingRanges(text, sections) {
  const starts = utf16Offsets(text, sections.map((s) => s.start || 0));
  const ranges = [];
  sections.forEach((s, index) => {
    const start = starts[index];
    if (start === undefined || start >= text.length) return;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > MAX_HEADING) {
      // A numbered paragraph ("1. Chỉ đạo …"): only its number stands out.
      const m = /^\s*(?:[(]?[0-9IVXLivxl]+(?:\.[0-9]+)*[.)]|[a-zđ][)]|[-–•])/u.exec(text.slice(start, start + 24));
      end = start + (m ? m[0].length : Math.max(1, text.slice(start, start + 40).search(/\s|$/)));
    }
    if (ranges.length && start < ranges[ranges.length - 1].end) return;  // overlapping: keep the first
    ranges.push({ start, end: Math.max(end, start + 1), id: `sec-${index + 1}`, index, level: s.level || 1 });
  });
  return ranges;
}

// `pages`: the UTF-8 byte offsets where the pages of a paged original start (the document's
// "pages"); when there are two or more, `pageMarker(n)` gives the element put where page n starts.
export function buildDocText(text, highlightedHtml, sections, { pages = [], pageMarker = null } = {}) {
  let pieces = highlightedHtml ? markedPieces(highlightedHtml) : [];
  if (!pieces.length || pieces.map((p) => p.text).join('') !== text) pieces = [{ text, mark: false }];
  const ranges = headingRanges(text, sections || []);
  const pageStarts = pageMarker && pages.length > 1 ? utf16Offsets(text, pages) : [];
  const root = h('div', { class: 'doc-text', lang: 'vi' });
  let r = 0;
  let pg = 0;  // the next page whose marker is due
  let open = null;  // the heading element being filled
  let pos = 0;
  const put = (chunk, mark) => {
    if (!chunk) return;
    (open || root).append(mark ? h('mark', null, chunk) : document.createTextNode(chunk));
  };
  for (const p of pieces) {
    let off = 0;
    while (off < p.text.length) {
      const abs = pos + off;
      if (open && abs >= ranges[r].end) {
        open = null;
        r++;
      }
      if (!open && r < ranges.length && abs >= ranges[r].start) {
        const range = ranges[r];
        open = h('span', { class: `doc-heading level-${Math.min(range.level, 3)}`, id: range.id, tabindex: '-1' });
        root.append(open);
      }
      for (; pg < pageStarts.length && pageStarts[pg] <= abs; pg++) (open || root).append(pageMarker(pg + 1));
      let limit = open ? ranges[r].end : r < ranges.length ? ranges[r].start : Infinity;
      if (pg < pageStarts.length) limit = Math.min(limit, pageStarts[pg]);
      const take = Math.max(1, Math.min(p.text.length - off, limit - abs));
      put(p.text.slice(off, off + take), p.mark);
      off += take;
    }
    pos += p.text.length;
  }
  return { element: root, ranges };
}
