"""Where each part of a document lies: front matter, an issued plan, body, closing, appendices.

Found once, before the parts are read; every extractor after it reads the blocks of its own region.
Positions are block indexes, ends exclusive. A document reads, top to bottom::

    front matter        [0, body_from)              issuer, number, place and date, type line, title
    preamble            [body_from, first_section)  legal bases, purpose paragraphs
      (a decision that issues a plan: its articles, recipients and signature, then the plan's
       type line at plan_front and "(Ban hành kèm theo …)" lines up to plan_from)
    body                [first_section, body_end)   the numbered sections
    closing paragraphs  [body_end, closing_at)      "Trên đây là …", "Trong quá trình thực hiện …"
    signed part         from closing_at             recipients ("Nơi nhận") and the signature
    appendices          after the signed part       tables of tasks, indicator tables
"""

from __future__ import annotations

from .. import rx
from ..numbering import match_token
from ..parse.blocks import Block
from ..parse.lines import APPENDIX_HEADING
from ..record import FrozenRecord
from ..vn import ascii_fold
from . import header as hd
from .roles import caps_heading
from .signature import find_signature, with_name

CLOSING = rx.compile(r"^Trên\s+đây\s+là\b", rx.I)
DIFFICULTIES = rx.compile(
    r"^(?:Trong\s+)?quá\s+trình\s+(?:tổ\s+chức\s+|triển\s+khai\s+)?thực\s+hiện\b.{0,80}?(?:khó\s+khăn|vướng\s+mắc|phát\s+sinh)",
    rx.I,
)
"""The standing last paragraph ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc …"): closing, not a task,
when no numbered item follows it."""
ATTACHMENT = rx.compile(r"^\(?\s*Ban\s+hành\s+kèm\s+theo\b", rx.I)
ISSUES_PLAN = rx.compile(
    r"\b(?:ban\s+hành|phê\s+duyệt)\s+(?:kèm\s+theo\s+(?:Quyết\s+định|văn\s+bản)\s+này\s+)?"
    r"(?:Kế\s+hoạch|Chương\s+trình|Phương\s+án|Đề\s+án)\b", rx.I)
"""A decision's words that it issues or approves a plan or another document of tasks ("Ban hành kèm theo Quyết
định này Kế hoạch …", "Phê duyệt Đề án …")."""
ISSUED_KINDS: tuple[tuple[str, str, bool], ...] = (
    ("ke hoach", "KH", True), ("chuong trinh hanh dong", "CTr", True), ("chuong trinh", "CTr", False),
    ("phuong an", "PA", False), ("de an", "ĐA", False),
)
"""Documents a decision issues with their tasks, by the folded start of their type line: the type code (as
Nghị định 30/2020 abbreviates it) and whether the plan model counts it a plan (an action programme is a plan by
another name; a work programme, a scheme or a project is read as one, with a warning)."""
APPENDIX_MARK = APPENDIX_HEADING


def para(blocks: list[Block], i: int) -> Block | None:
    """Block ``i`` when it exists and is a paragraph."""
    return blocks[i] if 0 <= i < len(blocks) and blocks[i].kind == "para" else None


class Signed(FrozenRecord):
    """The recipients and signature part: what it says, its blocks, and where it starts."""

    __slots__ = ("recipients", "signer", "blocks", "at", "second")

    recipients: list[str]
    signer: dict | None
    blocks: frozenset[int]
    at: int
    second: tuple[dict, int] | None
    """A second signature beside or just after the first (a joint plan), and its first block."""

    def __init__(self, recipients: list[str], signer: dict | None, blocks: frozenset[int], at: int,
                 second: tuple[dict, int] | None = None) -> None:
        self.recipients = recipients
        self.signer = signer
        self.blocks = blocks
        self.at = at
        self.second = second


def read_signed(blocks: list[Block], start: int = 0, near_recipients: bool = True) -> Signed:
    """Recipients ("Nơi nhận") and the signature block from ``start`` on; with ``near_recipients``
    the signature is first looked for just before the recipients."""
    n = len(blocks)
    recipients, rec_used, rec_at = hd.find_recipients(blocks, start, n)
    near = max(start, (rec_at or 0) - 12) if near_recipients else start
    signer, sig_used = find_signature(blocks, near, n)
    if signer is None and rec_at is not None and near != start:
        signer, sig_used = find_signature(blocks, start, n)
    if signer is not None and not signer.get("name") and (beside := hd.name_beside_recipients(blocks, rec_used)):
        signer = with_name(signer, beside)  # "- Lưu: VT.    Lê Văn A": the name set beside the list's last line
    at = min([i for i in (rec_at, sig_used[0] if sig_used else None) if i is not None], default=n)
    second, second_used = _second_signature(blocks, signer, sig_used, frozenset(rec_used))
    return Signed(recipients, signer, frozenset(rec_used) | frozenset(sig_used) | frozenset(second_used), at,
                  (second, second_used[0]) if second else None)


_BESIDE = 3
"""Blocks between two signatures that stand side by side (read one after the other)."""


def _second_signature(blocks: list[Block], signer: dict | None, used: list[int],
                      recipients: frozenset[int]) -> tuple[dict | None, list[int]]:
    """Another signature with a name of its own opening right after the first one's blocks (the
    recipients, read in between, apart): the two heads of a joint plan ("KT. GIÁM ĐỐC SỞ Y TẾ" beside
    "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO")."""
    if not signer or not signer.get("name") or not used:
        return None, []
    near = [k for k in range(max(used) + 1, len(blocks)) if k not in recipients][:_BESIDE + 1]
    other, other_used = find_signature(blocks, near[0], len(blocks)) if near else (None, [])
    if other is None or not other.get("name") or other["name"] == signer["name"] or other_used[0] not in near:
        return None, []
    return other, other_used


class Regions(FrozenRecord):
    """Block positions of a document's parts (see the module docstring)."""

    __slots__ = ("body_from", "plan_front", "plan_from", "first_section", "body_end", "closing_at", "signed")

    body_from: int
    """First block after the title."""
    plan_front: int | None
    """The type line of the plan a decision issues, when it does."""
    plan_from: int
    """First block of the plan proper (``body_from`` unless a decision issues the plan)."""
    first_section: int | None
    """The block that opens the numbered body, if any."""
    body_end: int
    """First block after the body: the closing paragraphs start here."""
    closing_at: int
    """First block of the signed part, or of an appendix that no signature precedes."""
    signed: frozenset[int]
    """The blocks of recipients and signatures (a decision's and the plan's it issues)."""

    def __init__(
        self,
        body_from: int,
        plan_front: int | None,
        plan_from: int,
        first_section: int | None,
        body_end: int,
        closing_at: int,
        signed: frozenset[int],
    ) -> None:
        self.body_from = body_from
        self.plan_front = plan_front
        self.plan_from = plan_from
        self.first_section = first_section
        self.body_end = body_end
        self.closing_at = closing_at
        self.signed = signed


def find_regions(blocks: list[Block], signed: Signed, type_line: int | None, body_from: int,
                 decision_says: str | None) -> Regions:
    """The regions, given the signed part, the type line ("KẾ HOẠCH"), where the title ends, and,
    for a decision (by its type), its title ("" when it has none; ``None`` for other documents)."""
    plan_front = _issued_plan_index(blocks, type_line, body_from, signed.at, decision_says)
    plan_from, closing_at, signed_blocks = body_from, signed.at, signed.blocks
    if plan_front is not None:
        plan_from = _attachment_end(blocks, plan_front)
        # The decision's own recipients and signature come before the plan; the plan's after it.
        plan_signed = read_signed(blocks, plan_from, near_recipients=False)
        closing_at, signed_blocks = plan_signed.at, signed_blocks | plan_signed.blocks
    first = first_section_index(blocks, plan_from, closing_at)
    body_end = closing_at
    if type_line is None and first is not None and (opening := _appendix_start(blocks, plan_from, first + 1)) is not None:
        # no type line, and "PHỤ LỤC" before any section: an appendix published alone, its title no section
        return Regions(body_from, plan_front, plan_from, None, opening, opening, signed_blocks)
    if first is not None:
        body_end, appendix_at = _body_end(blocks, first, closing_at)
        closing_at = appendix_at if appendix_at is not None else closing_at
    return Regions(body_from, plan_front, plan_from, first, body_end, closing_at, signed_blocks)


def _attachment_end(blocks: list[Block], plan_front: int) -> int:
    """The block after the issued plan's title and its "(Ban hành kèm theo …)" lines."""
    t = plan_front + 1
    if para(blocks, t) is not None and not ATTACHMENT.match(blocks[t].text):
        t += 1  # the plan's title
    while para(blocks, t) is not None and ATTACHMENT.match(blocks[t].text):
        t += 1
    return t


def _issued_plan_index(blocks: list[Block], type_line: int | None, body_from: int, closing_at: int,
                       decision_says: str | None) -> int | None:
    """The type line of the plan a decision issues: "KẾ HOẠCH" (or another kind of :data:`ISSUED_KINDS`)
    followed by "(Ban hành kèm theo …)", or in a decision that says it issues or approves one, the first such
    type line after its signature."""
    n = len(blocks)
    plans = [i for i in range(n - 1) if i != type_line and hd.is_type_name_block(blocks[i])
             and issued_kind(blocks[i].text) is not None]
    for i in plans:
        window = [blocks[k] for k in range(i + 1, min(n, i + 4)) if blocks[k].kind == "para"]
        if any(ATTACHMENT.match(w.text) for w in window):
            return i
    if decision_says is None:
        return None
    decision = " ".join(b.text for b in blocks[body_from:closing_at] if b.kind == "para")
    if not ISSUES_PLAN.search(" ".join(filter(None, [decision_says, decision]))):
        return None
    return next((i for i in plans if i >= closing_at), None)


def issued_kind(type_line: str) -> tuple[str, bool] | None:
    """(type code, whether the model counts it a plan) of a type line a decision may issue with its tasks
    ("KẾ HOẠCH" -> ("KH", True), "ĐỀ ÁN" -> ("ĐA", False)); None for any other line."""
    folded = ascii_fold(type_line.strip(" *_#:")).lower()
    return next(((code, plan) for start, code, plan in ISSUED_KINDS if folded.startswith(start)), None)


def first_section_index(blocks: list[Block], start: int, stop: int) -> int | None:
    """The first block that opens the body: a "Phần"/"I."/"A." token, else a top-level "1." or a
    heading in capitals with no number ("MỤC ĐÍCH, YÊU CẦU"), whichever comes first."""
    first_arabic = None
    for i in range(start, stop):
        b = blocks[i]
        if b.kind != "para":
            continue
        tok = match_token(b.text)
        if tok is None:
            if first_arabic is None and caps_heading(b.text):
                first_arabic = i
            continue
        if tok.kind in ("part", "division", "roman", "upper"):
            return i
        if tok.kind in ("arabic", "paren") and "." not in tok.value and first_arabic is None:
            first_arabic = i
    return first_arabic


def _body_end(blocks: list[Block], first: int, closing_at: int) -> tuple[int, int | None]:
    """Where the body ends ("Trên đây là …", a last "./." line, the standing difficulties paragraph),
    and where an appendix starts that no signature precedes (``None`` when none does)."""
    for i in range(first, closing_at):
        b = para(blocks, i)
        if b is None:
            continue
        prev = para(blocks, i - 1)
        under_heading = prev is not None and match_token(prev.text) is not None and not prev.text.rstrip().endswith((".", ";"))
        last = b.text.rstrip().endswith("./.") and match_token(b.text) is None and not under_heading \
            and not _numbered_after(blocks, i, closing_at, True)
        if CLOSING.match(b.text) or last or (DIFFICULTIES.match(b.text) and not _numbered_after(blocks, i, closing_at)):
            return i, _appendix_start(blocks, i + 1, closing_at)
        if APPENDIX_MARK.match(b.text) and match_token(b.text) is None:
            return i, i
    return closing_at, None


def _appendix_start(blocks: list[Block], start: int, stop: int) -> int | None:
    """An appendix heading ("PHỤ LỤC") between ``start`` and ``stop``: the closing paragraphs end there."""
    return next((i for i in range(start, stop) if (b := para(blocks, i)) is not None
                 and APPENDIX_MARK.match(b.text) and match_token(b.text) is None), None)


def _numbered_after(blocks: list[Block], i: int, stop: int, numbers_only: bool = False) -> bool:
    for j in range(i + 1, stop):
        b = para(blocks, j)
        tok = match_token(b.text) if b is not None else None
        if tok is not None and not (numbers_only and tok.kind == "bullet"):
            return True
    return False
