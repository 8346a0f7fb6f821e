#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (tests/fuzz/corpus/NAME/) from the tests' own
inputs: the string literals of the unit tests that feed each entry point, the heads of seeds/, and
tiny .docx/.odt/.pdf/.rtf files made here. Run from anywhere; it replaces corpus/ whole. Each seed
is named by the SHA-1 of its bytes (libFuzzer's naming), so that reruns give the same files."""
import gzip
import hashlib
import io
import pathlib
import re
import shutil
import sys
import urllib.parse
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SEP = b"\x1e"  # fields.h

LITERAL = re.compile(r'(?:u8)?R"([^(\s]*)\((.*?)\)\1"|(?:u8)?"((?:[^"\\\n]|\\.)*)"', re.S)
BETWEEN = re.compile(r"\s*(?://[^\n]*\n\s*)*")  # only blanks and comments join literals


def unescape(body):
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out += c.encode()
            i += 1
            continue
        e = body[i + 1]
        i += 2
        if e == "x":
            j = i
            while j < len(body) and body[j] in "0123456789abcdefABCDEF":
                j += 1
            out.append(int(body[i:j], 16) & 0xFF)
            i = j
        elif e in "01234567":
            j = i - 1
            while j < len(body) and j < i + 2 and body[j] in "01234567":
                j += 1
            out.append(int(body[i - 1:j], 8) & 0xFF)
            i = j
        elif e in "uU":
            n = 4 if e == "u" else 8
            out += chr(int(body[i:i + n], 16)).encode()
            i += n
        else:
            out += {"n": b"\n", "t": b"\t", "r": b"\r", "f": b"\f", "v": b"\v", "a": b"\a",
                    "b": b"\b", "0": b"\0"}.get(e, e.encode())
    return bytes(out)


def literals(path):
    """The string literals of a C++ file, adjacent ones joined as the compiler joins them."""
    src = (ROOT / path).read_text(encoding="utf-8")
    found, pos, current, end = [], 0, None, -1
    for m in LITERAL.finditer(src):
        if m.group(0).startswith('"') and src[max(0, m.start() - 9):m.start()].endswith("#include "):
            continue
        value = m.group(2).encode() if m.group(2) is not None else unescape(m.group(3))
        if current is not None and BETWEEN.fullmatch(src[end:m.start()]):
            current += value
        else:
            if current is not None:
                found.append(current)
            current = value
        end = m.end()
    if current is not None:
        found.append(current)
    return found


def from_tests(paths, min_len=2, max_len=4096):
    seen = []
    for p in paths:
        for s in literals(p):
            if min_len <= len(s) <= max_len and s not in seen:
                seen.append(s)
    return seen


def seeds_heads(size):
    """The first `size` bytes of each seed document, cut at a line end."""
    out = []
    for f in sorted((ROOT / "seeds").iterdir()):
        data = f.read_bytes()[:size]
        out.append(data[: data.rfind(b"\n") + 1] or data)
    return out


def zip_bytes(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(name, data)
    return buf.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(body, extra=()):
    doc = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'
    return zip_bytes([("[Content_Types].xml", "<Types/>"), ("word/document.xml", doc), *extra])


def odt(body):
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}>'
               f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    return zip_bytes([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content)])


def office_seeds():
    """The office target's two modes (office_fuzz.cpp): packages as they are (tiny ones made here),
    and the XML parts, 0x1E between them, that the target packs itself: the fixtures' parts and
    the bodies of the reader's tests inside a w:document."""
    p = lambda t, font="": (f'<w:p><w:r>{f"<w:rPr><w:rFonts w:ascii={chr(34)}{font}{chr(34)}/></w:rPr>" if font else ""}'
                            f"<w:t>{t}</w:t></w:r></w:p>")
    core = ("docProps/core.xml", '<cp:coreProperties xmlns:cp="c" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            "<dc:title>Nghị quyết 13-NQ/TW</dc:title></cp:coreProperties>")
    packages = [
        docx(p("Nghị quyết số 13-NQ/TW") + p("Điều 1. Phạm vi")),
        docx(p("NghÞ quyÕt", ".VnTime") + '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' + p("Trang 2"), [core]),
        odt("<text:h>CHƯƠNG TRÌNH</text:h><text:p>Năm 2023</text:p>"),
    ]
    parts = []
    fixtures = sorted((ROOT / "tests/fixtures/formats").glob("00[01]_*"))
    for f in fixtures:
        names = {".docx": ["word/document.xml", "word/styles.xml", "docProps/core.xml"],
                 ".odt": ["content.xml", "styles.xml", "meta.xml"]}.get(f.suffix)
        if names:
            with zipfile.ZipFile(f) as z:
                parts.append(SEP.join(z.read(n) for n in names))
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'.encode()
    for body in from_tests(["indexer/formats/office/docx_reader_test.cpp"], min_len=20):
        if body.startswith(b"<w:"):
            parts.append(head + body + b"</w:body></w:document>")
    parts.append(f'<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>'
                 f"<text:p>Ghi chú<text:note><text:note-body><text:p>chú thích</text:p></text:note-body>"
                 f"</text:note></text:p></office:text></office:body></office:document-content>".encode())
    return packages + parts


def pdf(text_ops, font="Helvetica"):
    """A one-page PDF with a correct xref table."""
    stream = f"BT /F1 12 Tf 72 720 Td {text_ops} ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        f"<< /Type /Font /Subtype /Type1 /BaseFont /{font} >>".encode(),
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info << /Title (Chi thi 05) >> >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def pdf_seeds():
    smallest = min((ROOT / "tests/fixtures/formats").glob("*.pdf"), key=lambda f: f.stat().st_size)
    return [
        pdf("(Nghi quyet so 13-NQ/TW) Tj 0 -14 Td (Dieu 1. Pham vi) Tj"),
        pdf("(Ngh\xde quy\xd5t \xae\xb6ng \xf1y) Tj", font="ABCDEF+.VnTime"),
        smallest.read_bytes(),
    ]


RTF_FRAME = (rb"{\rtf1\ansi\ansicpg1258\deff0{\fonttbl{\f0\froman\fcharset163 Times New Roman;}}" + b"\n")


def rtf_seeds():
    out = []
    for s in from_tests(["indexer/formats/converters/rtf_reader_test.cpp"], min_len=4):
        if s.startswith(b"{\\rtf"):
            out.append(s)
        elif b"\\" in s:
            out.append(RTF_FRAME + s + b"}")
    return out


def params_seeds():
    out = []
    for path in ["tests/http/bad_input_test.cpp", "tests/http/endpoints_test.cpp"]:
        for s in literals(path):
            if b"?" in s and s.startswith(b"/api/"):
                out.append(s.split(b"?", 1)[1][:1024])
    pair = re.compile(r'\{"(\w+)", "((?:[^"\\]|\\.)*)"\}')
    for line in (ROOT / "searchd/params_test.cpp").read_text(encoding="utf-8").splitlines():
        pairs = pair.findall(line)
        if pairs:
            out.append("&".join(f"{k}={urllib.parse.quote(unescape(v))}" for k, v in pairs).encode())
    return out


def query_seeds(limit):
    queries = from_tests(["query/syntax_test.cpp", "query/time_expr_test.cpp", "query/planner_test.cpp",
                          "tests/integration/seeds_search_test.cpp", "tests/integration/ranking_test.cpp"],
                         max_len=200)
    queries = [q for q in queries if b"\n" not in q][:limit]
    return queries + [q + SEP + b"l" for q in queries[:10]] + [q + SEP + b"fd" for q in queries[10:20]]


def jsonl_seeds():
    files = [s for s in from_tests(["indexer/ingest/jsonl_reader_test.cpp"]) if s.lstrip().startswith(b"{")]
    return files + [gzip.compress(f, mtime=0) for f in files[:5]]


def gzip_lines_seeds():
    plain = [b"one\ntwo\r\nthree", b"", b"\n\n", b"x" * 300 + b"\nshort\n", b"a\rb\r\n"]
    return plain + [gzip.compress(p, mtime=0) for p in plain] + [gzip.compress(b"cut short\n" * 20)[:-9]]


def legacy_seeds():
    texts = from_tests(["indexer/formats/legacy/legacy_encoding_test.cpp",
                        "indexer/formats/legacy/decode_bytes_test.cpp"], min_len=4, max_len=1024)
    fonts = [b"", b".VnTime", b".VnTimeH", b"VNI-Times", b"ABCDEF+.VnArial,Bold"]
    encodings = [b"", b"", b"tcvn3", b"vni", b"viqr", b"cp1258", b"unicode"]
    return [t + SEP + fonts[i % len(fonts)] + SEP + encodings[i % len(encodings)] for i, t in enumerate(texts)]


def extract_seeds():
    texts = seeds_heads(6000) + from_tests(
        ["indexer/extract/title_test.cpp", "indexer/extract/header_test.cpp", "indexer/extract/signer_test.cpp",
         "indexer/extract/citations_test.cpp", "indexer/extract/sections_test.cpp",
         "indexer/extract/issuer_test.cpp"], min_len=20)
    fields = SEP + b"Ngh\xe1\xbb\x8b quy\xe1\xba\xbft" + SEP + b"57/2020/QH14" + SEP + b"2022-04-02" + SEP + b"Lu\xe1\xba\xadt"
    return texts + [t + fields for t in texts[:5]]


TARGETS = {
    "analyzer": lambda: from_tests(sorted(str(p.relative_to(ROOT)) for p in (ROOT / "indexer/text").glob("*_test.cpp")))
    + seeds_heads(1500),
    "query": lambda: query_seeds(150),
    "search": lambda: query_seeds(40),
    "dates": lambda: from_tests(["indexer/extract/dates_test.cpp"], min_len=4, max_len=512),
    "extract": extract_seeds,
    "html": lambda: from_tests(["indexer/ingest/html_reader_test.cpp"], min_len=4),
    "jsonl": jsonl_seeds,
    "gzip_lines": gzip_lines_seeds,
    "params": params_seeds,
    "legacy": legacy_seeds,
    "office": office_seeds,
    "pdf": pdf_seeds,
    "rtf": rtf_seeds,
}


def main(names):
    for name in names or TARGETS:
        folder = HERE / "corpus" / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        seeds = TARGETS[name]()
        for s in seeds:
            (folder / hashlib.sha1(s).hexdigest()).write_bytes(s)
        print(f"{name}: {len(set(seeds))} seeds, {sum(len(s) for s in set(seeds))} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
