"""Which font a Word run is set in, and turning runs set in legacy Vietnamese fonts into Unicode.

Pre-Unicode Vietnamese documents spell their text in the 8-bit codes of the font: TCVN3 for the
ABC fonts (".VnTime", ".VnArial"; the names ending in "H", ".VnTimeH", draw capitals) and VNI
for the VNI fonts ("VNI-Times"). A run's font comes from the run itself, else its character
style, else the paragraph's style (or the default paragraph style), else the document defaults,
each style through the styles it is based on. Documents edited later mix legacy and Unicode
runs, so each run is converted by its own font.
"""

from __future__ import annotations

from . import legacy

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OTHER_LEGACY = ("vn3", "vps", "viscii")  # 8-bit Vietnamese fonts kehoach has no table for


def classify(font: str | None) -> tuple[str | None, bool]:
    """(encoding, capitals) of a font name: ("TCVN3", True) for ".VnTimeH", ("VNI", False) for
    "VNI-Times", (None, False) for a Unicode font; ("?", False) for another 8-bit Vietnamese font.

    >>> classify(".VnTimeH"), classify(".VnArial Narrow"), classify("VNI-Times"), classify("Times New Roman")
    (('TCVN3', True), ('TCVN3', False), ('VNI', False), (None, False))
    """
    name = (font or "").strip()
    low = name.lower()
    if low.startswith(".vn"):
        return legacy.TCVN3, name.endswith("H")
    if low.startswith(("vni-", "vni ")):
        return legacy.VNI, False
    if low.startswith(_OTHER_LEGACY):
        return "?", False
    return None, False


def _fonts_of(rpr) -> str | None:
    """The font an rPr names for the 8-bit range (hAnsi, else ascii); "" when it names only theme
    fonts (which are never legacy); None when it names none."""
    if rpr is None:
        return None
    rf = rpr.find(f"{W}rFonts")
    if rf is None:
        return None
    for attr in ("hAnsi", "ascii"):
        if rf.get(f"{W}{attr}"):
            return rf.get(f"{W}{attr}")
    if rf.get(f"{W}hAnsiTheme") or rf.get(f"{W}asciiTheme"):
        return ""
    return None


class RunFonts:
    """Resolves the font of a run through the document's styles (word/styles.xml)."""

    def __init__(self, styles_root) -> None:
        self.own: dict[str, str | None] = {}
        self.based: dict[str, str] = {}
        self.default_font: str | None = None
        self.default_para: str | None = None
        self._cache: dict[str, str | None] = {}
        if styles_root is None:
            return
        defaults = styles_root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.default_font = _fonts_of(defaults)
        for st in styles_root.findall(f"{W}style"):
            sid = st.get(f"{W}styleId")
            if sid is None:
                continue
            self.own[sid] = _fonts_of(st.find(f"{W}rPr"))
            b = st.find(f"{W}basedOn")
            if b is not None and b.get(f"{W}val"):
                self.based[sid] = b.get(f"{W}val")
            if st.get(f"{W}type") == "paragraph" and st.get(f"{W}default") in ("1", "true", "on"):
                self.default_para = sid

    def style_font(self, sid: str | None) -> str | None:
        """The font a style gives (through the styles it is based on), or None."""
        if sid is None:
            return None
        if sid not in self._cache:
            seen: set[str] = set()
            cur: str | None = sid
            font = None
            while cur is not None and cur not in seen and len(seen) < 64:
                seen.add(cur)
                font = self.own.get(cur)
                if font is not None:
                    break
                cur = self.based.get(cur)
            self._cache[sid] = font
        return self._cache[sid]

    def of_run(self, run, para_style: str | None) -> str | None:
        """The font of ``run`` (a w:r element) in a paragraph of style ``para_style``."""
        rpr = run.find(f"{W}rPr")
        font = _fonts_of(rpr)
        if font is None and rpr is not None:
            rstyle = rpr.find(f"{W}rStyle")
            font = self.style_font(rstyle.get(f"{W}val") if rstyle is not None else None)
        if font is None:
            font = self.style_font(para_style or self.default_para)
        return font if font is not None else self.default_font


def _already_unicode(text: str) -> bool:
    """A run whose font is legacy but whose text holds Vietnamese letters no 8-bit font can
    (it was retyped or converted without changing the font)."""
    return any("\u1ea0" <= c <= "\u1ef9" or c in "ăđơưĂĐƠƯ" for c in text)


def convert_segments(segments: list[tuple[str, str | None, bool]]) -> tuple[str, int]:
    """Join a line's runs ``(text, encoding, capitals)``, each legacy run converted by its font;
    neighbouring runs of one font are converted together (a VNI mark byte may sit in the next
    run). Returns the text and the number of runs converted."""
    segments = [(t, None, False) if enc and _already_unicode(t) else (t, enc, caps) for t, enc, caps in segments]
    out: list[str] = []
    converted = 0
    k = 0
    while k < len(segments):
        text, enc, caps = segments[k]
        j = k + 1
        while j < len(segments) and segments[j][1:] == (enc, caps):
            text += segments[j][0]
            j += 1
        if enc in (legacy.TCVN3, legacy.VNI):
            out.append(legacy.convert(text, enc, capitals=caps, full=False))
            converted += j - k
        else:
            out.append(text)
        k = j
    return "".join(out), converted
