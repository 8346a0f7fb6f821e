// Links to a document's original file: the download, and a PDF opened by the browser's own viewer
// at a page (the server shows only PDFs inline; `#page=N` is the viewers' own way to a page).
import { apiUrl } from './api.js';
import { h } from './dom.js';

export function originalUrl(id, page) {
  const url = apiUrl(`api/documents/${encodeURIComponent(id)}/original`, page ? new URLSearchParams({ inline: 'true' }) : null);
  if (page) url.hash = `page=${page}`;
  return url.href;
}

// Opens the original PDF at `page` in a new tab; shows `label`.
export function pageLink(id, page, label, attrs = {}) {
  return h('a', {
    ...attrs, href: originalUrl(id, page), target: '_blank', rel: 'noopener',
    title: `Mở bản PDF gốc tại trang ${page} (thẻ mới)`,
  }, label, h('span', { class: 'sr-only' }, ` — mở bản PDF gốc tại trang ${page}, thẻ mới`));
}
