#!/usr/bin/env python3
"""Makes the .doc fixtures of doc_reader_test (run once; the outputs are kept in this folder).

Needs LibreOffice (soffice). Writes:
  pages.doc  Word 97 file, Vietnamese text on three pages separated by hard page breaks (0x0C
             characters in the text stream, as Word writes them; LibreOffice writes a "page break
             before" paragraph property instead, so two of its characters are patched).
  tiny.doc   Word 97 file too small for antiword ("the text stream of this file is too small to
             handle"), which catdoc reads.
"""
import pathlib
import re
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
# Vietnamese as RTF \u escapes: "Nghị quyết để tăng cường sự lãnh đạo của Đảng."
SENTENCE = ("Ngh\\u7883? quy\\u7871?t \\u273?\\u7875? t\\u259?ng c\\u432?\\u7901?ng s\\u7921? "
            "l\\u227?nh \\u273?\\u7841?o c\\u7911?a \\u272?\\u7843?ng. ")


def rtf(paragraphs_by_page):
    body = []
    for page, paragraphs in enumerate(paragraphs_by_page):
        if page > 0:
            body.append("\\page\n")
        body.extend("\\pard %s\\par\n" % p for p in paragraphs)
    return ("{\\rtf1\\ansi\\ansicpg1258\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n"
            + "".join(body) + "}\n")


def to_doc(rtf_text, name, workdir):
    source = workdir / (name + ".rtf")
    source.write_text(rtf_text, encoding="ascii")
    subprocess.run(["soffice", "-env:UserInstallation=file://%s/profile" % workdir, "--headless",
                    "--convert-to", "doc:MS Word 97", "--outdir", str(workdir), str(source)],
                   check=True, capture_output=True)
    return bytearray((workdir / (name + ".doc")).read_bytes())


def main():
    with tempfile.TemporaryDirectory() as tmp:
        workdir = pathlib.Path(tmp)
        pages = [["Trang %d, \\u273?o\\u7841?n %d: %s" % (page, n, SENTENCE * 6) for n in range(1, 7)]
                 for page in range(1, 4)]
        doc = to_doc(rtf(pages), "pages", workdir)
        for page in (2, 3):  # the space ending the paragraph before page N becomes a 0x0C
            start = re.search(("Trang %d, " % page).encode("utf-16-le"), doc).start()
            assert doc[start - 4:start] == b" \x00\r\x00", doc[start - 8:start]
            doc[start - 4] = 0x0C
        (HERE / "pages.doc").write_bytes(doc)
        tiny = to_doc(rtf([["Ngh\\u7883? quy\\u7871?t \\u272?\\u7843?ng"]]), "tiny", workdir)
        (HERE / "tiny.doc").write_bytes(tiny)
    return 0


if __name__ == "__main__":
    sys.exit(main())
