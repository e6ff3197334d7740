"""Source -> plan: the extractors in the order they run, and the plan dict in model order.

:func:`build_plan` is the one list of steps. The signed part and the front matter are read
first because their positions bound everything else; :func:`~kehoach.extract.regions.find_regions`
then fixes every region once, and each extractor after it reads its own region and returns its
part of the plan, with the blocks it placed (their lines make :mod:`kehoach.quality`'s coverage).
"""

from __future__ import annotations

from . import SCHEMA_VERSION
from .diagnostics import warning
from .errors import ReadError
from .extract.appendix import plan_first_year, read_appendix
from .extract.body import (
    read_closing_paragraphs,
    read_footnotes,
    read_preamble,
    read_sections,
    unique_bases,
)
from .extract.date_spans import school_year_warnings
from .extract.front import Front, read_attachment, read_front
from .extract.kind import (
    appendix_alone,
    is_decision,
    is_directive,
    is_plan,
    kind_warnings,
    plan_by_header,
)
from .extract.labelled import labelled_tasks
from .extract.legend import spell_out
from .extract.loose_tasks import body_assignments, closing_duties
from .extract.period import plan_to_period, reversed_warnings
from .extract.plan_targets import plan_to_targets
from .extract.recover import recover_header
from .extract.regions import Signed, find_regions, read_signed
from .extract.signature import CUT
from .extract.table_checks import glued_markers
from .extract.task_times import date_relative_deadlines, date_yearless_deadlines, stale_deadlines
from .parse import Source, read_source
from .parse.ocr_tasks import unsure_in_tasks
from .parse.portal import apply_metadata
from .quality import COVERAGE_FLOOR, lead_warnings, measure, no_task_warnings, placed_lines

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from pathlib import Path

    from .model import PlanWarning

__all__ = ["COVERAGE_FLOOR", "MAX_BYTES", "build_plan", "extract_bytes", "extract_file"]

MAX_BYTES = 50 * 1024 * 1024


def extract_file(path: str | Path, max_bytes: int = MAX_BYTES, ocr: str | None = None) -> dict:
    """Read ``path`` (``"-"`` for stdin) and extract its plan; ``ocr`` ("auto", "force") reads
    scanned PDFs through OCR."""
    from .fileio import read_input

    name = str(path)
    return extract_bytes(read_input(name, max_bytes, ReadError), name, ocr=ocr)


def extract_bytes(data: bytes, name: str = "-", ocr: str | None = None) -> dict:
    """Extract the plan from raw bytes (``name`` is used for sniffing and messages); a bytearray or
    memoryview is read as its bytes."""
    if not isinstance(data, bytes):
        data = bytes(data)
    return build_plan(read_source(data, name, ocr=ocr))


def _second(signed: Signed, blocks: list) -> tuple[dict, dict | None] | None:
    """The second signature of a joint plan, with its loc, if there is one."""
    return (signed.second[0], blocks[signed.second[1]].loc.as_dict()) if signed.second else None


def build_plan(source: Source) -> dict:
    """Run the extractors over a read source and return the plan dict in model order."""
    blocks = source.blocks
    signed = read_signed(blocks)
    front = read_front(blocks, signed.at, signed.blocks)
    doc = _document(front, signed)
    title_cut = bool(doc["signer"] and doc["signer"].pop(CUT, False))
    regions = find_regions(blocks, signed, front.type_line, front.body_from,
                           (doc["title"] or "") if is_decision(doc) else None)
    doc["attachment"], attached, attachment_warnings = read_attachment(blocks, regions, doc)
    taken = regions.signed | front.claimed | attached
    preamble, bases = read_preamble(blocks, regions, taken)
    doc["bases"] = unique_bases(bases, doc["title"])
    footnotes = read_footnotes(blocks)
    roots, in_sections, section_warnings = read_sections(blocks, regions)
    taken |= preamble.claimed | footnotes.claimed | in_sections
    closing = read_closing_paragraphs(blocks, regions, taken)
    taken |= closing.claimed
    appendix = read_appendix(blocks, regions, roots, taken,
                             plan_first_year(doc["date"], (doc["attachment"] or {}).get("title") or doc["title"] or ""))
    labelled, labelled_sections, labelled_warnings = labelled_tasks(roots)
    body_tasks, body_warnings = body_assignments(roots, preamble.entries, is_directive(doc), frozenset(labelled_sections))
    tasks = appendix.tasks + labelled + [t for t in body_tasks if t["section"] not in labelled_sections] \
        + (closing_duties(closing.entries) if roots else [])  # "…; định kỳ trước ngày 30/11 hằng năm báo cáo …"
    portal_warnings: list[PlanWarning] = []
    apply_metadata(doc, source.portal, portal_warnings)  # a saved portal page's metadata table
    doc, recover_warnings = recover_header(doc, appendix.backref, blocks, front.date_blank, front.locs)
    date_relative_deadlines(tasks, doc["date"])  # "trong 30 ngày kể từ ngày ký": from the plan's date
    targets, target_warnings = plan_to_targets(roots, tasks, appendix.table_targets, (doc["attachment"] or {}).get("title") or doc["title"] or "")
    alone = appendix_alone(front, bool(roots), appendix.tasks, appendix.backref)
    whole = is_plan(doc, bool(roots) or alone is not None)  # a plan with its numbered parts read
    doc["is_plan"] = whole or plan_by_header(doc)  # the header says so, the text cut before its parts
    unread = None if whole or not doc["is_plan"] else _header_loc(front, blocks)
    signed_loc = blocks[regions.closing_at].loc.as_dict() if regions.closing_at < len(blocks) else None
    targets, tasks, table_warnings = _kept(doc, alone is not None, roots, targets, tasks, body_tasks, appendix.warnings)
    sections = [r.to_dict() for r in roots]
    reversed_spans = reversed_warnings(_titles(doc, blocks, front.type_line, regions.plan_front), sections, tasks)
    period = plan_to_period(doc, sections, tasks)
    doc["period"] = period.as_dict() if period else None
    warnings = [*source.warnings, *front.warnings, *attachment_warnings, *section_warnings, *table_warnings,
                *labelled_warnings, *body_warnings, *portal_warnings, *recover_warnings,
                *(kind_warnings(doc, signed_loc, _second(signed, blocks), title_cut, unread) if alone is None else [alone]),
                *glued_markers(tasks, footnotes.entries), *school_year_warnings(tasks), *reversed_spans,
                *unsure_in_tasks(tasks, source.warnings), *(target_warnings if targets else [])]
    warnings = date_yearless_deadlines(tasks, period, doc["date"], warnings) + stale_deadlines(tasks, doc["date"])
    quality, quality_warnings = measure(source, placed_lines(blocks, taken | appendix.claimed | spell_out(tasks, blocks),
                                                             appendix.lines), whole)  # ("- VP: Văn phòng Sở" under a table)
    return {
        "schema_version": SCHEMA_VERSION,
        "source": {"path": source.path, "format": source.format, "sha256": source.sha256, "pages": source.pages},
        "document": doc,
        "preamble": preamble.entries,
        "sections": sections,
        "closing": closing.entries,
        "footnotes": footnotes.entries,
        "targets": targets,
        "tasks": tasks,
        "warnings": warnings + lead_warnings(tasks) + quality_warnings + no_task_warnings(doc["is_plan"], roots, tasks, warnings),
        "quality": quality,
    }


def _kept(doc: dict, alone: bool, roots: list, targets: list, tasks: list, body_tasks: list,
          table_warnings: list) -> tuple[list, list, list]:
    """The targets, tasks and table warnings a document keeps: all of a plan's; none of the targets of a document
    that is no plan, and of its tasks only a letter's (its body's assignments), a directive's and an appendix's
    published alone (a table of procedures is no task list); the assignments a numbered non-plan hands out are
    dropped with a warning that says so."""
    if doc["is_plan"]:
        return targets, tasks, table_warnings
    if is_directive(doc) or alone:
        return [], tasks, table_warnings
    dropped = [warning("body-task-unread", f"this document reads as no plan: the {len(body_tasks)} assignment(s) its "
                       "numbered parts hand out are not listed as tasks; check them by hand", body_tasks[0]["loc"])
               ] if roots and body_tasks else []
    return [], [] if roots else body_tasks, [w for w in table_warnings if not w["code"].startswith("task-")] + dropped


def _header_loc(front: Front, blocks: list) -> tuple[dict | None, dict | None]:
    """Where the header says the document is a plan (its type line, else its number line) and where its text ends."""
    header = blocks[front.type_line].loc.as_dict() if front.type_line is not None else front.locs.get("number")
    return header, blocks[-1].loc.as_dict() if blocks else None


def _titles(doc: dict, blocks: list, type_line: int | None, plan_front: int | None) -> list[tuple[str | None, dict | None]]:
    """The document's title and its issued plan's, each with the loc of the line after its type line."""
    def loc(at: int | None) -> dict | None:
        return blocks[at + 1].loc.as_dict() if at is not None and at + 1 < len(blocks) else None
    return [(doc["title"], loc(type_line)), ((doc["attachment"] or {}).get("title"), loc(plan_front))]


def _document(front: Front, signed: Signed) -> dict:
    """The plan's ``document`` part in model order, from the header fields and the signed part."""
    doc: dict = {"is_plan": False, **front.fields, "bases": [], "signer": signed.signer,
                 "recipients": signed.recipients, "attachment": None, "inferred": []}
    return doc
