"""Where a task comes from, as the checklist and the timeline show it, for tasks no section holds: a closing
paragraph's duty (id "C1") was "Mục C1", a section the plan does not have; one such duty beside an appendix's
numbered rows switched every timeline label from the rows' STT to ids."""

from __future__ import annotations

import pytest

from kehoach.export.schedule import where
from kehoach.export.timeline import task_numbers


@pytest.mark.parametrize("task, place", [
    ({"id": "A1.3", "no": "3", "source": "appendix", "section": None, "loc": {"line": 40, "page": 5}},
     "Phụ lục, STT 3 (tr. 5, dòng 40)"),
    ({"id": "II.1", "no": None, "source": "body", "section": "II.1", "loc": {"line": 12}}, "Mục II.1 (dòng 12)"),
    ({"id": "C1", "no": None, "source": "body", "section": None, "loc": {"line": 88}}, "Đoạn kết (dòng 88)"),
    ({"id": "P2", "no": None, "source": "body", "section": None, "loc": {"line": 7}}, "Đoạn văn (dòng 7)"),
])
def test_where_a_task_comes_from(task, place):
    assert where(task) == place


class _Item:
    def __init__(self, task: dict) -> None:
        self.task = task


def test_a_closing_duty_keeps_the_appendix_rows_numbers():
    items = [_Item({"id": f"A1.{n}", "no": str(n)}) for n in (1, 2, 3)] + [_Item({"id": "C1", "no": None})]
    assert list(task_numbers(items).values()) == ["1", "2", "3", "C1"]
    repeated = [_Item({"id": "A1.1", "no": "1"}), _Item({"id": "A2.1", "no": "1"})]
    assert list(task_numbers(repeated).values()) == ["A1.1", "A2.1"]  # numbers that repeat: ids
