from __future__ import annotations

import csv
import datetime as dt
import html
import io
import os
import re
from pathlib import Path

import pytest

from kehoach import extract_bytes, extract_file
from kehoach.export import render_timeline
from kehoach.export.timeline import to_mermaid

from . import browser

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ["thai-binh-kh-ubnd-2018-phat-trien-cong-nghiep.md", "thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt",
         "hung-yen-148-kh-ubnd-2021-cong-nghiep-tttcn.txt", "thai-binh-93-kh-ubnd-2022-thi-dua-cum-cong-nghiep.md"]
TRICKY = """Số: 7/KH-UBND
Huế, ngày 3 tháng 2 năm 2025
KẾ HOẠCH
Thử: tên có dấu hai chấm; chấm phẩy # và <b>thẻ</b> "ngoặc"
I. TỔ CHỨC THỰC HIỆN
STT\tNội dung\tCơ quan chủ trì\tThời hạn
1\tHọp: rà soát #1; báo cáo khi tỷ lệ < 30% & "khẩn"\tSở Nội vụ\tQuý II/2025
2\tCập nhật dữ liệu\tSở Nội vụ\tHằng quý
3\tBáo cáo năm\tSở Tài chính\tTrước ngày 15/12/2025
4\tTuyên truyền\tSở Văn hóa, Thể thao và Du lịch\tThường xuyên
"""


@pytest.fixture(scope="module")
def tricky():
    return extract_bytes(TRICKY.encode("utf-8"), "hue.txt")


_TASK_LINE = re.compile(r"^    [^:#;]+ :(?:(?:active|done|crit|milestone), )*[A-Za-z][A-Za-z0-9_]*, \d{4}-\d{2}-\d{2}, (?:\d{4}-\d{2}-\d{2}|\d+d)$")


def check_gantt(text: str) -> int:
    """A strict check of the gantt grammar kehoach writes; returns the number of tasks."""
    lines = text.rstrip("\n").split("\n")
    assert lines[0] == "gantt"
    tasks, ids = 0, set()
    for line in lines[1:]:
        if re.match(r"^    (title|dateFormat|axisFormat) \S", line) or re.match(r"^    section [^:#;]+$", line):
            continue
        assert _TASK_LINE.match(line), f"not a gantt task line: {line!r}"
        tid = line.split(":", 1)[1].split(",")[-3].strip()
        assert tid not in ids
        ids.add(tid)
        tasks += 1
    return tasks


def test_mermaid_escapes_names_and_uses_ascii_ids(tricky):
    text = render_timeline(tricky, "mermaid").decode("utf-8")
    assert check_gantt(text) == 4
    assert ":milestone, t3, 2025-12-15, 0d" in text
    assert "(Hằng quý) :active, t2" in text  # recurring, placed within the plan's period: drawn distinctly
    assert "< 30" not in text and '"' not in text


def test_large_plans_are_summarised():
    rows = "\n".join(f"{i}\tViệc số {i}\tSở {['Y tế', 'Nội vụ', 'Tư pháp'][i % 3]}\tQuý {['I', 'II', 'III', 'IV'][i % 4]}/2025"
                     for i in range(1, 301))
    plan = extract_bytes(("Số: 8/KH-UBND\nKẾ HOẠCH\nLớn\nI. NHIỆM VỤ\nSTT\tNội dung\tCơ quan chủ trì\tThời hạn\n" + rows).encode(), "big.txt")
    assert len(plan["tasks"]) == 300
    text = to_mermaid(plan)
    assert check_gantt(text) == 3 and "(100 nhiệm vụ)" in text


def test_ics_parses_with_stable_uids_and_exclusive_ends(tricky):
    from icalendar import Calendar

    data = render_timeline(tricky, "ics")
    assert data == render_timeline(tricky, "ics")  # deterministic, so UIDs are stable across runs
    assert b"\r\n" in data
    for raw in data.split(b"\r\n"):
        assert len(raw) <= 75
        raw.decode("utf-8")  # folding never splits a UTF-8 character
    cal = Calendar.from_ical(data)
    events = [c for c in cal.walk("VEVENT")]
    by_uid = {str(e["uid"]): e for e in events}
    assert len(events) == 3  # "Thường xuyên" has no day to put in a calendar
    q2 = next(e for e in events if "Họp" in str(e["summary"]))
    assert q2["dtstart"].dt == dt.date(2025, 6, 30) and q2["dtend"].dt == dt.date(2025, 7, 1)
    rec = next(e for e in events if "Cập nhật" in str(e["summary"]))
    # no day in the text: the last day of each quarter, said to be placed; never before the plan's date
    assert rec["rrule"]["FREQ"] == ["YEARLY"] and rec["rrule"]["BYMONTH"] == [3, 6, 9, 12]
    assert rec["rrule"]["BYMONTHDAY"] == [-1] and rec["dtstart"].dt == dt.date(2025, 3, 31)
    assert "cuối mỗi kỳ" in str(rec["description"])
    assert all(u.endswith("@kehoach") for u in by_uid)


def test_csv_one_row_per_bar(tricky):
    rows = list(csv.reader(io.StringIO(render_timeline(tricky, "csv").decode("utf-8-sig"))))
    assert rows[0][:5] == ["Đơn vị chủ trì", "Mã", "Nhiệm vụ", "Bắt đầu", "Kết thúc"]
    assert len(rows) == 5
    placed = {r[1]: r[5:7] for r in rows[1:]}
    assert placed["A1.1"] == ["không", "không"] and placed["A1.4"] == ["có", "có"]


def test_html_escapes_document_text(tricky):
    page = render_timeline(tricky, "html", today=dt.date(2025, 5, 1)).decode("utf-8")
    assert "tỷ lệ &lt; 30% &amp; &quot;khẩn&quot;" in page and "tỷ lệ < 30%" not in page
    assert "<script" not in page
    assert "http" not in page.split("<svg", 1)[0].replace('xmlns="http://www.w3.org/2000/svg"', "")  # no CDN


@pytest.mark.parametrize("name", SEEDS)
def test_html_gantt_in_a_real_browser(name, tmp_path, in_root):
    plan = extract_file(f"samples/{name}")
    page = tmp_path / "gantt.html"
    page.write_bytes(render_timeline(plan, "html", today=dt.date(2023, 6, 1)))
    dom = browser.dump_dom(page, tmp_path / "profile")
    bars = re.findall(r'<rect class="bar[^"]*" data-task="([^"]+)"', dom)
    assert len(bars) == len(plan["tasks"]) and len(set(bars)) == len(bars)
    shots = Path(os.environ.get("KEHOACH_ARTIFACTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    png = shots / (Path(name).stem + ".gantt.png")
    browser.screenshot(page, png, tmp_path / "profile2")
    assert png.exists() and png.stat().st_size > 10_000


@pytest.mark.parametrize("name", SEEDS)
def test_mermaid_renders_in_mermaid_itself(name, tmp_path, in_root):
    js = browser.mermaid_js()
    plan = extract_file(f"samples/{name}")
    text = render_timeline(plan, "mermaid").decode("utf-8")
    n = check_gantt(text)
    page = tmp_path / "m.html"
    page.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
        f"<pre id='src'>{html.escape(text)}</pre><div id='out'>pending</div><div id='svg'></div>"
        f"<script src='{js.as_uri()}'></script><script>"
        "mermaid.initialize({startOnLoad:false});"
        "mermaid.render('g', document.getElementById('src').textContent)"
        ".then(r=>{document.getElementById('svg').innerHTML=r.svg;"
        "document.getElementById('out').textContent='OK '+document.querySelectorAll('#svg rect.task').length;})"
        ".catch(e=>{document.getElementById('out').textContent='ERR '+e;});"
        "</script></body></html>", encoding="utf-8")
    dom = browser.dump_dom(page, tmp_path / "profile", budget_ms=15000)
    m = re.search(r'<div id="out">([^<]*)</div>', dom)
    assert m and m.group(1).startswith("OK"), m.group(1) if m else dom[-500:]
    assert int(m.group(1).split()[1]) == n


RECURRING = """Số: 9/KH-UBND
Huế, ngày 20 tháng 3 năm 2023
KẾ HOẠCH
Cải thiện môi trường kinh doanh năm 2023
I. TỔ CHỨC THỰC HIỆN
STT\tNội dung\tCơ quan chủ trì\tThời hạn
1\tBáo cáo tình hình\tSở Nội vụ\tĐịnh kỳ trước ngày 15 tháng 6 và ngày 15 tháng 12 hằng năm
2\tKiểm tra công vụ\tSở Nội vụ\t6 tháng/lần
3\tCập nhật số liệu\tSở Tài chính\tTrước ngày 20 hằng tháng
4\tTuyên truyền\tSở Tư pháp\tThường xuyên
5\tTổng kết\tSở Tư pháp\tTháng 12/2023
"""


def test_ics_recurring_days_come_from_the_text_and_never_precede_the_plan():
    from icalendar import Calendar

    from kehoach.export.calendar import dropped_tasks

    plan = extract_bytes(RECURRING.encode("utf-8"), "rec.txt")
    assert [t["deadline"]["recurrence"] for t in plan["tasks"]][:4] == ["semiannual+annual", "semiannual", "monthly", "continuous"]
    cal = Calendar.from_ical(render_timeline(plan, "ics"))
    ev = {str(e["summary"]): e for e in cal.walk("VEVENT")}
    issued = dt.date(2023, 3, 20)
    report = ev["Báo cáo tình hình"]
    assert report["rrule"]["BYMONTH"] == [6, 12] and report["rrule"]["BYMONTHDAY"] == [15]
    assert report["dtstart"].dt == dt.date(2023, 6, 15)
    check = ev["Kiểm tra công vụ"]
    assert check["dtstart"].dt == dt.date(2023, 6, 30) and check["rrule"]["BYMONTHDAY"] == [-1]
    monthly = ev["Cập nhật số liệu"]
    assert monthly["rrule"]["FREQ"] == ["MONTHLY"] and monthly["dtstart"].dt == dt.date(2023, 3, 20)
    assert all(e["dtstart"].dt >= issued for e in ev.values())
    assert "Tuyên truyền" not in ev and dropped_tasks(plan) == (1, 5)
    assert "1/5 nhiệm vụ" in str(cal["x-wr-caldesc"])
    # every occurrence the rule gives falls on a day the text names
    from dateutil.rrule import rrulestr

    rule = rrulestr(report["rrule"].to_ical().decode(), dtstart=dt.datetime(2023, 6, 15))
    assert {(d.day, d.month) for d in rule} == {(15, 6), (15, 12)}


def test_cli_says_how_many_tasks_the_calendar_leaves_out(tmp_path):
    from click.testing import CliRunner

    from kehoach.cli import main

    src = tmp_path / "rec.txt"
    src.write_text(RECURRING, encoding="utf-8")
    r = CliRunner().invoke(main, ["export", "timeline", str(src), "-o", str(tmp_path / "lich.ics")])
    assert r.exit_code == 0
    assert "1 of 5 tasks have no day to put in a calendar" in r.stderr


ONE_YEAR = """Số: 12/KH-UBND
Huế, ngày 5 tháng 1 năm 2024
KẾ HOẠCH
Chuyển đổi số năm 2024
I. MỤC TIÊU
Hoàn thành các nhiệm vụ trong năm.
II. TỔ CHỨC THỰC HIỆN
STT\tNội dung\tCơ quan chủ trì\tThời hạn
1\tXây dựng kho dữ liệu dùng chung của tỉnh và kết nối với các hệ thống thông tin của bộ, ngành\tSở Nội vụ\t2021-2025
2\tXây dựng kho dữ liệu dùng chung của tỉnh phục vụ chỉ đạo điều hành của Ủy ban nhân dân tỉnh\tSở Nội vụ\tQuý II/2024
3\tĐào tạo kỹ năng số\tSở Tư pháp\tTháng 11/2024
"""


def test_html_axis_fits_the_plan_period_and_clips_what_lies_outside():
    plan = extract_bytes(ONE_YEAR.encode("utf-8"), "cds.txt")
    page = render_timeline(plan, "html", today=dt.date(2024, 6, 1)).decode("utf-8")
    months = re.findall(r'<g class="axis">(.*?)</g>', page)[0]
    labels = re.findall(r">(\d\d/\d{4})<", months)
    assert labels[0] == "01/2024" and labels[-1] == "12/2024"  # one year, not 2021-2025
    assert re.search(r'data-task="A1.1" data-clipped="both"', page)
    assert "1 nhiệm vụ vượt ra ngoài thời gian này" in page
    # numbered labels, titles that begin alike stay apart (wrapped, not cut at the same place)
    labels = ["".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", t)) for t in re.findall(r'<text class="label"[^>]*>(.*?)</text>', page)]
    assert [label.split(".")[0] for label in labels] == ["1", "2", "3"]
    assert len(set(labels)) == 3 and "các hệ thống" in labels[0] and "chỉ đạo" in labels[1]
    assert "@page{size:A4 landscape" in page


def test_html_of_a_document_that_is_not_a_plan_says_so(in_root):
    news = extract_file("samples/ha-nam-tin-kcn-2019-khong-phai-ke-hoach.txt")
    page = render_timeline(news, "html").decode("utf-8")
    assert "không phải là kế hoạch" in page and "Thời gian thực hiện: 01/01" not in page


def test_html_gantt_prints_on_a4_landscape(tmp_path, in_root):
    plan = extract_file("samples/thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt")
    page = tmp_path / "gantt.html"
    page.write_bytes(render_timeline(plan, "html", today=dt.date(2023, 6, 1)))
    pdf = tmp_path / "gantt.pdf"
    browser.run(["--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()], tmp_path / "profile")
    from pypdfium2 import PdfDocument

    doc = PdfDocument(str(pdf))
    w, h = doc[0].get_size()
    assert w > h and abs(w - 842) < 2  # A4 landscape
    first = doc[0].get_textpage().get_text_range()
    assert "A1.1." in first  # the chart starts on the first page, under the title
    axis_pages = sum("12/2023" in doc[k].get_textpage().get_text_range() for k in range(len(doc)))
    assert axis_pages >= 2  # every printed group carries its own month axis
    shots = os.environ.get("KEHOACH_ARTIFACTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        (Path(shots) / "gantt-printed.pdf").write_bytes(pdf.read_bytes())


@pytest.mark.parametrize("text,recurrence,day", [
    ("Định kỳ từ ngày 1 đến ngày 5 hằng tháng", "monthly", 5),
    ("từ ngày 10 - 15 hằng tháng", "monthly", 15),
    ("Trước ngày 20 hằng tháng", "monthly", 20),
])
def test_a_window_of_days_each_period_is_due_on_its_last_day(text, recurrence, day):
    from kehoach.export.calendar import repeat_of

    assert [r.day for r in repeat_of(text, recurrence)] == [day]
