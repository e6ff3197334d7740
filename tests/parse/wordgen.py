"""One small plan written as Word writes it, in hostile-but-real variations (raw WordprocessingML).

:func:`build` returns the .docx bytes of the same plan (a header block, three sections, an appendix
table of seven tasks under two group rows) with the variations named in ``kinds`` applied: tracked
changes, comments, bookmarks, fields, content controls, text boxes, header tables in other places,
merged and nested cells, hidden text, automatic numbering in its several forms, section breaks,
footnotes and endnotes. Each variation changes how the plan is stored, never what a reader sees, so
the extracted header and tasks must equal the clean file's. ``seed`` picks where inline decorations
cut the text.
"""

from __future__ import annotations

import io
import random
import zipfile
from xml.sax.saxutils import escape

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "v": "urn:schemas-microsoft-com:vml",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
}
XMLNS = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items()) + ' mc:Ignorable="w14"'

ISSUER = ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG NAI"]
NUMBER = "Số: 57/KH-UBND"
MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
DATE = "Đồng Nai, ngày 12 tháng 3 năm 2025"
TITLE = ["KẾ HOẠCH", "Triển khai chuyển đổi số trong cơ quan nhà nước năm 2025"]
# (level, label, text); level 0 "I.", 1 "1.", 2 "1.1.", 3 "a)"; None: a paragraph of text
BODY = [
    (0, "I.", "MỤC ĐÍCH, YÊU CẦU"),
    (1, "1.", "Mục đích"),
    (None, "", "Nâng cao hiệu quả hoạt động của cơ quan nhà nước trên môi trường số."),
    (1, "2.", "Yêu cầu"),
    (3, "a)", "Bảo đảm đồng bộ, thống nhất giữa các cơ quan, đơn vị."),
    (3, "b)", "Bảo đảm an toàn, an ninh thông tin."),
    (0, "II.", "NHIỆM VỤ, GIẢI PHÁP"),
    (1, "1.", "Hoàn thiện thể chế"),
    (2, "1.1.", "Rà soát các văn bản quy phạm pháp luật về quản lý dữ liệu."),
    (2, "1.2.", "Bổ sung quy định về lưu trữ hồ sơ điện tử."),
    (1, "2.", "Phát triển hạ tầng số"),
    (3, "a)", "Nâng cấp mạng truyền số liệu chuyên dùng."),
    (3, "b)", "Triển khai nền tảng tích hợp, chia sẻ dữ liệu."),
    (0, "III.", "TỔ CHỨC THỰC HIỆN"),
    (None, "", "Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này."),
]
CLOSING = "Trên đây là Kế hoạch triển khai chuyển đổi số năm 2025 của Ủy ban nhân dân tỉnh."
SIGNER = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Trần Văn Bình"]
RECIPIENTS = ["Nơi nhận:", "- Bộ Khoa học và Công nghệ;", "- Các sở, ban, ngành;", "- Lưu: VT."]
APPENDIX = ["PHỤ LỤC", "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2025",
            "(Kèm theo Kế hoạch số 57/KH-UBND ngày 12/3/2025 của UBND tỉnh Đồng Nai)"]
COLUMNS = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
# (no, title, lead, support, deadline); a row with only a roman number and a title is a group row
ROWS = [
    ("I", "Hoàn thiện thể chế, chính sách", None, None, None),
    ("1", "Xây dựng quy chế quản lý hệ thống thông tin báo cáo", "Sở Khoa học và Công nghệ", "Các sở, ban, ngành", "Quý II/2025"),
    ("2", "Rà soát danh mục dịch vụ công trực tuyến toàn trình", "Sở Khoa học và Công nghệ", "Sở Tư pháp", "Quý III/2025"),
    ("3", "Ban hành quy định về lưu trữ hồ sơ điện tử", "Sở Nội vụ", "Các cơ quan, đơn vị liên quan", "Tháng 6/2025"),
    ("II", "Phát triển hạ tầng số", None, None, None),
    ("4", "Nâng cấp mạng truyền số liệu chuyên dùng", "Sở Tài chính", "Sở Khoa học và Công nghệ", "Năm 2025"),
    ("5", "Bố trí kinh phí duy trì hạ tầng dùng chung", "Sở Tài chính", "Các sở, ban, ngành", "Hằng năm"),
    ("6", "Bảo đảm an toàn thông tin cho hệ thống dùng chung", "Công an tỉnh", "Sở Khoa học và Công nghệ", "Thường xuyên"),
    ("7", "Vận hành hệ thống quản lý văn bản điều hành", "Văn phòng Ủy ban nhân dân tỉnh", "Các sở, ban, ngành", "Quý IV/2025"),
]
JUNK = "BẢN NHÁP CŨ "
"""Text a reader never sees (deleted, hidden, moved away, a field's code): must not be read."""


def _t(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def _r(text: str, props: str = "") -> str:
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{_t(text)}</w:r>"


class Doc:
    """The parts of one rendering; ``kinds`` are the variations applied."""

    def __init__(self, kinds: set[str], seed: int) -> None:
        self.kinds = kinds
        self.rng = random.Random(seed)
        self.ids = 0
        self.footnotes: list[str] = []
        self.endnotes: list[str] = []
        self.comments: list[str] = []
        self.header_xml = ""
        self.styles_numbered = bool({"numstyle", "numstyle_ilvl"} & kinds)
        self.tops = 0  # level-0 headings so far

    def next_id(self) -> int:
        self.ids += 1
        return self.ids

    def runs(self, text: str) -> str:
        """``text`` as the runs of one paragraph, cut and decorated as the variations say."""
        k = self.kinds
        if not text:
            return ""
        words = text.split(" ")
        cut = self.rng.randint(1, max(1, len(words) - 1)) if len(words) > 1 else 1
        a, b = " ".join(words[:cut]), " ".join(words[cut:])
        b = (" " + b) if b else ""
        out = _r(a)
        tail = _r(b) if b else ""
        i = self.next_id()
        if "rsid" in k:  # Word's revision ids cut runs anywhere, even inside a syllable
            out = "".join(_r(a[j:j + 3]) for j in range(0, len(a), 3)) + '<w:proofErr w:type="spellStart"/>'
        if "tracked" in k:
            out += f'<w:del w:id="{i}" w:author="A" w:date="2025-01-01T00:00:00Z"><w:r><w:delText>{escape(JUNK)}</w:delText></w:r></w:del>'
            tail = f'<w:ins w:id="{i + 1000}" w:author="A" w:date="2025-01-01T00:00:00Z">{tail}</w:ins>' if tail else ""
        if "moved" in k:
            out += f'<w:moveFrom w:id="{i}" w:author="A"><w:r><w:t>{escape(JUNK)}</w:t></w:r></w:moveFrom>'
            tail = f'<w:moveTo w:id="{i + 1000}" w:author="A">{tail}</w:moveTo>' if tail else ""
        if "comments" in k:
            self.comments.append(f'<w:comment w:id="{i}" w:author="A"><w:p>{_r("Xem lại câu chữ")}</w:p></w:comment>')
            out = f'<w:commentRangeStart w:id="{i}"/>{out}<w:commentRangeEnd w:id="{i}"/>' \
                  f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="{i}"/></w:r>'
        if "bookmarks" in k:
            out = f'<w:bookmarkStart w:id="{i}" w:name="_Toc{i}"/>{out}<w:bookmarkEnd w:id="{i}"/>'
        if "hyperlink" in k and tail:
            tail = f'<w:hyperlink w:anchor="_Toc{i}" w:history="1">{tail}</w:hyperlink>'
        if "fldsimple" in k and tail:
            tail = f'<w:fldSimple w:instr=" MERGEFIELD muc{i} ">{tail}</w:fldSimple>'
        if "fldchar" in k and tail:
            tail = (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK \\l "_Toc{i}" </w:instrText></w:r>'
                    f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{tail}<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        if "sdt_inline" in k and tail:
            tail = f"<w:sdt><w:sdtPr><w:id w:val=\"{i}\"/></w:sdtPr><w:sdtContent>{tail}</w:sdtContent></w:sdt>"
        if "smarttag" in k:
            out = f'<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">{out}</w:smartTag>'
        if "vanish" in k:
            out += _r(JUNK, "<w:vanish/>")
        return out + tail

    def para(self, text: str, props: str = "", level: int | None = None, label: str = "") -> str:
        """A body paragraph; a numbered heading's label typed, or Word's numbering when asked."""
        ppr = props
        self.tops += level == 0
        auto = {"numpr", "numstyle", "numstyle_ilvl", "numcontinue", "numsep", "lvloverride", "numstylelink"} & self.kinds
        if level is not None and auto:
            if "numstyle_ilvl" in self.kinds and level < 3:  # the style names the list, the paragraph its level
                ppr += f'<w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="{level}"/></w:numPr>'
            elif self.styles_numbered:
                ppr += f'<w:pStyle w:val="Heading{level + 1}"/>'
                if level == 3 and self.tops > 1:  # Word's "restart numbering": a new instance on the paragraph
                    ppr += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="6"/></w:numPr>'
            else:
                ppr += self.numpr(level)
        elif label:
            text = f"{label} {text}"
        return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{self.runs(text)}</w:p>"

    def numpr(self, level: int) -> str:
        k = self.kinds
        if level == 3:  # the lettered lists are lists of their own; the second restarts at a)
            num = 2 if self.tops == 1 else 7 if "numsep" in k else 6
            return f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'
        # an instance of the same list after the first part numbers on ("II.", not "I.")
        num = 8 if "lvloverride" in k else 9 if "numstylelink" in k else 5 if "numcontinue" in k and self.tops > 1 else 1
        return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'

    def footnote(self, text: str, end: bool = False) -> str:
        notes = self.endnotes if end else self.footnotes
        fid = len(notes) + 1
        kind = "endnote" if end else "footnote"
        notes.append(f'<w:{kind} w:id="{fid}"><w:p><w:r><w:{kind}Ref/></w:r>{_r(" " + text)}</w:p></w:{kind}>')
        return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Reference w:id="{fid}"/></w:r>'


def _cell(doc: Doc, paras: list[str], width: int = 1800, props: str = "", raw: str = "") -> str:
    body = raw or "".join(f"<w:p>{doc.runs(p)}</w:p>" for p in paras) or "<w:p/>"
    cell = f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{props}</w:tcPr>{body}</w:tc>'
    if "sdt_cell" in doc.kinds:
        cell = f"<w:sdt><w:sdtPr/><w:sdtContent>{cell}</w:sdtContent></w:sdt>"
    return cell


def _table(rows: list[str], cols: int, borders: bool = True) -> str:
    b = ("<w:tblBorders>" + "".join(f'<w:{s} w:val="single" w:sz="4"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
         + "</w:tblBorders>") if borders else '<w:tblBorders><w:top w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
    grid = "".join('<w:gridCol w:w="1800"/>' for _ in range(cols))
    return f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>{b}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>'


def _row(cells: str, props: str = "") -> str:
    return f"<w:tr>{f'<w:trPr>{props}</w:trPr>' if props else ''}{cells}</w:tr>"


def header_block(doc: Doc) -> str:
    """The header block: a two-column borderless table (issuer and number left, motto and date right)."""
    k = doc.kinds
    if {"textbox", "textbox_vml"} & k:
        left = [*ISSUER, NUMBER]
        right = [*MOTTO, DATE]
        return f"<w:p>{_textbox(doc, left, 1)}{_textbox(doc, right, 2)}</w:p>"
    top = _row(_cell(doc, ISSUER, 3600) + _cell(doc, MOTTO, 5400))
    bottom = _row(_cell(doc, [NUMBER], 3600) + _cell(doc, [DATE], 5400))
    spacer = _row(_cell(doc, [], 3600) + _cell(doc, [], 5400))
    if "header_one_row" in k:  # each side in one cell, a short rule between issuer and number
        top = _row(_cell(doc, [*ISSUER, "-------", NUMBER], 3600) + _cell(doc, [*MOTTO, "---------------", DATE], 5400))
        bottom = spacer = ""
    if "header_gap" in k:  # an empty middle column keeps the two sides apart
        top = _row(_cell(doc, ISSUER, 3600) + _cell(doc, [], 600) + _cell(doc, MOTTO, 5400))
        bottom = _row(_cell(doc, [NUMBER], 3600) + _cell(doc, [], 600) + _cell(doc, [DATE], 5400))
    if "header_spacer" in k:
        rows = [spacer, top, spacer, bottom, spacer]
    else:
        rows = [top, bottom]
    if "header_split" in k:
        block = _table([top], 2, borders=False) + "<w:p/>" + _table([bottom], 2, borders=False)
    else:
        block = _table(rows, 2, borders=False)
    if "header_part" in k:
        doc.header_xml = block + "<w:p/>"
        return ""
    return block


def _textbox(doc: Doc, lines: list[str], n: int) -> str:
    paras = "".join(f"<w:p>{doc.runs(line)}</w:p>" for line in lines)
    vml = (f'<w:pict><v:shape id="tb{n}" style="position:absolute;width:200pt;height:60pt"><v:textbox>'
           f"<w:txbxContent>{paras}</w:txbxContent></v:textbox></v:shape></w:pict>")
    if "textbox_vml" in doc.kinds:
        return f"<w:r>{vml}</w:r>"
    drawing = (f'<w:drawing><wp:anchor behindDoc="0" distT="0" distB="0" distL="0" distR="0" simplePos="0" locked="0" '
               f'layoutInCell="1" allowOverlap="1" relativeHeight="{n}"><wp:simplePos x="0" y="0"/>'
               f'<wp:positionH relativeFrom="column"><wp:posOffset>{n * 2000000}</wp:posOffset></wp:positionH>'
               f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
               f'<wp:extent cx="2500000" cy="800000"/><wp:wrapNone/><wp:docPr id="{n}" name="Text Box {n}"/>'
               f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
               f"<wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:spPr/><wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx>"
               f"<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>")
    return (f"<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">{drawing}</mc:Choice>"
            f"<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r>")


def body(doc: Doc) -> str:
    k = doc.kinds
    out = [header_block(doc)]
    out += [doc.para(TITLE[0], '<w:jc w:val="center"/>'), doc.para(TITLE[1], '<w:jc w:val="center"/>')]
    for n, (level, label, text) in enumerate(BODY):
        p = doc.para(text, level=level, label=label)
        if "footnotes" in k and n == 2:
            p = p.replace("</w:p>", doc.footnote("Theo số liệu tổng hợp năm 2024.") + "</w:p>")
        if "footnotes" in k and n == 4:
            p = p.replace("</w:p>", doc.footnote("Ghi chú cuối văn bản về cách tính.", end=True) + "</w:p>")
        if "sdt_block" in k and n in (1, 2, 6):
            p = f"<w:sdt><w:sdtPr/><w:sdtContent>{p}</w:sdtContent></w:sdt>"
        out.append(p)
        if "deleted_para" in k and n == 7:  # a numbered paragraph deleted whole, mark and all (tracked)
            auto = {"numpr", "numcontinue", "numsep", "lvloverride", "numstylelink"} & k
            ppr = doc.numpr(2) if auto else ""
            gone = ("" if auto else "1.1. ") + JUNK
            out.append(f'<w:p><w:pPr>{ppr}<w:rPr><w:del w:id="9{n}" w:author="A"/></w:rPr></w:pPr>'
                       f'<w:del w:id="8{n}" w:author="A"><w:r><w:delText>{escape(gone)}</w:delText></w:r></w:del></w:p>')
    if "vanish" in k:
        out.append(f"<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>{_r(JUNK + 'ghi chú nội bộ', '<w:vanish/>')}</w:p>")
    out.append(doc.para(CLOSING))
    sig = _row(_cell(doc, RECIPIENTS, 4500) + _cell(doc, [s for s in SIGNER if s], 4500))
    out.append(_table([sig], 2, borders=False))
    landscape = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" '
                 'w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>')
    if "landscape" in k:
        out.append(f"<w:p><w:pPr>{landscape}</w:pPr></w:p>")
    else:
        out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
    out += [doc.para(line, '<w:jc w:val="center"/>') for line in APPENDIX]
    out.append(appendix(doc))
    out.append("<w:p/>")  # Word always ends the body with a paragraph
    return "".join(out)


def _task_cells(doc: Doc, row: tuple, merged: dict[int, str]) -> str:
    no, title, lead, support, deadline = row
    k = doc.kinds
    title_paras = [title]
    if "softbreak" in k:  # a soft line break inside the cell's paragraph
        words = title.split(" ")
        title_raw = f'<w:p>{doc.runs(" ".join(words[:3]))}<w:r><w:br/></w:r>{doc.runs(" ".join(words[3:]))}</w:p>'
    else:
        title_raw = ""
    if "footnotes" in k and no == "3":
        title_raw = f"<w:p>{doc.runs(title)}{doc.footnote('Thực hiện theo lộ trình của Bộ.')}</w:p>"
    no_cell = _cell(doc, [no], 700) if "numbered_stt" not in k else _cell(doc, [], 700, raw=f"<w:p><w:pPr>{_stt_num(no)}</w:pPr></w:p>")
    cells = no_cell + _cell(doc, title_paras, 3600, raw=title_raw)
    if "combined_tabs" in k:
        cells += _cell(doc, [], 3600, raw=f"<w:p>{_r('Chủ trì:')}<w:r><w:tab/></w:r>{doc.runs(lead)}</w:p>"
                       f"<w:p>{_r('Phối hợp:')}<w:r><w:tab/></w:r>{doc.runs(support)}</w:p>")
    else:
        lead_props = merged.get(2, "")
        cells += _cell(doc, [] if lead_props == '<w:vMerge/>' else [lead], 1800, lead_props)
        if "nested" in k and "," in support:
            inner = _table([_row(_cell(doc, [support], 1700))], 1)
            cells += _cell(doc, [], 1800, raw=inner + "<w:p/>")
        else:
            cells += _cell(doc, [support], 1800)
    cells += _cell(doc, [deadline], 1500)
    return cells


def _stt_num(no: str) -> str:
    num = "4" if no.isdigit() else "3"
    return f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'


def appendix(doc: Doc) -> str:
    k = doc.kinds
    ncols = 4 if "combined_tabs" in k else 5
    heads = COLUMNS[:2] + ["Cơ quan thực hiện"] + COLUMNS[4:] if "combined_tabs" in k else COLUMNS
    extra = 2 if {"empty_trailing", "gridafter"} & k else 0
    pad = "".join(_cell(doc, [], 400) for _ in range(extra)) if "empty_trailing" in k else ""
    after = '<w:gridAfter w:val="2"/>' if "gridafter" in k else ""
    head_props = ('<w:tblHeader/><w:cantSplit/>' if "tblheader" in k else "") + after
    if "group_column" in k:  # the group in a first column merged down over its rows, no group rows
        heads = ["Lĩnh vực", *heads]
        ncols += 1
    head = _row("".join(_cell(doc, [h]) for h in heads) + pad, head_props)
    if "two_row_header" in k and "combined_tabs" not in k and "group_column" not in k:
        # "Cơ quan thực hiện" over "Chủ trì" and "Phối hợp"; the other headings merged down both rows
        down, cont = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
        head = (_row(_cell(doc, [heads[0]], 1800, down) + _cell(doc, [heads[1]], 1800, down)
                     + _cell(doc, ["Cơ quan thực hiện"], 3600, '<w:gridSpan w:val="2"/>') + _cell(doc, [heads[4]], 1800, down) + pad, head_props)
                + _row(_cell(doc, [], 1800, cont) + _cell(doc, [], 1800, cont) + _cell(doc, ["Chủ trì"]) + _cell(doc, ["Phối hợp"])
                       + _cell(doc, [], 1800, cont) + pad, head_props))
    rows = []
    if "title_row" in k:
        rows.append(_row(_cell(doc, ["PHỤ LỤC NHIỆM VỤ"], 9000, f'<w:gridSpan w:val="{ncols + extra}"/>')))
    rows.append(head)
    leads = [r[2] for r in ROWS]
    group = ""
    for i, row in enumerate(ROWS):
        if row[2] is None and "group_column" in k:
            group = f"{row[0]}. {row[1]}"
            continue
        if row[2] is None:
            no_cell = _cell(doc, [row[0]], 700) if "numbered_stt" not in k else _cell(doc, [], 700, raw=f"<w:p><w:pPr>{_stt_num(row[0])}</w:pPr></w:p>")
            cells = no_cell + _cell(doc, [row[1]], 8000, f'<w:gridSpan w:val="{ncols - 1}"/>')
            if "group_span_all" in k:  # one cell across the table: "I. Group title"
                cells = _cell(doc, [f"{row[0]}. {row[1]}"], 8700, f'<w:gridSpan w:val="{ncols}"/>')
        else:
            merged = {}
            if "vmerge_lead" in k:
                if i + 1 < len(ROWS) and leads[i + 1] == row[2] and (i == 0 or leads[i - 1] != row[2]):
                    merged[2] = '<w:vMerge w:val="restart"/>'
                elif i > 0 and leads[i - 1] == row[2]:
                    merged[2] = "<w:vMerge/>"
            cells = _task_cells(doc, row, merged)
            if "group_column" in k:
                first = ROWS[i - 1][2] is None
                cells = _cell(doc, [group] if first else [], 1500, '<w:vMerge w:val="restart"/>' if first else "<w:vMerge/>") + cells
        rows.append(_row(cells + pad, after))
    if "sdt_row" in k:
        rows[3] = f"<w:sdt><w:sdtPr/><w:sdtContent>{rows[3]}{rows[4]}</w:sdtContent></w:sdt>"
        del rows[4]
    if "split_tables" in k:  # cut at a page break, the header row repeated in the second part
        half = len(rows) // 2 + 1
        return (_table(rows[:half], ncols + extra) + '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
                + _table([head] + rows[half:], ncols + extra))
    if "row_sections" in k:  # one table per page section, each under the repeated header
        start = 2 if "title_row" in k else 1
        parts = [_table(rows[:start + 1], ncols + extra)]
        for r in rows[start + 1:]:
            parts.append('<w:p><w:pPr><w:sectPr><w:type w:val="nextPage"/></w:sectPr></w:pPr></w:p>')
            parts.append(_table([head, r], ncols + extra))
        return "".join(parts)
    table = _table(rows, ncols + extra)
    if "sdt_table" in k:
        table = f"<w:sdt><w:sdtPr/><w:sdtContent>{table}</w:sdtContent></w:sdt>"
    return table


def numbering_xml(doc: Doc) -> str:
    lvl = '<w:lvl w:ilvl="{i}">{start}<w:numFmt w:val="{fmt}"/>{lgl}<w:lvlText w:val="{text}"/></w:lvl>'
    heading = [("upperRoman", "%1."), ("decimal", "%2."), ("decimal", "%2.%3.")]
    levels = "".join(lvl.format(i=i, start='<w:start w:val="1"/>', fmt=f, text=t, lgl="") for i, (f, t) in enumerate(heading))
    letters = lvl.format(i=0, start='<w:start w:val="1"/>', fmt="lowerLetter", text="%1)", lgl="")
    roman = lvl.format(i=0, start='<w:start w:val="1"/>', fmt="upperRoman", text="%1", lgl="")
    decimal = lvl.format(i=0, start='<w:start w:val="1"/>', fmt="decimal", text="%1", lgl="")
    plain = [("decimal", "%1."), ("decimal", "%2."), ("decimal", "%2.%3.")]
    plain_levels = "".join(lvl.format(i=i, start='<w:start w:val="1"/>', fmt=f, text=t, lgl="") for i, (f, t) in enumerate(plain))
    roman_override = lvl.format(i=0, start='<w:start w:val="1"/>', fmt="upperRoman", text="%1.", lgl="")
    out = [f'<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>',
           f'<w:abstractNum w:abstractNumId="1">{letters}</w:abstractNum>',
           f'<w:abstractNum w:abstractNumId="2">{roman}</w:abstractNum>',
           f'<w:abstractNum w:abstractNumId="3">{decimal}</w:abstractNum>',
           '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
           '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>',
           '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>',
           '<w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num>',
           f'<w:abstractNum w:abstractNumId="4">{letters}</w:abstractNum>',
           f'<w:abstractNum w:abstractNumId="5">{plain_levels}</w:abstractNum>',
           '<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>',
           '<w:num w:numId="6"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
           '<w:num w:numId="7"><w:abstractNumId w:val="4"/></w:num>',
           f'<w:num w:numId="8"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0">{roman_override}</w:lvlOverride></w:num>',
           # a list style (Word's "Define new list style"): the list a paragraph names only links to the style,
           # whose list holds the levels
           '<w:abstractNum w:abstractNumId="6"><w:multiLevelType w:val="multilevel"/><w:numStyleLink w:val="PlanHeadings"/></w:abstractNum>',
           f'<w:abstractNum w:abstractNumId="7"><w:styleLink w:val="PlanHeadings"/>{levels}</w:abstractNum>',
           '<w:num w:numId="9"><w:abstractNumId w:val="6"/></w:num>',
           '<w:num w:numId="10"><w:abstractNumId w:val="7"/></w:num>']
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {XMLNS}>{"".join(out)}</w:numbering>'


def styles_xml(doc: Doc) -> str:
    styles = ['<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
              '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr></w:style>']
    for level in range(3):
        styles.append(f'<w:style w:type="paragraph" w:styleId="Heading{level + 1}"><w:name w:val="heading {level + 1}"/>'
                      f'<w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    styles.append('<w:style w:type="numbering" w:styleId="PlanHeadings"><w:name w:val="Plan Headings"/>'
                  '<w:pPr><w:numPr><w:numId w:val="10"/></w:numPr></w:pPr></w:style>')
    styles.append('<w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="heading 4"/><w:basedOn w:val="Normal"/>'
                  '<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>')
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {XMLNS}>{"".join(styles)}</w:styles>'


def build(kinds: set[str] | frozenset[str] = frozenset(), seed: int = 0) -> bytes:
    """The plan as a .docx with the variations ``kinds``."""
    doc = Doc(set(kinds), seed)
    main = body(doc)
    rels = ['<Relationship Id="rIdNum" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>',
            '<Relationship Id="rIdSty" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>']
    parts = {"word/numbering.xml": numbering_xml(doc), "word/styles.xml": styles_xml(doc)}
    overrides = {"/word/document.xml": "document.main", "/word/numbering.xml": "numbering", "/word/styles.xml": "styles"}
    sect_refs = ""
    if doc.header_xml:
        parts["word/header1.xml"] = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {XMLNS}>{doc.header_xml}</w:hdr>'
        rels.append('<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>')
        overrides["/word/header1.xml"] = "header"
        sect_refs = '<w:headerReference w:type="first" r:id="rIdH1"/>'
    for kind, notes in (("footnote", doc.footnotes), ("endnote", doc.endnotes)):
        if notes:
            sep = f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
            parts[f"word/{kind}s.xml"] = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind}s {XMLNS}>{sep}{"".join(notes)}</w:{kind}s>'
            rels.append(f'<Relationship Id="rId{kind}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}s" Target="{kind}s.xml"/>')
            overrides[f"/word/{kind}s.xml"] = f"{kind}s"
    if doc.comments:
        parts["word/comments.xml"] = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {XMLNS}>{"".join(doc.comments)}</w:comments>'
        rels.append('<Relationship Id="rIdCom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>')
        overrides["/word/comments.xml"] = "comments"
    orient = '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' if "landscape" in doc.kinds else '<w:pgSz w:w="11906" w:h="16838"/>'
    title_pg = "<w:titlePg/>" if doc.header_xml else ""
    sect = f"<w:sectPr>{sect_refs}{orient}{title_pg}</w:sectPr>"
    parts["word/document.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {XMLNS}>'
                                  f"<w:body>{main}{sect}</w:body></w:document>")
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    types = "".join(f'<Override PartName="{p}" ContentType="{ct}{t}+xml"/>' for p, t in overrides.items())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                    f'<Default Extension="xml" ContentType="application/xml"/>{types}</Types>')
        zf.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        zf.writestr("word/_rels/document.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    f'{"".join(rels)}</Relationships>')
        for name, text in parts.items():
            zf.writestr(name, text)
    return buf.getvalue()


KINDS = ["rsid", "tracked", "moved", "comments", "bookmarks", "hyperlink", "fldsimple", "fldchar", "sdt_inline",
         "smarttag", "vanish", "sdt_block", "sdt_cell", "sdt_row", "sdt_table", "textbox", "textbox_vml",
         "header_spacer", "header_split", "header_part", "header_one_row", "header_gap", "vmerge_lead", "nested", "tblheader", "split_tables",
         "row_sections", "empty_trailing", "title_row", "softbreak", "combined_tabs", "numpr", "numstyle",
         "gridafter", "two_row_header", "group_span_all", "group_column", "deleted_para", "deleted_para+numpr", "numcontinue", "numsep", "lvloverride", "numstylelink", "numstyle_ilvl", "numbered_stt", "landscape", "footnotes"]

EXCLUSIVE = [
    ["textbox", "textbox_vml", "header_spacer", "header_split", "header_part", "header_one_row", "header_gap"],
    ["numpr", "numstyle", "numstyle_ilvl", "numcontinue", "numsep", "lvloverride", "numstylelink"],
    ["split_tables", "row_sections", "sdt_table", "sdt_row"],
    ["combined_tabs", "vmerge_lead", "nested"],
    ["empty_trailing", "gridafter"],
]
FREE = ["rsid", "tracked", "moved", "comments", "bookmarks", "hyperlink", "fldsimple", "fldchar", "sdt_inline",
        "smarttag", "vanish", "sdt_block", "sdt_cell", "tblheader", "title_row", "softbreak", "numbered_stt",
        "landscape", "footnotes", "deleted_para", "group_span_all", "two_row_header"]


def combination(seed: int) -> set[str]:
    """Several variations at once: at most one of each exclusive group, and about half of the rest."""
    rng = random.Random(seed)
    kinds = {k for k in FREE if rng.random() < 0.5}
    for group in EXCLUSIVE:
        choice = rng.choice([None, *group])
        if choice:
            kinds.add(choice)
    if {"split_tables", "row_sections"} & kinds:  # a merge cannot run from one table into the next
        kinds.discard("vmerge_lead")
    return kinds
