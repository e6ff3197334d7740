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
    assert rec["rrule"]["FREQ"] == ["MONTHLY"] and rec["rrule"]["INTERVAL"] == [3]
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
