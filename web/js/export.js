// Links under the toolbar that download the whole result list (up to the server's 1,000 rows) as
// CSV: one for scripts and other programs, one with a byte order mark that Excel reads as UTF-8.
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
    response.total > 1000 ? ' (1.000 văn bản đầu)' : ''];
}
