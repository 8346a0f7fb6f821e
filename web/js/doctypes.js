// Labels of the document-type slugs that citations carry (the index gives labels for documents).
const TYPES = {
  'nghi-quyet': 'Nghị quyết', 'chi-thi': 'Chỉ thị', 'ket-luan': 'Kết luận', 'quyet-dinh': 'Quyết định',
  'quy-dinh': 'Quy định', 'huong-dan': 'Hướng dẫn', 'chuong-trinh': 'Chương trình',
  'chuong-trinh-hanh-dong': 'Chương trình hành động', 'ke-hoach': 'Kế hoạch', 'thong-bao': 'Thông báo',
  'thong-tri': 'Thông tri', 'bao-cao': 'Báo cáo', 'cong-van': 'Công văn', 'to-trinh': 'Tờ trình',
  'nghi-dinh': 'Nghị định', 'thong-tu': 'Thông tư', 'luat': 'Luật', 'phap-lenh': 'Pháp lệnh',
  'quy-che': 'Quy chế', 'de-an': 'Đề án', 'tin-bai': 'Tin bài',
};

export function typeLabel(slug) {
  return TYPES[slug] || '';
}
