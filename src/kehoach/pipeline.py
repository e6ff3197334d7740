"""Source -> plan: the ordered list of extractors, and the plan dict in model order."""

from __future__ import annotations

import sys
from pathlib import Path

import regex

from . import SCHEMA_VERSION
from .errors import ReadError
from .extract import header as hd
from .extract.bodytasks import sections_to_tasks
from .extract.roles import Role
from .extract.sections import Section, blocks_to_sections
from .extract.tables import table_to_tasks
from .extract.targets import text_to_targets
from .numbering import match_token
from .parse import Source, read_source
from .parse.blocks import Block
from .vn import ascii_fold

MAX_BYTES = 50 * 1024 * 1024
PLAN_TYPES = {"KH", "KHHD", "KHHĐ"}
_CLOSING = regex.compile(r"^Trên\s+đây\s+là\b", regex.I)
_ATTACHMENT = regex.compile(r"^\(?\s*Ban\s+hành\s+kèm\s+theo\b", regex.I)
_TYPE_AND_TITLE = regex.compile(r"^(?P<type>KẾ\s+HOẠCH(?:\s+HÀNH\s+ĐỘNG)?)\s*[:\-–]?\s+(?P<title>\S.{5,})$")
_VV = regex.compile(r"^(?:V/v|V/V|Về\s+việc)\s*:?\s*")
_ISSUER_TAIL = regex.compile(r"^(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ)\s+\S")
_APPENDIX_MARK = regex.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục|DANH\s+MỤC|Danh\s+mục)\b")


def extract_file(path: str | Path, max_bytes: int = MAX_BYTES) -> dict:
    """Read ``path`` (``"-"`` for stdin) and extract its plan."""
    name = str(path)
    try:
        if name == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            p = Path(name)
            if p.is_dir():
                raise ReadError(f"{name}: is a directory; give a file (or use a shell loop for many files)")
            size = p.stat().st_size
            if size > max_bytes:
                raise ReadError(f"{name}: {size} bytes is over the {max_bytes}-byte limit")
            data = p.read_bytes()
    except FileNotFoundError as e:
        raise ReadError(f"{name}: no such file") from e
    except PermissionError as e:
        raise ReadError(f"{name}: permission denied") from e
    except IsADirectoryError as e:
        raise ReadError(f"{name}: is a directory; give a file") from e
    except OSError as e:
        raise ReadError(f"{name}: cannot read ({e.strerror})") from e
    if len(data) > max_bytes:
        raise ReadError(f"{name}: input is over the {max_bytes}-byte limit")
    return extract_bytes(data, name)


def extract_bytes(data: bytes, name: str = "-") -> dict:
    """Extract the plan from raw bytes (``name`` is used for sniffing and messages)."""
    return build_plan(read_source(data, name))


def _warn(warnings: list[dict], code: str, message: str, loc: dict | None = None) -> None:
    warnings.append({"code": code, "message": message, "loc": loc})


def _first_section_index(blocks: list[Block], start: int, stop: int) -> int | None:
    """The first block that opens the body: a "Phần"/"I."/"A." token, else a top-level "1."."""
    first_arabic = None
    for i in range(start, stop):
        b = blocks[i]
        if b.kind != "para":
            continue
        tok = match_token(b.text)
        if tok is None:
            continue
        if tok.kind in ("part", "roman", "upper"):
            return i
        if tok.kind == "arabic" and "." not in tok.value and first_arabic is None:
            first_arabic = i
    return first_arabic


def build_plan(source: Source) -> dict:
    blocks = source.blocks
    warnings: list[dict] = list(source.warnings)
    used: set[int] = set()  # block indexes placed somewhere
    n = len(blocks)
    doc: dict = {
        "is_plan": False, "type": None, "type_name": None, "number": None, "seq": None, "symbol": None,
        "issuer": None, "place": None, "date": None, "title": None, "bases": [], "signer": None,
        "recipients": [], "attachment": None, "inferred": [],
    }

    # --- Closing parts: recipients and signature (their position bounds the body).
    recipients, rec_used, rec_at = hd.find_recipients(blocks, 0, n)
    sig_search_from = max(0, (rec_at or 0) - 12)
    signer, sig_used = hd.find_signature(blocks, sig_search_from, n)
    if signer is None and rec_at is not None:
        signer, sig_used = hd.find_signature(blocks, 0, n)
    used.update(rec_used)
    used.update(sig_used)
    doc["recipients"] = recipients
    doc["signer"] = signer
    closing_at = min([i for i in (rec_at, sig_used[0] if sig_used else None) if i is not None], default=n)

    # --- Front matter.
    front_stop = closing_at
    type_idx = None
    for i in range(0, front_stop):
        b = blocks[i]
        if b.kind != "para":
            continue
        if hd.is_type_name_block(b):
            type_idx = i
            break
    # A decision that issues the plan as its attachment: "KẾ HOẠCH … (Ban hành kèm theo Quyết định …)".
    plan_front = None
    for i in range(0, n - 1):
        if hd.is_type_name_block(blocks[i]) and ascii_fold(blocks[i].text).startswith("ke hoach") and i != type_idx:
            window = [blocks[k] for k in range(i + 1, min(n, i + 4)) if blocks[k].kind == "para"]
            if any(_ATTACHMENT.match(w.text) for w in window):
                plan_front = i
                break
    head_stop = type_idx if type_idx is not None else min(front_stop, 12)
    for i in range(0, head_stop):
        b = blocks[i]
        if b.kind != "para":
            continue
        text = b.text
        left = regex.split(r"\s*\|\s*|\s{3,}|CỘNG\s+H", text)[0].strip()
        issuer, _complete = hd.expand_issuer(left) if not text.startswith("TM") else (None, False)
        if issuer and not _complete and i + 1 < head_stop and blocks[i + 1].kind == "para" \
                and _ISSUER_TAIL.match(blocks[i + 1].text):
            # "ỦY BAN NHÂN DÂN" / "TỈNH BẮC NINH" in two cell paragraphs
            issuer, _complete = hd.expand_issuer(left + " " + blocks[i + 1].text)
            used.add(i + 1)
        if issuer and doc["issuer"] is None:
            doc["issuer"] = issuer
            used.add(i)
            if not _complete:
                doc["issuer"] = None
        if hd.MOTTO.match(text) or "CỘNG HÒA XÃ HỘI" in text.upper() or "CỘNG HOÀ XÃ HỘI" in text.upper():
            used.add(i)
        num = hd.parse_number(text)
        if num and doc["symbol"] is None:
            doc.update({k: num[k] for k in ("number", "seq", "symbol", "type")})
            if num["hyphen_fixed"]:
                _warn(warnings, "symbol-repaired", f"symbol read as {num['symbol']} (hyphen missing in the text)", b.loc.as_dict())
            used.add(i)
        place, date = hd.find_issue_place_date(text)
        if place and doc["place"] is None:
            doc["place"], doc["date"] = place, date
            used.add(i)
    body_from = 0
    if type_idx is not None:
        doc["type_name"] = hd.type_name_text(blocks[type_idx].text)
        used.add(type_idx)
        t = type_idx + 1
        if t < n and blocks[t].kind == "para" and match_token(blocks[t].text) is None \
                and not hd.NUMBER_LINE.match(blocks[t].text):
            doc["title"] = blocks[t].text.rstrip(" .")
            used.add(t)
            t += 1
        body_from = t
    else:
        for i in range(0, min(front_stop, 15)):
            m = _TYPE_AND_TITLE.match(blocks[i].text) if blocks[i].kind == "para" else None
            if m:  # "KẾ HOẠCH Triển khai …" on one line
                doc["type_name"] = hd.type_name_text(m.group("type"))
                doc["title"] = m.group("title").rstrip(" .")
                used.add(i)
                body_from = i + 1
                break
        else:
            vv = next((b for b in blocks[:15] if b.kind == "para" and _VV.match(b.text)), None)
            if vv is not None:  # a letter: its subject line "V/v …" is its title
                doc["title"] = _VV.sub("", vv.text).strip()
                used.add(blocks.index(vv))
            else:
                _warn(warnings, "type-name-missing", "no document type line (KẾ HOẠCH …) found in the header", None)

    plan_part_from = body_from
    if plan_front is not None:
        # The header above describes the decision; the plan starts at its own type line.
        doc["attachment"] = {"type": "KH", "type_name": hd.type_name_text(blocks[plan_front].text), "title": None}
        used.add(plan_front)
        t = plan_front + 1
        if t < n and blocks[t].kind == "para" and not _ATTACHMENT.match(blocks[t].text):
            doc["attachment"]["title"] = blocks[t].text.rstrip(" .")
            used.add(t)
            t += 1
        while t < n and blocks[t].kind == "para" and _ATTACHMENT.match(blocks[t].text):
            used.add(t)
            ref = hd.parse_backref(blocks[t].text)
            for key in ("number", "date"):
                if ref and ref.get(key) and doc.get(key) and ref[key] != doc[key]:
                    _warn(warnings, "backref-mismatch",
                          f"the plan says it is attached to {key} {ref[key]!r} but the decision's header says {doc[key]!r}",
                          blocks[t].loc.as_dict())
            t += 1
        plan_part_from = t
        # The decision's own closing (signature of the decision) comes before the plan.
        rec2, rec2_used, rec2_at = hd.find_recipients(blocks, plan_part_from, n)
        sig2, sig2_used = hd.find_signature(blocks, plan_part_from, n)
        used.update(rec2_used)
        used.update(sig2_used)
        closing_at = min([i for i in (rec2_at, sig2_used[0] if sig2_used else None) if i is not None], default=n)
        if not doc["recipients"] or rec_at is not None and rec_at > plan_front:
            pass

    first_sec = _first_section_index(blocks, plan_part_from, closing_at)
    # Preamble: between the title and the first section.
    preamble: list[dict] = []
    pre_stop = first_sec if first_sec is not None else closing_at
    decision_end = plan_front if plan_front is not None else pre_stop
    for i in range(body_from, min(pre_stop, decision_end) if plan_front is not None else pre_stop):
        b = blocks[i]
        if b.kind == "para" and i not in used:
            preamble.append({"text": b.text, "loc": b.loc.as_dict()})
            used.add(i)
            if hd.BASIS_START.match(b.text):
                doc["bases"].extend(hd.text_to_bases(b.text))
    if plan_front is not None:
        for i in range(plan_part_from, pre_stop):
            b = blocks[i]
            if b.kind == "para" and i not in used:
                preamble.append({"text": b.text, "loc": b.loc.as_dict()})
                used.add(i)
    unique: dict[str, dict] = {}
    for base in doc["bases"]:
        key = base["number"] or base["text"]
        if key not in unique or (base["date"] and not unique[key]["date"]):
            unique[key] = base
    doc["bases"] = list(unique.values())
    if not doc["bases"] and doc["title"]:
        for base in hd.text_to_bases(doc["title"]):
            base["from_title"] = True
            doc["bases"].append(base)

    # --- Body sections, up to the closing paragraph / recipients / signature.
    body_end = closing_at
    closing: list[dict] = []
    if first_sec is not None:
        for i in range(first_sec, closing_at):
            if blocks[i].kind == "para" and _CLOSING.match(blocks[i].text):
                body_end = i
                break
            if blocks[i].kind == "para" and _APPENDIX_MARK.match(blocks[i].text) and match_token(blocks[i].text) is None:
                body_end = closing_at = i  # an appendix with no signature before it
                break
    roots: list[Section] = []
    footnotes: list[dict] = []
    for i, b in enumerate(blocks):
        if b.kind == "footnote":
            footnotes.append({"mark": b.mark, "text": b.text, "loc": b.loc.as_dict()})
            used.add(i)
    if first_sec is not None:
        body = [(i, blocks[i]) for i in range(first_sec, body_end)]
        roots, placed_lines, sec_warnings, _loose = blocks_to_sections(body)
        warnings.extend(sec_warnings)
        for i, b in body:
            if b.kind == "para" and (set(b.lines) & set(placed_lines)):
                used.add(i)
    for i in range(body_end, closing_at):
        b = blocks[i]
        if b.kind == "para" and i not in used:
            closing.append({"text": b.text, "loc": b.loc.as_dict()})
            used.add(i)

    # --- Appendix: back-reference, tables -> tasks.
    section_of_table: dict[int, str] = {}
    for r in roots:
        for s in r.walk():
            for t in s.tables:
                section_of_table[t] = s.id
    backref = None
    for i in range(closing_at, n):
        b = blocks[i]
        if b.kind != "para":
            continue
        if _APPENDIX_MARK.match(b.text):
            used.add(i)
            if regex.match(r"^(?:Phụ\s+lục|PHỤ\s+LỤC)\s*:\s*\S", b.text):
                pass
        br = hd.parse_backref(b.text)
        if br and backref is None and ("kèm theo" in b.text.lower() or i > closing_at):
            backref = br
            backref["loc"] = b.loc.as_dict()
            used.add(i)
    appendix_titles = []
    for i in range(closing_at, n):
        b = blocks[i]
        if b.kind == "para" and i not in used and hd.is_upper_text(b.text):
            appendix_titles.append(b.text)
            used.add(i)
    tasks: list[dict] = []
    table_no = 0
    table_lines: set[int] = set()
    for i, b in enumerate(blocks):
        if b.kind != "table":
            continue
        table_no += 1
        source_kind = "appendix"
        t_tasks, t_warn = table_to_tasks(b, table_no, section_of_table.get(i), source_kind)
        tasks.extend(t_tasks)
        warnings.extend(t_warn)
        if t_tasks:
            used.add(i)
            for t in t_tasks:
                table_lines.update(t.pop("_lines"))
            table_lines.update(b.rows[0].lines if b.rows else [])
            for row in b.rows:  # header rows, repeated headers, group rows
                table_lines.update(row.lines)
    tasks.extend(sections_to_tasks(roots))

    # --- Recover header fields from the back-reference and the signature.
    _recover(doc, backref, signer, roots, blocks, warnings)

    if doc["type"] is None and doc["symbol"] and any(b.kind == "para" and _VV.match(b.text) for b in blocks[:15]):
        doc["type"], doc["type_name"] = "CV", doc["type_name"] or "Công văn"  # "Số: 123/UBND-KT" + "V/v …": a letter

    # --- Targets.
    targets = _collect_targets(roots, tasks)

    # --- Is it a plan at all?
    plan_like = (doc["type"] or "").upper() in PLAN_TYPES or (doc["type_name"] or "").lower().startswith("kế hoạch") \
        or doc["attachment"] is not None
    doc["is_plan"] = bool(plan_like and roots)
    if not doc["is_plan"]:
        _warn(warnings, "not-a-plan",
              "this document does not look like a plan (no KẾ HOẠCH header with numbered sections); "
              "sections, targets and tasks may be empty", None)
        targets = []

    # --- Quality.
    placed = set()
    for i in used:
        placed.update(blocks[i].lines)
    placed.update(table_lines)
    content = source.line_texts
    unplaced = [{"text": content[k][:200], "loc": {"line": k, "page": None}} for k in sorted(content) if k not in placed]
    coverage = round(1 - len(unplaced) / len(content), 4) if content else 0.0

    return {
        "schema_version": SCHEMA_VERSION,
        "source": {"path": source.path, "format": source.format, "sha256": source.sha256, "pages": source.pages},
        "document": doc,
        "preamble": preamble,
        "sections": [r.to_dict() for r in roots],
        "closing": closing,
        "footnotes": footnotes,
        "targets": targets,
        "tasks": tasks,
        "warnings": warnings,
        "quality": {"coverage": coverage, "unplaced": unplaced},
    }


def _recover(doc: dict, backref: dict | None, signer: dict | None, roots: list[Section],
             blocks: list[Block], warnings: list[dict]) -> None:
    """Fill header gaps from the appendix back-reference and signature; warn on disagreement."""
    inferred: list[str] = doc["inferred"]
    why: dict[str, str] = {}
    if backref:
        loc = backref.get("loc")
        for key in ("number", "seq", "symbol", "date"):
            mine, theirs = doc.get(key), backref.get(key)
            if mine is None and theirs is not None:
                doc[key] = theirs
                why[key] = "the appendix back-reference"
            elif mine is not None and theirs is not None and mine != theirs:
                _warn(warnings, "backref-mismatch",
                      f"the appendix refers to {key} {theirs!r} but the header says {mine!r}", loc)
        if doc["type"] is None and backref.get("symbol"):
            doc["type"] = hd.symbol_to_type(backref["symbol"])
            why["type"] = "the appendix back-reference"
        if doc["issuer"] is None and backref.get("issuer") and hd.expand_issuer(backref["issuer"])[1]:
            doc["issuer"] = backref["issuer"]
            why["issuer"] = "the appendix back-reference"
    if doc["issuer"] is None and signer and signer.get("on_behalf_of"):
        full, complete = hd.expand_issuer(signer["on_behalf_of"])
        if complete:
            doc["issuer"] = full
            why["issuer"] = "the signature block"
        elif doc["place"]:
            level = full.split()[-1] if full and full.split()[-1] in ("tỉnh", "huyện", "xã") else None
            if level is None:
                # "tỉnh Thái Bình" / "thành phố …" as the body names the place.
                text = " ".join(b.text for b in blocks[:400] if b.kind == "para")
                m = regex.search(rf"\b(tỉnh|thành phố|huyện)\s+{regex.escape(doc['place'])}\b", text)
                level = m.group(1) if m else None
            if level:
                doc["issuer"] = f"Ủy ban nhân dân {level} {doc['place']}"
                why["issuer"] = "the signature block and the place of issue"
    if doc["place"] is None and doc["issuer"]:
        m = regex.search(r"(?:tỉnh|thành phố|huyện|quận|thị xã)\s+(.+)$", doc["issuer"])
        if m:
            doc["place"] = m.group(1)
            why["place"] = "the issuer's name"
    if doc["type"] is None and doc["type_name"] and ascii_fold(doc["type_name"]).startswith("ke hoach"):
        doc["type"] = "KH"
        why["type"] = "the document type line"
    for key in ("number", "date", "issuer"):
        if doc.get(key) is None:
            what = {"number": "document number", "date": "date of issue", "issuer": "issuing body"}[key]
            blank = key == "number" and doc.get("symbol")
            _warn(warnings, "number-blank" if blank else f"{key}-missing",
                  f"{what} left blank in the document" if blank else f"no {what} found", None)
    inferred.extend(why)
    if why:
        _warn(warnings, "inferred", "; ".join(f"{k} inferred from {v}" for k, v in why.items()), None)


def _collect_targets(roots: list[Section], tasks: list[dict]) -> list[dict]:
    out: list[dict] = []

    def add(found: list[dict], section: str | None, loc: dict, task: str | None = None) -> None:
        for t in found:
            entry = {"id": f"T{len(out) + 1}"}
            entry.update(t)
            entry["section"] = section
            entry["task"] = task
            entry["loc"] = loc
            out.append(entry)

    def visit(sec: Section, year: int | None) -> None:
        from .extract.targets import _year_of

        y = _year_of(sec.title or "") or year
        objective = sec.role == Role.OBJECTIVES
        item_year = None
        for kind, text, loc in sec.content:
            if kind == "item":
                item_year = _year_of(text) if text.rstrip().endswith(":") else None
            ctx = (item_year if kind == "subitem" else None) or y
            found = text_to_targets(text, ctx, require_cue=not objective)
            add(found, sec.id, loc.as_dict())
        for c in sec.children:
            visit(c, y)

    for r in roots:
        visit(r, None)
    for task in tasks:
        if task.get("target"):
            end = task["deadline"].get("end")
            year = int(end[:4]) if end else None
            found = text_to_targets(task["target"], year, fallback_indicator=task.get("title"))
            add(found, task.get("section"), task["loc"], task["id"])
    return out
