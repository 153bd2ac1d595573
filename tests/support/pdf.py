"""Reading back the PDFs headless Chromium prints (Skia): pages, fonts, and the text as drawn.

Skia writes a font as a Type0 font (2-byte codes: glyph ids) or, for CJK faces, as Type3
subsets of 1-byte codes, each with a ToUnicode CMap that turns a drawn glyph back into its
character. So the text a page really draws can be read back, and a glyph the CMap knows no
character for is a missing-glyph box (tofu): Skia draws ``.notdef`` for a character no font
had, and ``.notdef`` maps to nothing. No PDF library needed.
"""

from __future__ import annotations

import re
import zlib
from typing import NamedTuple

_PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")
_TEXT_OP = re.compile(rb"/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\[(.*?)\]\s*TJ", re.DOTALL)


class PdfText(NamedTuple):
    pages: list[str]  # the characters each page draws, in drawing order
    glyphs: list[int]  # glyphs drawn per page
    notdef: int  # glyphs no character maps to (a missing-glyph box)
    fonts: set[str]  # embedded font names, subset prefix dropped ("NotoSansCJKkr-Regular")


def _objects(pdf: bytes) -> dict[int, bytes]:
    """Every object's bytes; a stream's by its /Length (a binary stream may hold "endobj")."""
    out: dict[int, bytes] = {}
    for m in re.finditer(rb"(?<![\d])(\d+) 0 obj\b", pdf):
        start = m.end()
        head = re.match(rb"\s*(<<.*?>>)\s*stream\r?\n", pdf[start:start + 4096], re.DOTALL)
        length = re.search(rb"/Length\s+(\d+)(?!\s+0 R)", head[1]) if head else None
        if head and length:
            begin = start + head.end()
            out[int(m[1])] = head[1] + b"\nstream\n" + pdf[begin:begin + int(length[1])] + b"\nendstream"
        else:
            end = pdf.find(b"endobj", start)
            out[int(m[1])] = pdf[start:end]
    return out


def _stream(body: bytes) -> bytes:
    raw = body[body.index(b"stream") + 7:body.rindex(b"\nendstream")]
    return zlib.decompressobj().decompress(raw) if b"/FlateDecode" in body else raw


def _cmap(text: bytes) -> dict[int, str]:
    out: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.DOTALL):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be", "replace")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.DOTALL):
        for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = int.from_bytes(bytes.fromhex(dst.decode()), "big")
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(first + i)
    return out


def read_pdf(pdf: bytes) -> PdfText:
    objects = _objects(pdf)
    fonts = {re.sub(r"^[A-Z]{6}\+", "", m.decode()) for m in re.findall(rb"/FontName\s*/([^\s/>]+)", pdf)}
    maps: dict[int, dict[int, str]] = {}
    width: dict[int, int] = {}  # bytes per code: Type0 (Identity-H) 2, simple and Type3 fonts 1
    for number, body in objects.items():
        ref = re.search(rb"/ToUnicode\s+(\d+) 0 R", body)
        if ref and int(ref[1]) in objects:
            maps[number] = _cmap(_stream(objects[int(ref[1])]))
            width[number] = 2 if re.search(rb"/Subtype\s*/Type0", body) else 1
    pages, glyphs, notdef = [], [], 0
    for body in objects.values():
        if not _PAGE.search(body):
            continue
        font_refs = {}
        res = re.search(rb"/Font\s*<<(.*?)>>", body, re.DOTALL)
        if res:
            font_refs = {name: int(num) for name, num in re.findall(rb"/(\w+)\s+(\d+) 0 R", res[1])}
        text, count, current, step = [], 0, {}, 4
        for ref in re.findall(rb"/Contents\s+(\d+) 0 R", body):
            for name, single, array in _TEXT_OP.findall(_stream(objects[int(ref)])):
                if name:
                    font = font_refs.get(name, -1)
                    current, step = maps.get(font, {}), 2 * width.get(font, 2)
                    continue
                hexes = [single] if single else re.findall(rb"<([0-9A-Fa-f]*)>", array)
                for h in hexes:
                    for i in range(0, len(h) - step + 1, step):
                        code = int(h[i:i + step], 16)
                        count += 1
                        char = current.get(code)
                        if char is None:
                            notdef += 1
                        text.append(char or "")
        pages.append("".join(text))
        glyphs.append(count)
    return PdfText(pages, glyphs, notdef, fonts)


def hangul(text: str) -> int:
    """How many Hangul syllables ``text`` holds."""
    return sum(1 for c in text if "\uac00" <= c <= "\ud7a3")
