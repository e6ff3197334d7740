"""An appendix of tasks written as numbered paragraphs, not as a table: each task a numbered heading with its
agencies and time given by labels under it, as a body's labelled blocks are (:mod:`.labelled`)::

    PHỤ LỤC
    DANH MỤC NHIỆM VỤ …
    (Kèm theo Kế hoạch số …)
    1. Rà soát quy định về …
    - Cơ quan chủ trì: Sở A.
    - Cơ quan phối hợp: Sở B.
    - Thời gian hoàn thành: Quý II/2026.

Read only when the appendix gave no task from a table. Each block is a task with ``source: appendix``, its id
``A<n>.<number>`` (n: the appendix's number among the document's task lists, after its tables), and no body section.
"""

from __future__ import annotations

from ..parse.blocks import Block
from ..parse.lines import APPENDIX_HEADING
from .bodytasks import sections_to_tasks
from .labelled import labelled_tasks
from .sections import Section, blocks_to_sections

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning


def appendix_paragraph_tasks(blocks: list[Block], start: int, claimed: set[int], table_no: int
                             ) -> tuple[list[dict], set[int], set[int], list[PlanWarning]]:
    """The tasks of the labelled paragraphs after the first appendix heading at or after block ``start`` (``claimed``:
    its heading, title and back-reference lines, left out); the blocks and source lines they hold; warnings."""
    heading = next((k for k in range(start, len(blocks))
                    if blocks[k].kind == "para" and APPENDIX_HEADING.match(blocks[k].text)), None)
    if heading is None:
        return [], set(), set(), []
    body = [(i, blocks[i]) for i in range(heading + 1, len(blocks)) if blocks[i].kind == "para" and i not in claimed]
    roots, placed_lines, _warnings, _loose = blocks_to_sections(body)
    tasks, _used, warnings = labelled_tasks(roots)
    if not tasks:  # "1. Sở A:" / "- Chủ trì …": handed out per agency, as a body's implementation part does
        tasks, warnings = sections_to_tasks(roots, whole_body=True)
        by_id = {sec.id: sec for root in roots for sec in root.walk()}
        tasks = [t for t in tasks if _opens_with_lead(by_id[t["section"]], t["lead_as_written"])]
    if not tasks:
        return [], set(), set(), []
    for task in tasks:
        task.update(id=f"A{table_no + 1}.{task['id']}", source="appendix", section=None)
    placed = set(placed_lines)
    blocks_held = {i for i, b in body if placed.intersection(b.lines)}
    return tasks, blocks_held, placed, warnings


def _opens_with_lead(sec: Section, lead: list[str]) -> bool:
    """Whether a numbered part of the appendix opens with the agency a task of it names as its lead: its heading is
    the agency ("1. Sở Tài chính:"), or its paragraph starts with it ("2. Sở Y tế tổ chức …"). Not a line under a
    heading that names no agency ("I. Kinh tế số" over a table flattened to a cell a line, a cell starting with one)."""
    first = sec.title or (sec.text[0] if sec.text else "")
    return bool(lead) and " ".join(first.split()).startswith(" ".join(lead[0].split()))
