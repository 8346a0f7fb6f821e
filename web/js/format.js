// Vietnamese display forms: dates, periods, counts, durations, facet names, server warnings.

const pad = (n) => String(n).padStart(2, '0');

// "2020-10-09" → "09/10/2020", "2022-07" → "07/2022", "2024" → "2024".
export function fmtDate(iso) {
  if (!iso) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  if (m[3]) return `${m[3]}/${m[2]}/${m[1]}`;
  if (m[2]) return `${m[2]}/${m[1]}`;
  return m[1];
}

// The word a date known to the day, month or year goes with: "ngày", "tháng" or "năm".
export function dateWord(iso) {
  const m = /^\d{4}(-\d{2})?(-\d{2})?$/.exec(iso || '');
  return !m || m[2] ? 'ngày' : m[1] ? 'tháng' : 'năm';
}

// "ngày 02/04/2022", "tháng 04/2022", "năm 2022": as precise as the date is known.
export function fmtDateOn(iso) {
  return iso ? `${dateWord(iso)} ${fmtDate(iso)}` : '';
}

function parts(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d };
}

const daysIn = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const ROMAN = ['I', 'II', 'III', 'IV'];

// A covered period {from, to} as people say it: "07/2022", "quý I/2025", "năm 2023", or a range.
export function fmtPeriod(period, { long = false } = {}) {
  if (!period || (!period.from && !period.to)) return '';
  if (!period.from) return `đến ${fmtDate(period.to)}`;
  if (!period.to) return `từ ${fmtDate(period.from)}`;
  const a = parts(period.from);
  const b = parts(period.to);
  const wholeMonths = a.d === 1 && b.d === daysIn(b.y, b.m);
  if (wholeMonths && a.y === b.y) {
    if (a.m === 1 && b.m === 12) return long ? `năm ${a.y}` : String(a.y);
    if (a.m === b.m) return long ? `tháng ${pad(a.m)}/${a.y}` : `${pad(a.m)}/${a.y}`;
    if ((a.m - 1) % 3 === 0 && b.m === a.m + 2) return `quý ${ROMAN[(a.m - 1) / 3]}/${a.y}`;
    if (a.m === 1 && b.m === 6) return `6 tháng đầu năm ${a.y}`;
    if (a.m === 7 && b.m === 12) return `6 tháng cuối năm ${a.y}`;
    return `${pad(a.m)}/${a.y} – ${pad(b.m)}/${b.y}`;
  }
  if (wholeMonths) {
    if (a.m === 1 && b.m === 12) return `${a.y} – ${b.y}`;
    return `${pad(a.m)}/${a.y} – ${pad(b.m)}/${b.y}`;
  }
  return `${fmtDate(period.from)} – ${fmtDate(period.to)}`;
}

const numberFormat = new Intl.NumberFormat('vi-VN');
export const fmtCount = (n) => numberFormat.format(n);

export function fmtTook(ms) {
  if (ms < 1) return '< 1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 2 })} giây`;
}

export const FACET_NAMES = {
  type: 'Loại văn bản',
  year: 'Năm',
  theme: 'Chủ đề',
  issuer: 'Cơ quan ban hành',
  province: 'Tỉnh, thành phố',
  parent: 'Văn bản gốc',
};

export const FILTER_NAMES = {
  type: 'Loại',
  theme: 'Chủ đề',
  issuer: 'Cơ quan',
  province: 'Tỉnh/thành',
  parent: 'Văn bản gốc',
  year: 'Năm',
  number: 'Số hiệu',
  from: 'Từ',
  to: 'Đến',
};

// User-typed date → the API's form: "2/4/2022" → "2022-04-02", "7/2022" → "2022-07",
// "2022" → "2022", ISO forms pass through. null when it is not a date.
export function parseUserDate(text) {
  const s = String(text || '').trim();
  if (!s) return '';
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(s);
  let y, mo, d;
  if (m) [, y, mo, d] = m;
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) [, d, mo, y] = m;
  else if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(s))) [, mo, y] = m;
  else return null;
  const yn = Number(y);
  if (yn < 1900 || yn > 2199) return null;
  if (mo === undefined) return y;
  const mn = Number(mo);
  if (mn < 1 || mn > 12) return null;
  if (d === undefined) return `${y}-${pad(mn)}`;
  const dn = Number(d);
  if (dn < 1 || dn > daysIn(yn, mn)) return null;
  return `${y}-${pad(mn)}-${pad(dn)}`;
}

// Server warnings carry a stable code and its parameters (searchd/README.md); each known code is
// worded here in Vietnamese, and an unknown one (a newer server) shows the server's English message.
const WARNINGS = {
  some_words: () => 'Không văn bản nào chứa đủ mọi từ; đang hiện các văn bản chứa một phần.',
  unknown_code: (p) => `«${p.code}» không phải số hiệu văn bản nào trong kho; đã tìm như các từ thường.`,
  second_period: (p) => `Chỉ dùng một khoảng thời gian; «${p.period}» được tìm như các từ thường.`,
  unknown_type: (p) => `«${p.filter}»: không rõ loại văn bản (ví dụ: nghi-quyet, chi-thi, chuong-trinh).`,
  type_without_documents: (p) => `Loại «${p.type}»: kho chưa có văn bản nào thuộc loại này.`,
  unknown_theme: (p) => `«${p.filter}»: không rõ chủ đề.`,
  bad_year: (p) => `«${p.filter}»: cần một năm, ví dụ 2023.`,
  bad_code: (p) => `«${p.filter}»: cần một số hiệu, ví dụ 13-NQ/TW.`,
  bad_date: (p) => `«${p.filter}»: cần một ngày dạng 2022-04-02, 2022-04 hoặc 2022.`,
  dates_swapped: (p) => `Ngày bắt đầu ${fmtDate(p.from)} sau ngày kết thúc ${fmtDate(p.to)}; hai ngày đã được đổi chỗ.`,
  too_many_words: (p) => `Câu tìm có hơn ${p.max} từ; chỉ ${p.max} từ đầu được dùng.`,
  query_too_long: () => 'Câu tìm quá dài; phần sau đã bị bỏ qua.',
  invalid_utf8: () => 'Câu tìm có ký tự không hợp lệ; chúng đã bị bỏ qua.',
  limit_capped: (p) => `Mỗi trang hiện tối đa ${p.max} kết quả.`,
  nothing_to_search: () => 'Câu tìm không có từ nào để tìm.',
  unbalanced_quote: (p) => `Thiếu dấu ngoặc kép đóng: «${p.phrase}» được tìm như các từ thường.`,
  unbalanced_quote_excluded: (p) => `Thiếu dấu ngoặc kép đóng sau -"${p.phrase}".`,
  lone_minus: () => 'Dấu «-» đứng riêng bị bỏ qua: viết -từ để loại trừ một từ.',
  or_at_start: (p) => `«${p.word}» ở đầu câu không có gì phía trước; đã bỏ qua.`,
  filter_without_value: (p) => `Bộ lọc «${p.filter}» không có giá trị; đã bỏ qua.`,
  or_at_end: () => '«OR» ở cuối câu không có gì phía sau; đã bỏ qua.',
  shard_unavailable: (p) => `Phần kho «${p.shard}» tạm thời không trả lời; kết quả chỉ từ ${p.searched} trên ${p.shards} phần.`,
};

export function fmtWarning(w) {
  const word = Object.hasOwn(WARNINGS, w.code) ? WARNINGS[w.code] : null;
  return word ? word(w.params || {}) : w.message;
}
