"""A responsibility cell written as a sentence: a modal before the verb ends the name, "phối hợp" names a partner
(after "chủ trì", or as the only verb: the agency then does the work with its partner), and "phối hợp thực hiện"
names none. Read through a whole appendix table whose one agency column is "Cơ quan thực hiện"."""

from __future__ import annotations

import pytest

from kehoach.extract.responsibility import read_roles
from kehoach.pipeline import extract_bytes
from tests.plandoc import plan_document

CELLS = [  # (cell, column, lead, support)
    ("UBND cấp xã phải chủ trì", "lead", ["UBND cấp xã"], []),
    ("Sở Y tế cần chủ trì, phối hợp với Sở Tài chính", "lead", ["Sở Y tế"], ["Sở Tài chính"]),
    ("Các sở, ngành cần phải phối hợp thực hiện", "support", [], ["Các sở, ngành"]),
    ("Sở Y tế chủ trì, phối hợp Sở Tài chính", "lead", ["Sở Y tế"], ["Sở Tài chính"]),
    ("Sở Y tế chủ trì, phối hợp UBND các xã, phường", "lead", ["Sở Y tế"], ["UBND các xã, phường"]),
    ("Sở Y tế chủ trì, phối hợp thực hiện", "lead", ["Sở Y tế"], []),
    ("Sở Tài chính phối hợp với Sở Y tế", "lead", ["Sở Tài chính"], ["Sở Y tế"]),
    ("Sở Tài chính phối hợp với các đơn vị liên quan", "lead", ["Sở Tài chính"], ["các đơn vị liên quan"]),
    ("Sở Tài chính phối hợp với Sở Y tế", "support", [], ["Sở Tài chính", "Sở Y tế"]),
    ("Sở A chủ trì; Sở B phối hợp với Sở C", "lead", ["Sở A"], ["Sở B", "Sở C"]),
    ("Sở B phối hợp", "lead", [], ["Sở B"]),
    # "cùng": a partner after "phối hợp cùng" or "chủ trì, cùng" (it was lost), leads together before a verb
    ("Sở Y tế chủ trì, phối hợp cùng Sở Tài chính", "lead", ["Sở Y tế"], ["Sở Tài chính"]),
    ("Sở Y tế chủ trì, cùng Sở Tài chính thực hiện", "lead", ["Sở Y tế"], ["Sở Tài chính"]),
    ("Sở Y tế chủ trì, phối hợp với Sở Tài chính thực hiện", "lead", ["Sở Y tế"], ["Sở Tài chính"]),
    ("Sở Y tế và Sở Tài chính cùng thực hiện", "lead", ["Sở Y tế và Sở Tài chính"], []),
    # a name after the lead given the work itself leads its part, in a lead column; a support column keeps it support
    ("Sở A chủ trì xây dựng kế hoạch; Sở B và các sở, ngành chủ động triển khai", "lead",
     ["Sở A", "Sở B và các sở, ngành"], []),
    ("Sở A chủ trì xây dựng kế hoạch; Sở B và các sở, ngành chủ động triển khai", "support",
     ["Sở A"], ["Sở B và các sở, ngành"]),
]


@pytest.mark.parametrize(("cell", "column", "lead", "support"), CELLS, ids=[c for c, *_ in CELLS])
def test_a_cell_written_as_a_sentence(cell, column, lead, support):
    roles = read_roles(cell, column)
    assert (roles.lead, roles.support) == (lead, support)


PLAN = plan_document("I. NHIỆM VỤ\n\nCác nhiệm vụ cụ thể tại Phụ lục kèm theo.", appendix="""
| STT | Nội dung nhiệm vụ | Cơ quan thực hiện | Thời gian hoàn thành |
|---|---|---|---|
| 1 | Rà soát các ổ dịch cũ | {cell} | Quý II/2026 |""", title="Phòng, chống dịch bệnh năm 2026", province="Quảng Trị", number="41/KH-UBND")

TABLE = [("UBND cấp xã phải chủ trì", ["Ủy ban nhân dân cấp xã"], []),
         ("Sở Y tế chủ trì, phối hợp Sở Tài chính", ["Sở Y tế"], ["Sở Tài chính"]),
         ("Sở Tài chính phối hợp với Sở Y tế", ["Sở Tài chính"], ["Sở Y tế"])]


@pytest.mark.parametrize(("cell", "lead", "support"), TABLE, ids=[c for c, *_ in TABLE])
def test_a_table_cell_written_as_a_sentence(cell, lead, support):
    (task,) = extract_bytes(PLAN.format(cell=cell).encode(), "plan.md")["tasks"]
    assert (task["lead"], task["support"]) == (lead, support)
