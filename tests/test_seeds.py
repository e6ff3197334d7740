"""Facts about the seed plans that a careful reader checked against the documents.

The goldens hold everything; these name the facts that matter most, so a regression reads clearly.
"""

from __future__ import annotations

import pytest

from kehoach import extract_file


@pytest.fixture(scope="module")
def plans():
    import os

    from .conftest import ROOT

    old = os.getcwd()
    os.chdir(ROOT)
    try:
        return {
            "93": extract_file("samples/thai-binh-93-kh-ubnd-2022-thi-dua-cum-cong-nghiep.md"),
            "2018": extract_file("samples/thai-binh-kh-ubnd-2018-phat-trien-cong-nghiep.md"),
            "39": extract_file("samples/thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt"),
            "148": extract_file("samples/hung-yen-148-kh-ubnd-2021-cong-nghiep-tttcn.txt"),
            "news": extract_file("samples/ha-nam-tin-kcn-2019-khong-phai-ke-hoach.txt"),
            "qd": extract_file("samples/quyet-dinh-ban-hanh-ke-hoach-chuyen-doi-so.md"),
        }
    finally:
        os.chdir(old)


def appendix(plan):
    return [t for t in plan["tasks"] if t["source"] == "appendix"]


def test_appendix_row_counts(plans):
    assert len(appendix(plans["2018"])) == 12
    assert len(appendix(plans["39"])) == 40
    assert len(appendix(plans["148"])) == 21
    assert [t["no"] for t in appendix(plans["39"])] == [str(i) for i in range(1, 41)]


def test_header_of_plan_93(plans):
    d = plans["93"]["document"]
    assert (d["number"], d["seq"], d["symbol"], d["type"]) == ("93/KH-UBND", 93, "KH-UBND", "KH")
    assert (d["place"], d["date"]) == ("Thái Bình", "2022-06-14")
    assert d["signer"] == {"name": "Nguyễn Khắc Thận", "title": "Chủ tịch", "authority": "TM", "on_behalf_of": "Ủy ban nhân dân"}
    assert d["issuer"] == "Ủy ban nhân dân tỉnh Thái Bình" and "issuer" in d["inferred"]
    assert d["recipients"][0] == "Ban Thi đua - Khen thưởng Trung ương"


def test_missing_header_recovered_from_backref(plans):
    d = plans["2018"]["document"]
    assert d["number"] is None and d["symbol"] == "KH-UBND"
    assert d["date"] == "2018-10-22" and "date" in d["inferred"]
    codes = [w["code"] for w in plans["2018"]["warnings"]]
    assert "number-blank" in codes and "inferred" in codes
    assert [b["number"] for b in d["bases"]] == ["25-CTr/TU", "23-NQ/TW"]


def test_backref_symbol_mismatch_warned(plans):
    d = plans["39"]["document"]
    assert d["symbol"] == "KHHD-UBND" and d["type_name"] == "Kế hoạch hành động"
    msgs = [w["message"] for w in plans["39"]["warnings"] if w["code"] == "backref-mismatch"]
    assert any("KH-UBND" in m and "KHHD-UBND" in m for m in msgs)


def test_page_split_and_fused_rows_rejoined(plans):
    rows = {t["no"]: t for t in appendix(plans["39"])}
    assert rows["9"]["title"].endswith("lập bản đồ địa chính có tọa độ theo Nghị quyết số 39/2012/QH13 của Quốc hội.")
    assert rows["9"]["support"] == ["Các sở, ngành liên quan", "Ủy ban nhân dân huyện, thành phố"]
    assert rows["18"]["deadline"]["recurrence"] == "continuous"
    assert rows["18"]["lead"] == ["Văn phòng Ủy ban nhân dân tỉnh"]
    assert rows["39"]["title"].endswith("tạo điều kiện thuận lợi, nhanh chóng cho các doanh nghiệp, nhà đầu tư triển khai thực hiện dự án")
    assert rows["39"]["support"] == ["Các sở, ngành liên quan"]
    assert rows["40"]["title"].startswith("Tập hợp, rà soát")
    assert rows["40"]["deadline"]["text"] == "Thường xuyên"
    assert rows["1"]["lead"] == ["Sở Kế hoạch và Đầu tư"] and rows["1"]["support"] == ["Cục Thuế tỉnh", "Các đơn vị liên quan"]


def test_footnotes_kept_apart(plans):
    p = plans["39"]
    assert [f["mark"] for f in p["footnotes"]] == ["1", "2", "3", "4"]
    texts = [t for s in p["sections"] for c in s["children"] for t in c["text"]]
    assert not any(t.startswith("Hoàn thiện dự thảo, tổ chức các hội nghị") for t in texts)


def test_scraped_plan_sections(plans):
    p = plans["148"]
    assert [s["id"] for s in p["sections"]] == ["I", "II", "III", "III_2", "IV"]
    assert [s["role"] for s in p["sections"]] == ["purpose", "objectives", "tasks", "funding", "organization"]
    assert any(w["code"] == "duplicate-number" for w in p["warnings"])
    iii4 = p["sections"][2]["children"][3]
    assert [c["id"] for c in iii4["children"]] == ["III.4.1", "III.4.2"]
    assert p["sections"][4]["children"][0]["title"] == "Sở Công Thương"
    rows = {t["no"]: t for t in appendix(p)}
    assert rows["15"]["lead"] == ["Sở Lao động - Thương binh và Xã hội"]
    assert rows["6"]["lead"] == ["Sở Công Thương"] and rows["6"]["output"] == "Hội nghị tuyên truyền"


def test_targets_of_plan_148(plans):
    ts = plans["148"]["targets"]
    got = [(t["comparator"], t["value"], t["value_max"], t["unit"], t["year"]) for t in ts]
    assert ("range", 9.0, 10.0, "%/năm", 2025) in got
    assert ("range", 9.5, 10.0, "%/năm", 2025) in got
    assert ("eq", 8.5, None, "tỷ USD", 2025) in got
    assert ("approx", 70.0, None, "%", 2030) in got


def test_targets_of_plan_2018(plans):
    ts = plans["2018"]["targets"]
    assert [(t["comparator"], t["value"]) for t in ts] == [("gt", 30.0), ("approx", 25.0), ("ge", 45.0), ("gt", 12.0), ("gt", 12.0), ("gt", 70.0)]
    assert all(t["year"] == 2030 for t in ts)
    assert ts[0]["indicator"] == "Tỷ trọng công nghiệp trong GRDP"


def test_news_is_not_a_plan(plans):
    p = plans["news"]
    assert p["document"]["is_plan"] is False
    assert p["targets"] == [] and p["tasks"] == [] and p["sections"] == []
    assert any(w["code"] == "not-a-plan" for w in p["warnings"])


def test_decision_with_attached_plan(plans):
    d = plans["qd"]["document"]
    assert d["type"] == "QĐ" and d["number"] == "1203/QĐ-UBND"
    assert d["attachment"] == {"type": "KH", "type_name": "Kế hoạch", "title": "Chuyển đổi số tỉnh Nam Định năm 2024"}
    assert [s["id"] for s in plans["qd"]["sections"]] == ["I", "II", "III", "IV", "V"]
    groups = [t["group"] for t in appendix(plans["qd"])]
    assert groups == ["I. Chính quyền số"] * 2 + ["II. Kinh tế số"] * 2 + ["III. Xã hội số"] * 2
    assert appendix(plans["qd"])[1]["support"] == ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố"]


def test_no_debris_in_titles(plans):
    for plan in plans.values():
        def walk(secs):
            for s in secs:
                for text in [s["title"] or ""] + s["text"] + s["items"]:
                    assert "**" not in text and "<p>" not in text and "*TS*" not in text and "##" not in text
                walk(s["children"])
        walk(plan["sections"])
        for t in plan["tasks"]:
            assert "<p>" not in (t["title"] or "")
