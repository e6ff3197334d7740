"""Warning codes: the one registry every extractor and reader builds its warnings from.

A warning is what kehoach noticed and could not settle; it never stops an extraction. Every code
that can appear in a plan's ``warnings`` is listed in :data:`CODES` with the sentence the README's
warning table shows for it (a test keeps the two equal), and every warning is made by
:func:`warning`, which refuses a code that is not registered. To add a code: add a line here,
then run ``python scripts/readme_tables.py`` to refresh the README table.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from typing import Any

    from .model import PlanWarning

CODES: dict[str, str] = {
    # which document this is
    "not-a-plan": "the document does not read as a plan (no plan type line with numbered sections)",
    "plan-parts-unread": "the header says the document is a plan (its KẾ HOẠCH type line, its '…/KH-…' symbol, a decision issuing a plan) but no numbered part of it was read: the text may be cut, or the plan published as a file of its own; it has no sections, targets or tasks",
    "type-name-missing": "no document type line (KẾ HOẠCH …) was found in the header",
    "appendix-alone": "a plan's appendix published as a file of its own: its tasks are read, its header is the plan's as the appendix names it, and the plan's sections are not in it",
    "attachment-not-plan": "a decision issues a document of another kind than a plan (Đề án, Phương án, Chương trình công tác); its sections, targets and tasks are read as a plan's",
    # header fields
    "number-blank": "the number is left blank in the document (stamped at signing); it stays empty",
    "number-missing": "no document number was found",
    "date-missing": "no issue date was found",
    "date-blank": "the date line leaves day and month blank (stamped at signing); the date stays empty",
    "signer-missing": "a plan, or a document whose 'Nơi nhận' was read, whose signer's name was not read (the signature block was not found or not understood)",
    "signer-title-cut": "a line of the signature block is a piece of a title cut by a seal or a tear (read by OCR); the signer's title and capacity may be wrong or missing",
    "signer-second": "a second signature stands beside the first (a joint plan of two bodies); document.signer holds the first only",
    "issuer-missing": "no issuing body was found",
    "issuer-uncertain": "under the issuing committee the header names a second, lower one (a ward's, a commune's) that could not be read whole; the issuer given is the committee above it",
    "inferred": "header fields were recovered from elsewhere in the document (listed in document.inferred)",
    "backref-mismatch": "an appendix's back-reference ('Kèm theo Kế hoạch số …') disagrees with the header",
    "symbol-repaired": "the number's symbol was repaired (a hyphen missing in the text)",
    # structure
    "duplicate-number": "a section number appears twice at the same level",
    "numbering-gap": "a section number skips one or more numbers",
    "section-unnumbered": "the body's parts open with headings in capitals and no number; they were read as the top sections I, II, … in order (marked inferred); or one such heading stands among numbered parts: after the last it is read as the next part, before it as text",
    # tables
    "table-row-joined": "a table row split by a page break was joined back together",
    "table-cells-joined": "in a table aligned with spaces two cells stood one space apart and were parted where the next column starts, though the words next to the split could belong to either cell",
    "agency-cut": "in a table aligned with spaces a cell ends in an agency's head word (\"Sở\", \"Trung tâm\") with no name after it: the name was cut where two columns meet, its rest in the next column",
    "table-cell-spilled": "in a table aligned with spaces an agency cell starts in lower case right under the row above's: its words may go on with that cell (a cell merged over rows, printed from the top; with cells set at the top they are read with it, and both rows say so)",
    "table-text-outside": "a Markdown table is followed, with no blank line between, by a line going on in lower case: a converter put part of a cell outside the table (a PDF's table cut into pieces), so the row above it may be cut short",
    "table-columns-lost": "a table aligned with spaces could not be followed past a line where a cell's text runs one space from the next column; its rows from there on are not read",
    "table-rows-interleaved": "in a table aligned with spaces a row's number stands below some of its lines and rows are not set apart by blank lines, so lines of neighbouring rows may be mixed up",
    "footnote-marker-glued": "a task word ends with the number of one of the document's footnotes ('xã1'): probably its marker glued to the word, left in place",
    "table-flattened": "a table written one cell a line (a word processor's text export) was read back by its columns, and a row's lines could be shared out among its cells another way",
    "table-row-split": "a table cell held several numbered rows and was split",
    "table-no-header": "a table has no header row kehoach can read; its rows are not tasks",
    "combined-column-unlabelled": "a combined lead/support cell has no labels; the split is a guess",
    "deadline-unparsed": "a deadline text gives no date kehoach can read",
    "period-reversed": "a period or deadline names a span that ends before it starts ('giai đoạn 2025-2021'); no dates were read from it",
    "deadline-before-issue": "a task's deadline ends before the plan was issued ('Quý IV/2024' in a plan of May 2025): read as written, though the source may repeat an older plan's row or mistype the year; a time of the plan's own year ('Quý I/2026' in a plan of April 2026) is said to come before a plan issued late",
    "deadline-year-inferred": "deadlines name a day, month or quarter with no year ('chậm nhất ngày 15/12'): read in the plan's one year",
    "body-task-unread": ("an item of a task section names a lead agency ('chủ trì'), or an item of the implementation part "
                         "gives a duty to someone no vocabulary knows ('Cấp xã: chủ động …'), or an item opens with an "
                         "agency's name and a verb written inside names too ('Trung tâm A quản lý …': where does the "
                         "name end?), but no task was read from it"),
    "target-unsure": "a target was read with a doubt: its unit runs on for many words, or a change's figure after 'từ' has no figure it goes to (the value may be the baseline), or a change's two figures disagree with its verb or units",
    "task-without-lead": "a task has no lead agency",
    "task-repealed": "a table row repeals a task of the plan amended (under a group row 'Nhiệm vụ bãi bỏ', or its change or note saying 'Bãi bỏ'), with no agency and no time: it is not listed as a task",
    "lead-cooperates": "a body sentence gives its agency only 'phối hợp' (cooperate), with no partner and no other lead named, or with a partner that 'chủ trì' follows ('Sở A phối hợp với Sở B chủ trì …'): the agency is read as the lead, which the words leave open",
    "task-without-title": "a table row gave a task with no text in a task column (its header was not read as one); its cells are kept in the note",
    "lead-not-agency": "a task's lead does not read as an agency name (a shifted cell, a cut name, a phrase taken for an agency?)",
    "lead-basis-owners": "a body sentence's clause of basis ends in the groups whose work it names and runs on into a group as its subject ('căn cứ kế hoạch được giao của các sở, ngành, UBND các phường xây dựng …'): both are read as the lead, though the subject may be the last group alone",
    "lead-role": "a task's lead names no agency but a role, the bodies the plan gives work ('Các đơn vị được giao chủ trì các nội dung của Đề án'): kept as written; which agencies it means is in the plan's other tasks",
    "agency-dangling": "a task's lead or cooperating agency ends in a word no name ends with ('và', 'các', 'của', a comma): the name was cut and its rest read elsewhere or lost",
    "table-sub-rows": "rows under a task row that repeat or leave out its number, task and agencies (cells merged down) and give a deliverable and a time of their own were read as its sub-rows: their cells go on the task, whose deadline runs to the last time",
    "table-realigned": "a table row had fewer cells than the table (a scrape of merged cells); the missing cells were placed where every cell fits its column and take the cell above",
    "school-year": "deadlines name a school year ('năm học 2025-2026'): read as 1 September to 31 May, the general-school calendar",
    "crop-season": "deadlines name a crop season ('vụ Đông Xuân 2025-2026', 'vụ Hè Thu 2026'): read as the season's usual months across the regions; a province's crop calendar is narrower",
    "deadline-from-title": "a table has no deadline column; its rows take the time its title ends with ('… đến năm 2030')",
    "deadline-from-group": "a task row has no time of its own; it takes the time its group row names and nothing else ('II | QUÝ II/2026', 'Các nhiệm vụ thường xuyên')",
    "deadline-from-note": "a table has no deadline column; a row takes the time its note gives, led by the word that makes it one ('Trước ngày 30/4/2026')",
    "table-carried-down": "a task row's lead, support or deadline cell is empty; the cell of the row above (or below, when cells are centred) was taken (a cell merged down, which text exports write once): the message names the other reading",
    "table-empty-after-break": "a task row's support or deadline cell is empty in the first row after a page break, under a filled one, in a table that leaves other cells empty: it is left empty, though it could be the cell above merged over the break (the message says which)",
    "table-row-shifted": "a table row's cells stand a column off (a scrape lost or added an empty cell): a task row's support column holds a time and its deadline column nothing (the time is read as the deadline, the support left empty), or an indicator row has no name but words under a year (its figures are not read)",
    "table-misaligned": "a table row's cells do not fit their columns (a date in the lead column, an agency in the deadline column)",
    "tasks-none": "a plan with numbered sections gave no task at all (no appendix table of tasks, no agency assigned work in its body)",
    "appendix-unread": "the document announces an appendix, or has a table with a lead column, yet no appendix task came out",
    "coverage-low": "less than 90% of the plan's lines were placed in the output (quality.coverage); see quality.unplaced",
    # labelled task blocks
    "label-empty": "a label of a task block ('Cơ quan chủ trì:', 'Thời gian thực hiện:' …) has no value",
    "labelled-no-title": "a labelled task block names agencies but no task (no heading, 'Nội dung' or first line)",
    # inputs
    "portal-mismatch": "a portal page's metadata table disagrees with the document's own header (the document's is kept)",
    "source-cut": "a line of dots where the source (a portal page) cut rows or paragraphs out",
    "legacy-encoding": "the text is not UTF-8 and was decoded as Windows-1258",
    "legacy-encoding-converted": "the text was in a legacy 8-bit Vietnamese encoding (TCVN3, VNI) and was converted to Unicode",
    "invalid-bytes": "a few bytes of a UTF-8 file were not UTF-8 and were replaced with '\ufffd'",
    "legacy-font": "a Word file uses legacy 8-bit Vietnamese fonts (TCVN3, VNI) that were not converted",
    "text-layer-repaired": "a PDF's text layer cut words apart or ran them together (tone marks as separate glyphs, letter-spaced headings); they were repaired from Vietnamese syllables",
    "page-without-text": "a PDF page holds only an image among pages with text (a scanned page): its text is not read without --ocr",
    "ocr": "the text comes from OCR, or OCR text was corrected from the document's structure (line given)",
    "word-part-unread": "a Word file embeds objects (a pasted worksheet) or imported parts whose text was not read",
    "text-box": "a Word file holds text boxes, read as paragraphs before the paragraph they are anchored to: check their order",
}
"""Every warning code, with the sentence that explains it to a user."""


def warning(code: str, message: str, loc: dict[str, Any] | None = None) -> PlanWarning:
    """One warning as the plan model has it: ``{code, message, loc}``.

    >>> warning("date-missing", "no date", {"line": 3, "page": None})["code"]
    'date-missing'
    """
    if code not in CODES:
        raise ValueError(f"unregistered warning code {code!r}: add it to kehoach.diagnostics.CODES")
    return {"code": code, "message": message, "loc": loc}
