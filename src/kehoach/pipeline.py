"""Source -> plan: the ordered list of extractors, and the plan dict in model order."""

from __future__ import annotations

from pathlib import Path

from . import SCHEMA_VERSION
from . import rx as regex
from .diagnostics import warning
from .errors import ReadError
from .extract import header as hd
from .extract.bodytasks import sections_to_tasks
from .extract.indicators import table_to_indicator_targets
from .extract.labelled import labelled_tasks
from .extract.roles import Role
from .extract.sections import Section, blocks_to_sections
from .extract.signature import find_signature
from .extract.tables import TableContext, appendix_unread, table_to_tasks
from .extract.targets import _year_of, text_to_targets
from .numbering import match_token
from .parse import Source, read_source
from .parse.blocks import Block
from .parse.portal import apply_metadata
from .vn import ascii_fold, is_upper_text

MAX_BYTES = 50 * 1024 * 1024
COVERAGE_FLOOR = 0.9
"""Below this share of placed lines a plan gets a ``coverage-low`` warning."""
PLAN_TYPES = {"KH", "KHHD", "KHHĐ", "CTR"}
"""Type codes read as plans; an action programme (CTr, "Chương trình hành động") is a plan by another name."""
_CLOSING = regex.compile(r"^Trên\s+đây\s+là\b", regex.I)
_DIFFICULTIES = regex.compile(
    r"^(?:Trong\s+)?quá\s+trình\s+(?:tổ\s+chức\s+|triển\s+khai\s+)?thực\s+hiện\b.{0,80}?(?:khó\s+khăn|vướng\s+mắc|phát\s+sinh)",
    regex.I,
)
"""The standing last paragraph ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc …"): closing, not a task,
when no numbered item follows it."""
_ATTACHMENT = regex.compile(r"^\(?\s*Ban\s+hành\s+kèm\s+theo\b", regex.I)
_ISSUES_PLAN = regex.compile(
    r"\b(?:ban\s+hành|phê\s+duyệt)\s+(?:kèm\s+theo\s+(?:Quyết\s+định|văn\s+bản)\s+này\s+)?(?:Kế\s+hoạch|KẾ\s+HOẠCH)\b", regex.I)
"""A decision's words that it issues or approves a plan ("Ban hành kèm theo Quyết định này Kế hoạch …")."""
_TYPE_AND_TITLE = regex.compile(r"^(?P<type>KẾ\s+HOẠCH(?:\s+HÀNH\s+ĐỘNG)?)\s*[:\-–]?\s+(?P<title>\S.{5,})$")
_VV = regex.compile(r"^(?:V/v|V/V|Về\s+việc)\s*:?\s*")
_RULE_RUN = regex.compile(r"\s*[-–_=*~.]{4,}\s*")
"""A decorative rule glued to a header line ("TỈNH GIA LAI --------")."""
_NUMBER_ALONE = regex.compile(r"^Số\s*:?\s*$")
_BLANK_DATE = regex.compile(r"ngày\s+(?:[._…\s]*)tháng\s+(?:[._…\s]*)năm\s+(?:19|20)\d{2}", regex.I)
"""A date line stamped at signing: "ngày    tháng    năm 2026"."""
_PLACE_HEAD = regex.compile(r"^[*_]*(\p{Lu}\p{Ll}*(?:\s+\p{L}+){0,4})$")
"""The start of a place name wrapped before its date line: "Thành phố Hồ"."""
_ISSUER_TAIL = regex.compile(r"^(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ)\s+\S")
_RESULTS = regex.compile(
    r"^(?:Kết\s+quả|KẾT\s+QUẢ|Tình\s+hình|TÌNH\s+HÌNH|Thực\s+trạng|THỰC\s+TRẠNG|Đánh\s+giá|ĐÁNH\s+GIÁ|Dự\s+báo|DỰ\s+BÁO"
    r"|Ước\s+(?:thực\s+hiện|đạt)|ƯỚC\s+(?:THỰC\s+HIỆN|ĐẠT))\b(?!.{0,40}(?:cần\s+đạt|CẦN\s+ĐẠT|dự\s+kiến|DỰ\s+KIẾN))")
"""Headings over figures already reached or forecast; their numbers are not targets."""
_APPENDIX_MARK = regex.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục|DANH\s+MỤC|Danh\s+mục)\b")


def extract_file(path: str | Path, max_bytes: int = MAX_BYTES, ocr: str | None = None) -> dict:
    """Read ``path`` (``"-"`` for stdin) and extract its plan; ``ocr`` ("auto", "force") reads
    scanned PDFs through OCR."""
    from .fileio import read_input

    name = str(path)
    return extract_bytes(read_input(name, max_bytes, ReadError), name, ocr=ocr)


def extract_bytes(data: bytes, name: str = "-", ocr: str | None = None) -> dict:
    """Extract the plan from raw bytes (``name`` is used for sniffing and messages)."""
    return build_plan(read_source(data, name, ocr=ocr))


def _warn(warnings: list[dict], code: str, message: str, loc: dict | None = None) -> None:
    warnings.append(warning(code, message, loc))


def _is_decision(doc: dict) -> bool:
    return (doc["type"] or "").upper() in ("QĐ", "QYĐ") or ascii_fold(doc["type_name"] or "").startswith("quyet dinh")


def _is_directive(doc: dict) -> bool:
    """A directive (Chỉ thị) is not a plan, but its numbered sections assign duties to agencies."""
    return (doc["type"] or "").upper() == "CT" or ascii_fold(doc["type_name"] or "").startswith("chi thi")


def _first_section_index(blocks: list[Block], start: int, stop: int) -> int | None:
    """The first block that opens the body: a "Phần"/"I."/"A." token, else a top-level "1."."""
    first_arabic = None
    for i in range(start, stop):
        b = blocks[i]
        if b.kind != "para":
            continue
        tok = match_token(b.text)
        if tok is None:
            continue
        if tok.kind in ("part", "roman", "upper"):
            return i
        if tok.kind in ("arabic", "paren") and "." not in tok.value and first_arabic is None:
            first_arabic = i
    return first_arabic


class _Extraction:
    """The state one extraction builds up; each step reads and fills it (see :data:`STEPS`)."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.blocks = source.blocks
        self.n = len(source.blocks)
        self.warnings: list[dict] = list(source.warnings)
        self.used: set[int] = set()  # block indexes placed somewhere
        self.extra_lines: set[int] = set()  # source lines placed by table rows
        self.doc: dict = {
            "is_plan": False, "type": None, "type_name": None, "number": None, "seq": None, "symbol": None,
            "issuer": None, "place": None, "date": None, "title": None, "bases": [], "signer": None,
            "recipients": [], "attachment": None, "inferred": [],
        }
        self.closing_at = self.n  # first block of the recipients/signature part
        self.date_blank = False  # the date line leaves day and month blank
        self.header_locs: dict[str, dict] = {}  # where the number and date lines are
        self.type_idx: int | None = None  # the "KẾ HOẠCH" line
        self.plan_front: int | None = None  # the plan's own type line when a decision issues it
        self.body_from = 0  # first block after the title
        self.plan_part_from = 0  # first block of the plan proper
        self.first_sec: int | None = None
        self.body_end = self.n
        self.preamble: list[dict] = []
        self.closing: list[dict] = []
        self.table_targets: list[tuple[dict, str | None]] = []  # (target, section id) from indicator tables
        self.footnotes: list[dict] = []
        self.roots: list[Section] = []
        self.backref: dict | None = None
        self.tasks: list[dict] = []
        self.targets: list[dict] = []

    def warn(self, code: str, message: str, loc: dict | None = None) -> None:
        _warn(self.warnings, code, message, loc)

    def para(self, i: int) -> Block | None:
        return self.blocks[i] if 0 <= i < self.n and self.blocks[i].kind == "para" else None

    # --- steps, in order -------------------------------------------------------------------

    def find_closing(self) -> None:
        """Recipients ("Nơi nhận") and the signature block; their position bounds the body."""
        blocks, n = self.blocks, self.n
        recipients, rec_used, rec_at = hd.find_recipients(blocks, 0, n)
        signer, sig_used = find_signature(blocks, max(0, (rec_at or 0) - 12), n)
        if signer is None and rec_at is not None:
            signer, sig_used = find_signature(blocks, 0, n)
        self.used.update(rec_used)
        self.used.update(sig_used)
        self.doc["recipients"], self.doc["signer"] = recipients, signer
        self.closing_at = min([i for i in (rec_at, sig_used[0] if sig_used else None) if i is not None], default=n)

    def read_header(self) -> None:
        """Issuer, number, place and date, type name and title."""
        blocks, doc = self.blocks, self.doc
        self.type_idx = next((i for i in range(self.closing_at) if hd.is_type_name_block(blocks[i])), None)
        head_stop = self.type_idx if self.type_idx is not None else min(self.closing_at, 12)
        for i in range(head_stop):
            b = self.para(i)
            if b is not None:
                self._header_line(i, b, head_stop)
        if self.type_idx is not None:
            doc["type_name"] = hd.type_name_text(blocks[self.type_idx].text)
            self.used.add(self.type_idx)
            t = self.type_idx + 1
            nxt = self.para(t)
            if nxt is not None and match_token(nxt.text) is None and not hd.NUMBER_LINE.match(nxt.text):
                doc["title"] = nxt.text.rstrip(" .")
                self.used.add(t)
                t += 1
            self.body_from = t
            return
        for i in range(min(self.closing_at, 15)):
            b = self.para(i)
            m = _TYPE_AND_TITLE.match(b.text) if b is not None else None
            if m:  # "KẾ HOẠCH Triển khai …" on one line
                doc["type_name"] = hd.type_name_text(m.group("type"))
                doc["title"] = m.group("title").rstrip(" .")
                self.used.add(i)
                self.body_from = i + 1
                return
        vv = next((i for i in range(min(self.n, 15)) if self.para(i) and _VV.match(blocks[i].text)), None)
        if vv is not None:  # a letter: its subject line "V/v …" is its title
            doc["title"] = _VV.sub("", blocks[vv].text).strip()
            self.used.add(vv)
        else:
            self.warn("type-name-missing", "no document type line (KẾ HOẠCH …) found in the header")

    def _header_line(self, i: int, b: Block, head_stop: int) -> None:
        doc, text = self.doc, _RULE_RUN.sub(" ", b.text).strip()
        left = regex.split(r"\s*\|\s*|\s{3,}|CỘNG\s+H", text)[0].strip()
        issuer, complete = hd.expand_issuer(left) if not text.startswith("TM") else (None, False)
        if issuer and not complete:
            # "ỦY BAN NHÂN DÂN" / "TỈNH BẮC NINH" in two paragraphs, maybe with the motto between them
            for k in range(i + 1, min(head_stop, i + 4)):
                nxt = self.para(k)
                tail = _RULE_RUN.sub(" ", nxt.text).strip() if nxt is not None else ""
                if nxt is not None and _ISSUER_TAIL.match(tail):
                    issuer, complete = hd.expand_issuer(left + " " + tail)
                    self.used.add(k)
                    break
                if nxt is None or not (hd.MOTTO.match(tail) or is_upper_text(tail) and "CỘNG" in tail):
                    break
        if issuer and doc["issuer"] is None:
            self.used.add(i)
            doc["issuer"] = issuer if complete else None
        if hd.MOTTO.match(text) or regex.search(r"CỘNG\s+H[OÒ]À?\s+XÃ\s+HỘI", text.upper()):
            self.used.add(i)
        num = hd.parse_number(text)
        nxt = self.para(i + 1)
        if num is None and _NUMBER_ALONE.match(text) and nxt is not None:  # "Số:" on one line, "123/KH-UBND" on the next
            num = hd.parse_number("Số: " + nxt.text)
            if num:
                self.used.add(i + 1)
        if num and doc["symbol"] is None:
            doc.update({k: num[k] for k in ("number", "seq", "symbol", "type")})
            self.header_locs["number"] = b.loc.as_dict()
            if num["hyphen_fixed"]:
                self.warn("symbol-repaired", f"symbol read as {num['symbol']} (hyphen missing in the text)", b.loc.as_dict())
            self.used.add(i)
        place, date = hd.find_issue_place_date(text)
        prev = self.para(i - 1)
        if place and prev is not None and i - 1 not in self.used and _PLACE_HEAD.match(prev.text) \
                and prev.lines[-1] + 1 == b.lines[0]:  # "Thành phố Hồ" / "Chí Minh, ngày …"
            place = _PLACE_HEAD.match(prev.text).group(1) + " " + place
            self.used.add(i - 1)
        if place and doc["place"] is None:
            doc["place"], doc["date"] = place, date
            self.header_locs["date"] = b.loc.as_dict()
            self.used.add(i)
            if date is None and _BLANK_DATE.search(text):
                self.date_blank = True

    def find_attachment(self) -> None:
        """A decision that issues the plan: "KẾ HOẠCH …" then "(Ban hành kèm theo Quyết định …)"."""
        blocks, doc = self.blocks, self.doc
        self.plan_part_from = self.body_from
        self.plan_front = self._issued_plan_index()
        if self.plan_front is None:
            return
        doc["attachment"] = {"type": "KH", "type_name": hd.type_name_text(blocks[self.plan_front].text), "title": None}
        self.used.add(self.plan_front)
        t = self.plan_front + 1
        if self.para(t) is not None and not _ATTACHMENT.match(blocks[t].text):
            doc["attachment"]["title"] = blocks[t].text.rstrip(" .")
            self.used.add(t)
            t += 1
        while self.para(t) is not None and _ATTACHMENT.match(blocks[t].text):
            self.used.add(t)
            ref = hd.parse_backref(blocks[t].text)
            for key in ("number", "date"):
                if ref and ref.get(key) and doc.get(key) and ref[key] != doc[key]:
                    self.warn("backref-mismatch",
                              f"the plan says it is attached to {key} {ref[key]!r} but the decision's header says {doc[key]!r}",
                              blocks[t].loc.as_dict())
            t += 1
        self.plan_part_from = t
        # The decision's own recipients and signature come before the plan; the plan's after it.
        _rec, rec_used, rec_at = hd.find_recipients(blocks, t, self.n)
        _sig, sig_used = find_signature(blocks, t, self.n)
        self.used.update(rec_used)
        self.used.update(sig_used)
        self.closing_at = min([i for i in (rec_at, sig_used[0] if sig_used else None) if i is not None], default=self.n)

    def _issued_plan_index(self) -> int | None:
        """The type line of the plan a decision issues: "KẾ HOẠCH" followed by "(Ban hành kèm theo …)", or
        in a decision that says it issues or approves a plan, the first "KẾ HOẠCH" line after its signature."""
        blocks = self.blocks
        plans = [i for i in range(self.n - 1) if i != self.type_idx and hd.is_type_name_block(blocks[i])
                 and ascii_fold(blocks[i].text).startswith("ke hoach")]
        for i in plans:
            window = [blocks[k] for k in range(i + 1, min(self.n, i + 4)) if blocks[k].kind == "para"]
            if any(_ATTACHMENT.match(w.text) for w in window):
                return i
        if not _is_decision(self.doc):
            return None
        decision = " ".join(b.text for b in blocks[self.body_from:self.closing_at] if b.kind == "para")
        if not _ISSUES_PLAN.search(" ".join(filter(None, [self.doc["title"], decision]))):
            return None
        return next((i for i in plans if i >= self.closing_at), None)

    def read_preamble(self) -> None:
        """Paragraphs between the title and the first section; the legal bases they cite."""
        doc = self.doc
        self.first_sec = _first_section_index(self.blocks, self.plan_part_from, self.closing_at)
        pre_stop = self.first_sec if self.first_sec is not None else self.closing_at
        ranges = [range(self.body_from, pre_stop)]
        if self.plan_front is not None:
            ranges = [range(self.body_from, min(pre_stop, self.plan_front)), range(self.plan_part_from, pre_stop)]
        for k, rng in enumerate(ranges):
            for i in rng:
                b = self.para(i)
                if b is None or i in self.used:
                    continue
                self.preamble.append({"text": b.text, "loc": b.loc.as_dict()})
                self.used.add(i)
                if k == 0 and hd.BASIS_START.match(b.text):
                    doc["bases"].extend(hd.text_to_bases(b.text))
        unique: dict[str, dict] = {}
        for base in doc["bases"]:
            key = base["number"] or base["text"]
            if key not in unique or (base["date"] and not unique[key]["date"]):
                unique[key] = base
        doc["bases"] = list(unique.values())
        if not doc["bases"] and doc["title"]:
            for base in hd.text_to_bases(doc["title"]):
                base["from_title"] = True
                doc["bases"].append(base)

    def build_sections(self) -> None:
        """The section tree, the closing paragraphs ("Trên đây là …") and the footnotes."""
        blocks = self.blocks
        self.body_end = self.closing_at
        if self.first_sec is not None:
            for i in range(self.first_sec, self.closing_at):
                b = self.para(i)
                if b is None:
                    continue
                prev = self.para(i - 1)
                under_heading = prev is not None and match_token(prev.text) is not None and not prev.text.rstrip().endswith((".", ";"))
                last = b.text.rstrip().endswith("./.") and match_token(b.text) is None and not under_heading \
                    and not self._numbered_after(i, True)
                if _CLOSING.match(b.text) or last or (_DIFFICULTIES.match(b.text) and not self._numbered_after(i)):
                    self.body_end = i
                    break
                if _APPENDIX_MARK.match(b.text) and match_token(b.text) is None:
                    self.body_end = self.closing_at = i  # an appendix with no signature before it
                    break
        for i, b in enumerate(blocks):
            if b.kind == "footnote":
                self.footnotes.append({"mark": b.mark, "text": b.text, "loc": b.loc.as_dict()})
                self.used.add(i)
        if self.first_sec is not None:
            body = [(i, blocks[i]) for i in range(self.first_sec, self.body_end)]
            self.roots, placed_lines, sec_warnings, _loose = blocks_to_sections(body)
            self.warnings.extend(sec_warnings)
            placed = set(placed_lines)
            self.used.update(i for i, b in body if b.kind == "para" and placed.intersection(b.lines))
        for i in range(self.body_end, self.closing_at):
            b = self.para(i)
            if b is not None and i not in self.used:
                self.closing.append({"text": b.text, "loc": b.loc.as_dict()})
                self.used.add(i)

    def _numbered_after(self, i: int, numbers_only: bool = False) -> bool:
        for j in range(i + 1, self.closing_at):
            b = self.para(j)
            tok = match_token(b.text) if b is not None else None
            if tok is not None and not (numbers_only and tok.kind == "bullet"):
                return True
        return False

    def read_appendix(self) -> None:
        """The appendix back-reference and title lines, and every table's rows as tasks."""
        blocks = self.blocks
        for i in range(self.closing_at, self.n):
            b = self.para(i)
            if b is None:
                continue
            if _APPENDIX_MARK.match(b.text):
                self.used.add(i)
            ref = hd.parse_backref(b.text)
            if ref and self.backref is None and ("kèm theo" in b.text.lower() or i > self.closing_at):
                self.backref = dict(ref, loc=b.loc.as_dict())
                self.used.add(i)
        for i in range(self.closing_at, self.n):
            b = self.para(i)
            if b is not None and i not in self.used and hd.is_upper_text(b.text):
                self.used.add(i)  # appendix titles ("PHÂN CÔNG NHIỆM VỤ …")
        section_of_table = {t: s.id for r in self.roots for s in r.walk() for t in s.tables}
        table_no = 0
        context = TableContext()  # a table a page break split into two blocks is read on
        for i, b in enumerate(blocks):
            if b.kind != "table":
                continue
            table_no += 1
            tasks, warnings = table_to_tasks(b, table_no, section_of_table.get(i), "appendix", context, i)
            if not tasks:
                found = table_to_indicator_targets(b, int(self.doc["date"][:4]) if self.doc.get("date") else None)
                if found:
                    warnings = [w for w in warnings if w["code"] != "table-no-header"]
                    self.table_targets.extend((t, section_of_table.get(i)) for t in found)
                    self.used.add(i)
                    for row in b.rows:
                        self.extra_lines.update(row.lines)
            self.warnings.extend(warnings)
            for t in tasks:
                t.pop("_lines")
            if tasks:
                self.tasks.extend(tasks)
                self.used.add(i)
                for row in b.rows:  # data rows, header rows, repeated headers, group rows
                    self.extra_lines.update(row.lines)

        self.warnings.extend(appendix_unread(blocks, self.tasks, self.closing_at))

    def read_body_tasks(self) -> None:
        """Labelled task blocks anywhere in the body, and agency paragraphs of the implementation section."""
        labelled, used, warnings = labelled_tasks(self.roots)
        self.warnings.extend(warnings)
        body = sections_to_tasks(self.roots, whole_body=_is_directive(self.doc))
        self.tasks.extend(labelled + [t for t in body if t["section"] not in used])

    def check_portal(self) -> None:
        """A saved portal page: its metadata table checks the header and fills blank fields."""
        apply_metadata(self.doc, self.source.portal, self.warnings)

    def recover_header(self) -> None:
        """Header gaps filled from the back-reference and signature; letters recognised."""
        _recover(self.doc, self.backref, self.doc["signer"], self.roots, self.blocks, self.warnings, self.date_blank,
                 self.header_locs)
        doc = self.doc
        if doc["type"] is None and doc["symbol"] and any(
                self.para(i) and _VV.match(self.blocks[i].text) for i in range(min(self.n, 15))):
            doc["type"], doc["type_name"] = "CV", doc["type_name"] or "Công văn"  # "Số: 123/UBND-KT" + "V/v …"

    def collect_targets(self) -> None:
        self.targets = _collect_targets(self.roots, self.tasks, self.table_targets)
        attachment = self.doc["attachment"] or {}
        horizon = _year_of(attachment.get("title") or self.doc["title"] or "")
        for target in self.targets:  # no year of its own: the plan's horizon, marked as such
            if target["year"] is None and horizon is not None:
                target["year"] = horizon
                target["year_from_plan"] = True

    def classify(self) -> None:
        """Is it a plan at all? A news page or a letter is not; it keeps no targets."""
        doc = self.doc
        plan_like = (doc["type"] or "").upper() in PLAN_TYPES or (doc["type_name"] or "").lower().startswith(("kế hoạch", "chương trình hành động")) \
            or doc["attachment"] is not None
        doc["is_plan"] = bool(plan_like and self.roots)
        if doc["is_plan"] and not (doc["signer"] or {}).get("name"):
            at = self.blocks[self.closing_at].loc.as_dict() if self.closing_at < self.n else None
            self.warn("signer-missing", "no signer's name was read from the signature block; check the end of "
                      "the document (a signature beside 'Nơi nhận' or inside a table may be missed)", at)
        if not doc["is_plan"]:
            self.warn("not-a-plan", "this document does not look like a plan (no KẾ HOẠCH header with numbered "
                      "sections); sections, targets and tasks may be empty")
            self.targets = []
            if not _is_directive(doc):  # a directive's assignments are read; a table of procedures is not one
                self.tasks = []

    def result(self) -> dict:
        placed = set(self.extra_lines)
        for i in self.used:
            placed.update(self.blocks[i].lines)
        content, origins = self.source.line_texts, self.source.origins

        def loc(k: int) -> dict:
            return origins[k - 1].as_dict() if origins and 0 < k <= len(origins) else {"line": k, "page": None}

        unplaced = [{"text": content[k][:200], "loc": loc(k)} for k in sorted(content) if k not in placed]
        coverage = round(1 - len(unplaced) / len(content), 4) if content else 0.0
        if self.doc["is_plan"] and coverage < COVERAGE_FLOOR:
            self.warn("coverage-low", f"only {coverage:.0%} of the lines were placed; see quality.unplaced")
        src = self.source
        return {
            "schema_version": SCHEMA_VERSION,
            "source": {"path": src.path, "format": src.format, "sha256": src.sha256, "pages": src.pages},
            "document": self.doc,
            "preamble": self.preamble,
            "sections": [r.to_dict() for r in self.roots],
            "closing": self.closing,
            "footnotes": self.footnotes,
            "targets": self.targets,
            "tasks": self.tasks,
            "warnings": self.warnings,
            "quality": {"coverage": coverage, "unplaced": unplaced},
        }


STEPS = (
    _Extraction.find_closing,
    _Extraction.read_header,
    _Extraction.find_attachment,
    _Extraction.read_preamble,
    _Extraction.build_sections,
    _Extraction.read_appendix,
    _Extraction.read_body_tasks,
    _Extraction.check_portal,
    _Extraction.recover_header,
    _Extraction.collect_targets,
    _Extraction.classify,
)
"""The extractors, in the order they run."""


def build_plan(source: Source) -> dict:
    """Run :data:`STEPS` over a read source and return the plan dict in model order."""
    state = _Extraction(source)
    for step in STEPS:
        step(state)
    return state.result()


def _recover(doc: dict, backref: dict | None, signer: dict | None, roots: list[Section],
             blocks: list[Block], warnings: list[dict], date_blank: bool = False,
             header_locs: dict[str, dict] | None = None) -> None:
    """Fill header gaps from the appendix back-reference and signature; warn on disagreement."""
    inferred: list[str] = doc["inferred"]
    why: dict[str, str] = {}
    if backref:
        loc = backref.get("loc")
        for key in ("number", "seq", "symbol", "date"):
            mine, theirs = doc.get(key), backref.get(key)
            if mine is None and theirs is not None:
                doc[key] = theirs
                why[key] = "the appendix back-reference"
            elif mine is not None and theirs is not None and mine != theirs:
                _warn(warnings, "backref-mismatch",
                      f"the appendix refers to {key} {theirs!r} but the header says {mine!r}", loc)
        if doc["type"] is None and backref.get("symbol"):
            doc["type"] = hd.symbol_to_type(backref["symbol"])
            why["type"] = "the appendix back-reference"
        if doc["issuer"] is None and backref.get("issuer") and hd.expand_issuer(backref["issuer"])[1]:
            doc["issuer"] = backref["issuer"]
            why["issuer"] = "the appendix back-reference"
    if doc["issuer"] is None and signer and signer.get("on_behalf_of"):
        full, complete = hd.expand_issuer(signer["on_behalf_of"])
        if complete:
            doc["issuer"] = full
            why["issuer"] = "the signature block"
        elif doc["place"]:
            level = full.split()[-1] if full and full.split()[-1] in ("tỉnh", "huyện", "xã") else None
            if level is None:
                # "tỉnh <nơi ban hành>" / "thành phố …" as the body names the place.
                text = " ".join(b.text for b in blocks[:400] if b.kind == "para")
                m = regex.search(rf"\b(tỉnh|thành phố|huyện)\s+{regex.escape(doc['place'])}\b", text)
                level = m.group(1) if m else None
            if level:
                doc["issuer"] = f"Ủy ban nhân dân {level} {doc['place']}"
                why["issuer"] = "the signature block and the place of issue"
    if doc["place"] is None and doc["issuer"]:
        m = regex.search(r"(?:tỉnh|thành phố|huyện|quận|thị xã)\s+(.+)$", doc["issuer"])
        if m:
            doc["place"] = m.group(1)
            why["place"] = "the issuer's name"
    if doc["type"] is None and doc["type_name"] and ascii_fold(doc["type_name"]).startswith("ke hoach"):
        doc["type"] = "KH"
        why["type"] = "the document type line"
    for key in ("number", "date", "issuer"):
        if doc.get(key) is None:
            what = {"number": "document number", "date": "date of issue", "issuer": "issuing body"}[key]
            blank = (key == "number" and doc.get("symbol")) or (key == "date" and date_blank)
            _warn(warnings, f"{key}-blank" if blank else f"{key}-missing",
                  f"{what} left blank in the document" if blank else f"no {what} found",
                  (header_locs or {}).get(key) if blank else None)
    inferred.extend(why)
    if why:
        _warn(warnings, "inferred", "; ".join(f"{k} inferred from {v}" for k, v in why.items()), None)


def _collect_targets(roots: list[Section], tasks: list[dict], table_targets: list[tuple[dict, str | None]]) -> list[dict]:
    out: list[dict] = []

    def add(found: list[dict], section: str | None, loc: dict, task: str | None = None) -> None:
        for t in found:
            entry = {"id": f"T{len(out) + 1}"}
            entry.update(t)
            entry["section"] = section
            entry["task"] = task
            entry["loc"] = loc
            out.append(entry)

    by_section: dict[str | None, list[dict]] = {}
    for target, section in table_targets:  # rows of indicator tables ("Chỉ tiêu | ĐVT | Năm 2025")
        by_section.setdefault(section, []).append(target)

    def visit(sec: Section, year: int | None) -> None:
        if _RESULTS.match(sec.title or ""):
            return  # "Kết quả đạt được", "Tình hình thực hiện năm 2025", "Dự báo …": results, not goals
        y = _year_of(sec.title or "") or year
        objective = sec.role == Role.OBJECTIVES
        item_year = None
        for kind, text, loc in sec.content:
            if kind == "item":
                item_year = _year_of(text) if text.rstrip().endswith(":") else None
            ctx = (item_year if kind == "subitem" else None) or y
            found = text_to_targets(text, ctx, require_cue=not objective)
            add(found, sec.id, loc.as_dict())
        for target in by_section.pop(sec.id, []):  # its indicator tables, after its sentences
            add([target], sec.id, target.pop("loc"))
        for c in sec.children:
            visit(c, y)

    for r in roots:
        visit(r, None)
    for section, rest in by_section.items():  # indicator tables outside the section tree (appendices)
        for target in rest:
            add([target], section, target.pop("loc"))
    for task in tasks:
        if task.get("target"):
            end = task["deadline"].get("end")
            year = int(end[:4]) if end else None
            found = text_to_targets(task["target"], year, fallback_indicator=task.get("title"))
            add(found, task.get("section"), task["loc"], task["id"])
    return out
