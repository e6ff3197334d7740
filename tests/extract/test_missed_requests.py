"""Requests the section reader passes over when it reads none (session 16, tests/excerpts/ backan-…, thuathienhue-…):
a numbered item whose request comes after a long clause of grounds ("1. Trên cơ sở …, đề nghị các sở … tiếp tục …"), a
lead's words under a targets heading ("Các sở, ngành theo chức năng, nhiệm vụ chủ trì tổng hợp …"). A plan lists them;
a document that reads as no plan does not, and says so (it dropped them silently)."""

from __future__ import annotations

from kehoach import extract_bytes

_PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH AN LẠC\nSố: 15/KH-UBND\nAn Lạc, ngày 10 tháng 3 năm 2026\nKẾ HOẠCH\nPhát triển kinh tế "
         "năm 2026\n\nI. MỤC TIÊU\n\n1. Mục tiêu chung\n\nTăng trưởng kinh tế bền vững.\n\n2. Chỉ tiêu chủ yếu\n\n"
         "Các sở, ngành theo chức năng, nhiệm vụ chủ trì tổng hợp, theo dõi các chỉ tiêu của ngành.\n\nII. TỔ CHỨC THỰC "
         "HIỆN\n\nKế hoạch này được triển khai trong năm 2026.\n")
_GUIDANCE = ("Hướng dẫn công tác phổ biến pháp luật năm 2026\n\nI. CÔNG TÁC PHỔ BIẾN PHÁP LUẬT\n\n1. Trên cơ sở kết quả sơ "
             "kết 5 năm thực hiện Chỉ thị số 10-CT/TU ngày 01/02/2021 của Ban Thường vụ Tỉnh ủy, nâng cao ý thức pháp luật "
             "của cán bộ, nhân dân, đề nghị các sở, ban, ngành và UBND các huyện tiếp tục quan tâm chỉ đạo công tác này.\n\n"
             "2. Các nội dung khác theo hướng dẫn của Bộ Tư pháp.\n")


def test_a_plans_lead_under_a_targets_heading_is_a_task_when_no_other_was_read():
    tasks = extract_bytes(_PLAN.encode(), "t.txt")["tasks"]
    assert [t["lead"] for t in tasks] == [["Các sở, ngành"]]


def test_a_request_after_long_grounds_in_no_plan_is_warned_not_dropped_silently():
    plan = extract_bytes(_GUIDANCE.encode(), "t.txt")
    assert plan["tasks"] == []
    assert any(w["code"] == "body-task-unread" and "no plan" in w["message"] for w in plan["warnings"])
