// Links under the toolbar: the whole result list (up to the server's 1,000 rows) as CSV, one for
// scripts and other programs and one with a byte order mark that Excel reads as UTF-8; and the
// search as an Atom feed ("Theo dõi"), newest documents first, for a feed reader.
import { apiUrl } from './api.js';
import { h } from './dom.js';
import { searchParams } from './state.js';

export function renderExport(state, response) {
  if (!response || !response.total) return [];
  const params = searchParams(state, { offset: null, limit: null });
  const csv = apiUrl('api/search.csv', params);
  params.set('excel', 'true');
  const excel = apiUrl('api/search.csv', params);
  return ['Tải danh sách kết quả: ',
    h('a', { href: csv.href, download: 'vankho-ket-qua.csv', 'data-export': 'csv' }, 'CSV'),
    ' · ',
    h('a', { href: excel.href, download: 'vankho-ket-qua-excel.csv', 'data-export': 'excel' }, 'Excel'),
    response.total > 1000 ? ' (1.000 văn bản đầu)' : '',
    ' · ',
    h('a', { href: feedUrl(state).href, 'data-export': 'atom', type: 'application/atom+xml',
      title: 'Nguồn tin Atom: văn bản mới khớp câu tìm này, mới nhất trước' }, 'Theo dõi')];
}

export function feedUrl(state) {
  return apiUrl('api/search.atom', searchParams(state, { offset: null, limit: null, sort: null }));
}
