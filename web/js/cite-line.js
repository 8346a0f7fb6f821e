// A document's citation in the house style of Party documents: "Nghị quyết số 13-NQ/TW ngày
// 02/4/2022 của Bộ Chính trị" (the day with two digits, the month without a leading zero; a part the
// document lacks is left out).
export function citationLine(d) {
  const parts = [d.type_label || ''];
  if (d.number) parts.push(`số ${d.number}`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d.date || '');
  if (m) parts.push(`ngày ${m[3]}/${Number(m[2])}/${m[1]}`);
  else if (/^\d{4}(-\d{2})?$/.test(d.date || '')) parts.push(`năm ${d.date.slice(0, 4)}`);
  if (d.issuer) parts.push(`của ${d.issuer}`);
  const line = parts.filter(Boolean).join(' ');
  return line || d.title || d.id;
}
