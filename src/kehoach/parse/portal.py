"""Pages saved from a legal-document portal: the site's banner, metadata table and footer are not the document.

A saved page starts with the site's banner and a metadata table ("Số hiệu | 980/KH-UBND",
"Loại văn bản | Kế hoạch", "Nơi ban hành", "Người ký", "Ngày ban hành" …) before the document's own
header, and ends with the site's footer (copyright, licence, notices with their own dates).
:func:`strip_portal` blanks those lines (line numbers stay those of the file) and keeps the table as
metadata; :func:`apply_metadata` then checks the document's header against it and fills the fields
the document leaves blank, listing them in ``document.inferred`` with a warning. A line of dots
where the site cut part of the document is warned about (``source-cut``), never silently closed up.
"""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning
from ..memo import text_cache
from ..vn import ascii_fold, squash
from ..vocab.document_parts import MOTTO, NATION

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning

META_KEYS: list[tuple[str, str]] = [
    ("number", r"so hieu|so ky hieu|ky hieu|so van ban"),
    ("type_name", r"loai van ban|the loai"),
    ("issuer", r"co quan ban hanh|noi ban hanh|don vi ban hanh"),
    ("signer", r"nguoi ky|nguoi ky duyet"),
    ("date", r"ngay ban hanh|ngay ky"),
    ("title", r"trich yeu(?: noi dung)?"),
    ("other", r"ngay hieu luc|ngay het hieu luc|ngay cong bao|so cong bao|tinh trang(?: hieu luc)?|linh vuc"
              r"|hieu luc|ngay dang|nguon thu thap|ap dung|cap ban hanh|chuc danh"),
]
"""(field, folded key) of the metadata table's rows; "other" rows are recognised but not used."""
_KEY = rx.compile(r"^(?:" + "|".join(f"(?P<{f}>{p})" for f, p in META_KEYS) + r")(?:\s*:\s*(?P<rest>.*))?$")
_KEY_START = rx.compile(r"^(?:" + "|".join(p for _, p in META_KEYS) + r")")
"""A cheap first look: folding a cell's first characters tells whether it can be a key at all."""
KEY_WORDS = frozenset(alt.split()[0] for _, p in META_KEYS for alt in p.split("|"))
"""The first word of every key: most cells are dismissed on their first word, the rest unfolded.
(Each alternative of :data:`META_KEYS` starts with a plain word and a space; a test checks it.)"""
_PLACEHOLDER = rx.compile(r"^(?:da biet|dang cap nhat|khong xac dinh|chua xac dinh|khong co|\W*)$")
"""Values a portal shows instead of the real one (hidden for visitors, not yet entered)."""
_HEAD_LINES = 600
"""How far from the top a banner's metadata table is looked for."""
MIN_KEYS = 3
"""A page is a portal page when this many distinct metadata keys stand before the document."""
_MARKUP = rx.compile(r"</?p>|\*+|^#+\s*|_{2,}")
_MARKUP_SIGNS = rx.compile(r"[<*#_]")
"""A character every :data:`_MARKUP` match begins with (a line without any has no markup)."""
_DOC_START = rx.compile(
    r"^(?:ỦY\s+BAN|UỶ\s+BAN|UBND|HỘI\s+ĐỒNG|BỘ\s|SỞ\s|BAN\s|VĂN\s+PHÒNG|THỦ\s+TƯỚNG|CHÍNH\s+PHỦ|QUỐC\s+HỘI"
    r"|CỘNG\s+H[OÒ]À|TỈNH\s|THÀNH\s+PHỐ\s|HUYỆN\s|Số\s*:)"
)
"""How a document's own header begins (issuer, national motto or "Số:" line), written in capitals."""
_MOTTO = rx.compile(rf"{NATION}\s+XÃ|{MOTTO}")
"""The document's own header: the national name, or the motto under it (a name wrapped in a narrow
column, "CỘNG" / "HÒA XÃ HỘI …", is not on one line)."""
_KEY_SPAN = 80
"""A metadata table's rows stand within this many lines (scraped tables put each cell on its own lines)."""
_TABLE_SYNTAX = rx.compile(r"^[\s|:\-+=]*$")
FOOTER_STRONG = rx.compile(
    r"^(?:©|\(c\)|copyright|ban quyen|giay phep|chiu trach nhiem|co quan chu quan|ghi ro nguon)"
)
FOOTER_WORDS = rx.compile(
    r"^(?:©|\(c\)|copyright|ban quyen|giay phep|chiu trach nhiem|co quan chu quan|ghi ro nguon|dia chi\s*:"
    r"|dien thoai|hotline|tong dai|e-?mail\s*:|fax\s*:|lien he|ho tro|dang nhap|dang ky|tai ve|tai van ban"
    r"|van ban (?:lien quan|goc|tieng anh)|luoc do|thuoc tinh|tieng anh|theo doi|chia se|in van ban|gui phan hoi"
    r"|y kien|gop y|thong bao|luu y|facebook|zalo|youtube|twitter|trang chu|gioi thieu|dieu khoan|chinh sach"
    r"|https?://|www\.|\[.*\]\(.*\))"
)
"""Folded beginnings of a site footer's lines; a footer must hold one of :data:`FOOTER_STRONG`."""
_DOTS = rx.compile(r"^[\s|*]*[.…·]{3,}[\s.…·|*]*$")


def _cells(lines: list[str], start: int, stop: int) -> list[tuple[int, str]]:
    """(0-based line, cell) for every table cell or line in ``start:stop`` holding more than white
    space, markup removed; its spaces are squashed by the reader where needed (most cells are
    dismissed on their first word, and squashing every paragraph of a document costs more)."""
    out = []
    for i in range(start, stop):
        line = lines[i]
        cells = rx.split(r"[|\t]", line) if "|" in line or "\t" in line else (line,)  # no \s* around:
        for cell in cells:  # quadratic on long runs of spaces
            if _MARKUP_SIGNS.search(cell):
                cell = _MARKUP.sub("", cell)
            if cell and not cell.isspace():
                out.append((i, cell))
    return out


@text_cache()  # (a long "word", a pasted blob, is not kept alive after its document)
def _may_start_key(word: str) -> bool:
    """Whether a cell whose first word is ``word`` can be a metadata key (a word that folds away may)."""
    first = ascii_fold(word)
    return not first or first in KEY_WORDS


def read_metadata(lines: list[str], start: int, stop: int) -> dict[str, tuple[str | None, int]]:
    """The metadata rows in lines ``start:stop``: field -> (value or None, 0-based line of its key)."""
    meta: dict[str, tuple[str | None, int]] = {}
    cells = _cells(lines, start, stop)
    for k, (i, cell) in enumerate(cells):
        if not _may_start_key(cell.split(None, 1)[0]):
            continue
        text = squash(cell)
        m = _KEY_START.match(ascii_fold(text[:48])) and _KEY.match(ascii_fold(text))
        if not m:
            continue
        field = next(f for f, _ in META_KEYS if m.group(f))
        rest = text[len(text) - len(m.group("rest")):].strip() if m.group("rest") else ""
        if not rest and k + 1 < len(cells) and not _KEY.match(ascii_fold(cells[k + 1][1])):
            rest = squash(cells[k + 1][1])
        value = None if _PLACEHOLDER.match(ascii_fold(rest)) else rest.strip(" .")
        if field not in meta or meta[field][0] is None:
            meta[field] = (value, i)
    return meta


def _motto_before(lines: list[str], stop: int) -> bool:
    """Whether the national motto (the document's own header) comes before line ``stop``: then the
    rows found are the document's (a table listing documents), not a portal's metadata."""
    return any(_MOTTO.search(lines[i]) for i in range(stop))


def _document_start(lines: list[str], after: int) -> int | None:
    for i in range(after + 1, len(lines)):
        text = _MARKUP.sub("", lines[i].lstrip(" |\t")).strip()
        if _DOC_START.match(text):
            while i > 0 and lines[i - 1].strip() and _TABLE_SYNTAX.match(lines[i - 1]):
                i -= 1  # the "|" that opens the header's table belongs to the document
            return i
    return None


def _footer_start(lines: list[str], start: int) -> int | None:
    """The first line of the site footer: a run of footer lines at the end holding a strong marker."""
    first = None
    strong = False
    for i in range(len(lines) - 1, start, -1):
        text = _MARKUP.sub("", lines[i].strip(" |\t")).strip()
        if not text or _TABLE_SYNTAX.match(text):
            continue
        folded = ascii_fold(text)
        if FOOTER_WORDS.match(folded) or _KEY.match(folded):  # a metadata table may stand in the footer
            first = i
            strong = strong or bool(FOOTER_STRONG.match(folded))
        elif len(text.split()) > 6 or text.endswith((".", ";", ":")):
            break
    return first if strong else None


def _page_bounds(lines: list[str]) -> tuple[int, int, dict] | None:
    """(first line of the document, first line of the site footer, metadata) for a portal page, else None."""
    head = min(len(lines), _HEAD_LINES)
    motto = next((i for i in range(head) if _MOTTO.search(lines[i])), head)
    # a banner's table comes before the document's motto: with no key up to the motto, none is read
    meta = read_metadata(lines, 0, head) if read_metadata(lines, 0, min(motto + 1, head)) else {}
    key_lines = sorted(i for _v, i in meta.values())
    if len(meta) >= MIN_KEYS and key_lines[-1] - key_lines[0] <= _KEY_SPAN and not _motto_before(lines, key_lines[0]):
        start = _document_start(lines, key_lines[-1])
        if start is not None and len(meta := read_metadata(lines, 0, start)) >= MIN_KEYS:
            return start, _footer_start(lines, start) or len(lines), meta
    start = _document_start(lines, -1)  # the metadata may come after the document, in the site's footer
    end = _footer_start(lines, start) if start is not None else None
    if start is not None and end is not None and len(meta := read_metadata(lines, end, len(lines))) >= MIN_KEYS:
        return start, end, meta
    return None


def strip_portal(text: str) -> tuple[str, dict | None, list[PlanWarning]]:
    """Blank a portal page's banner, metadata table and footer; return (text, metadata or None, warnings)."""
    lines = text.split("\n")
    portal = None
    bounds = _page_bounds(lines)
    if bounds is not None:
        start, end, meta = bounds
        portal = {f: {"value": v, "line": i + 1} for f, (v, i) in meta.items() if f != "other"}
        lines = [""] * start + lines[start:end] + [""] * (len(lines) - end)
    warnings = [
        warning("source-cut", "a line of dots stands where the source was cut (rows or paragraphs may be missing here)",
                {"line": i + 1, "page": None})
        for i, line in enumerate(lines) if _DOTS.match(line)
    ]
    return "\n".join(lines), portal, warnings


_PLACE_ONLY = rx.compile(r"^(?P<level>Tỉnh|Thành\s+phố)\s+(?P<place>\p{Lu}[\p{L}\s-]{1,40})$")
"""The issuer row naming only the province or city ("Cơ quan ban hành | Thành phố X")."""
_COMMITTEE_SYMBOL = rx.compile(r"-UBND$")
"""A symbol issued by the People's Committee ("KH-UBND"): the issuer row's place is that committee's."""


def apply_metadata(doc: dict, portal: dict | None, warnings: list[PlanWarning]) -> None:
    """Check the header against the portal's metadata; fill the fields the document leaves blank."""
    if not portal:
        return
    from ..extract import header as hd
    from ..extract.date_spans import find_date

    found: dict[str, tuple[dict, dict]] = {}  # field -> (values for the document, metadata row)
    row = portal.get("number")
    if row and row["value"] and (num := hd.parse_number(f"Số: {row['value']}")) and num["number"]:
        found["number"] = ({k: num[k] for k in ("number", "seq", "symbol", "type")}, row)
    row = portal.get("date")
    if row and row["value"] and (day := find_date(row["value"])):
        found["date"] = ({"date": day.isoformat()}, row)
    row = portal.get("issuer")
    if row and row["value"]:
        full, complete = hd.expand_issuer(row["value"])
        if not complete and (place := _PLACE_ONLY.match(row["value"].strip())) and _COMMITTEE_SYMBOL.search(doc.get("symbol") or ""):
            full, complete = f"Ủy ban nhân dân {place['level'].lower()} {place['place']}", True
        if complete:
            found["issuer"] = ({"issuer": full}, row)
    for key in ("type_name", "title"):
        row = portal.get(key)
        if row and row["value"]:
            found[key] = ({key: row["value"]}, row)
    filled = []
    for key, (values, row) in found.items():
        loc = {"line": row["line"], "page": None}
        if doc.get(key) is None:
            doc.update({k: v for k, v in values.items() if doc.get(k) is None})
            filled.append((key, loc))
        elif key in ("number", "date") and doc[key] != values[key]:
            warnings.append(warning("portal-mismatch", f"the portal's metadata gives {key} {values[key]!r} but the document "
                                    f"says {doc[key]!r}; the document's is kept", loc))
    _apply_signer(doc, portal.get("signer"), warnings, filled)
    for key, loc in filled:
        doc["inferred"].append(key)
        warnings.append(warning("inferred", f"{key} inferred from the portal page's metadata table", loc))


def _apply_signer(doc: dict, row: dict | None, warnings: list[PlanWarning], filled: list) -> None:
    if not row or not row["value"]:
        return
    loc = {"line": row["line"], "page": None}
    signer = doc.get("signer")
    if signer is None or not signer.get("name"):
        doc["signer"] = dict(signer or {"title": None, "authority": None}, name=row["value"])
        filled.append(("signer", loc))
    elif ascii_fold(signer["name"]) != ascii_fold(row["value"]):
        warnings.append(warning("portal-mismatch", f"the portal's metadata gives signer {row['value']!r} but the document "
                                f"says {signer['name']!r}; the document's is kept", loc))
