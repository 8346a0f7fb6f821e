// Talks to vankho-searchd's JSON API (relative URLs: the page is served by searchd). Failures
// become an ApiError whose `kind` says what a person needs to know: the service is unreachable,
// too slow, busy, or refused the request.

const TIMEOUT_MS = 15000;

export class ApiError extends Error {
  constructor(kind, { status = 0, code = '', message = '' } = {}) {
    super(message || kind);
    this.kind = kind;  // network | timeout | busy | http | not_found | bad_response
    this.status = status;
    this.code = code;
  }
}

export function apiUrl(path, params) {
  const url = new URL(path, document.baseURI);
  if (params) url.search = params.toString();
  return url;
}

// GET a JSON document. `signal` cancels (an AbortError is rethrown as is).
export async function getJSON(path, params, { signal } = {}) {
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal.reason);
  if (signal) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', onAbort, { once: true });
  }
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, TIMEOUT_MS);
  let res;
  try {
    res = await fetch(apiUrl(path, params), {
      signal: controller.signal,
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    });
  } catch (e) {
    if (timedOut) throw new ApiError('timeout');
    if (signal && signal.aborted) throw e;
    throw new ApiError('network', { message: String(e && e.message) });
  } finally {
    clearTimeout(timer);
    if (signal) signal.removeEventListener('abort', onAbort);
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    if (res.ok) throw new ApiError('bad_response', { status: res.status });
  }
  if (!res.ok) {
    const err = (body && body.error) || {};
    const kind = res.status === 404 ? 'not_found' : res.status === 503 || res.status === 429 ? 'busy' : 'http';
    throw new ApiError(kind, { status: res.status, code: err.code || '', message: err.message || '' });
  }
  return body;
}

export const isAbort = (e) => e && e.name === 'AbortError';

// A person's explanation of an ApiError: {title, detail}.
export function describeError(e) {
  switch (e.kind) {
    case 'network':
      return {
        title: 'Không kết nối được với máy chủ tìm kiếm',
        detail: 'Dịch vụ tìm kiếm (vankho-searchd) không trả lời. Có thể dịch vụ đang dừng hoặc mạng bị gián đoạn. ' +
          'Hãy thử lại sau ít phút; nếu vẫn lỗi, xin báo quản trị viên.',
      };
    case 'timeout':
      return { title: 'Máy chủ tìm kiếm trả lời quá chậm', detail: 'Yêu cầu đã chờ quá 15 giây. Hãy thử lại.' };
    case 'busy':
      return {
        title: 'Máy chủ tìm kiếm đang bận',
        detail: 'Máy chủ đang quá tải hoặc đang nạp lại chỉ mục. Hãy thử lại sau vài giây.',
      };
    case 'not_found':
      return { title: 'Không tìm thấy', detail: 'Văn bản hoặc địa chỉ này không có trong kho.' };
    case 'bad_response':
      return { title: 'Máy chủ trả về dữ liệu không đọc được', detail: `Mã HTTP ${e.status}. Xin báo quản trị viên.` };
    default:
      return {
        title: 'Máy chủ tìm kiếm báo lỗi',
        detail: `${e.message || 'Yêu cầu không hợp lệ.'} (HTTP ${e.status}${e.code ? `, ${e.code}` : ''})`,
      };
  }
}
