"""Word's automatic list numbering (numbering.xml and numbered paragraph styles) rendered as a
reader sees it: "I.", "1.", "a)", "-". Counters and label patterns are clamped, so a hostile list
(a start of 10^15, a label pattern of 100,000 "%1") costs no more than a real one."""

from __future__ import annotations

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_LEVEL_TEXT = 64
"""A list level's label pattern ("%1.%2.") is a few characters; longer ones are cut to this."""
MAX_LIST_NUMBER = 32767
"""Word's largest list start value; counters are clamped to it."""


def switched_on(el) -> bool:
    """Whether a toggle property (``<w:vanish/>``, ``<w:isLgl/>``, ``<w:titlePg/>``) is present and not
    switched off (``w:val`` "0", "false" or "off")."""
    return el is not None and (el.get(f"{W}val") or "true").lower() not in ("0", "false", "off")


def clamp_int(value, default: int, low: int = 0, high: int = MAX_LIST_NUMBER) -> int:
    """An integer attribute clamped to [low, high] (``default`` when missing or not a number)."""
    try:
        return max(low, min(high, int(value)))
    except (TypeError, ValueError):
        return default


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)  # no Roman numeral: as Word shows it
    out = []
    for v, s in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                 (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def _letters(n: int) -> str:
    if not 0 < n <= 26 * 30:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("upperRoman",):
        return _roman(n)
    if fmt in ("lowerRoman",):
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


def _level(lvl) -> dict:
    """One list level of numbering.xml: its number format, label pattern, start, restart and legal style."""
    fmt = lvl.find(f"{W}numFmt")
    text = lvl.find(f"{W}lvlText")
    start = lvl.find(f"{W}start")
    restart = lvl.find(f"{W}lvlRestart")
    return {
        "fmt": fmt.get(f"{W}val") if fmt is not None else "decimal",
        "text": (text.get(f"{W}val") or "")[:MAX_LEVEL_TEXT] if text is not None else "%1.",
        "start": clamp_int(start.get(f"{W}val"), 1) if start is not None else 1,
        "restart": clamp_int(restart.get(f"{W}val"), 10, 0, 10) if restart is not None else 10,
        "legal": switched_on(lvl.find(f"{W}isLgl")),
    }


class Numbering:
    """Word's list definitions (numbering.xml) and the running counters of each list.

    Counters belong to the abstract list, not to the list instance (``w:num``) a paragraph names:
    two instances of one abstract list number on from each other, as Word shows them, and an
    instance that overrides a level's start (``w:startOverride``, Word's "restart numbering")
    restarts the count there the first time it is used. A level overridden whole (``w:lvl`` in
    ``w:lvlOverride``) is read for that instance. A legal-style level (``w:isLgl``) shows every
    number in its label in Arabic numerals ("1.2." under "I."); a level restarts after the level
    its ``w:lvlRestart`` names (0: never), else after any shallower one. An abstract list that only
    links to a list style (``w:numStyleLink``) takes the levels, and counters, of the list that style
    names."""

    def __init__(self, root, styles_root=None) -> None:
        self.abstract: dict[str, dict[int, dict]] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, dict]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[tuple[str, int]] = set()
        self.linked: dict[str, str] = {}
        """Abstract lists standing for a list style, and the list that holds its levels (and counts)."""
        if root is None:
            return
        for a in root.findall(f"{W}abstractNum"):
            self.abstract[a.get(f"{W}abstractNumId")] = {clamp_int(lvl.get(f"{W}ilvl"), 0, 0, 9): _level(lvl)
                                                          for lvl in a.findall(f"{W}lvl")}
        for num in root.findall(f"{W}num"):
            aid = num.find(f"{W}abstractNumId")
            starts, levels = {}, {}
            for o in num.findall(f"{W}lvlOverride"):
                ilvl = clamp_int(o.get(f"{W}ilvl"), 0, 0, 9)
                lvl = o.find(f"{W}lvl")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
                    starts[ilvl] = levels[ilvl]["start"]
                so = o.find(f"{W}startOverride")
                if so is not None:
                    starts[ilvl] = clamp_int(so.get(f"{W}val"), 1)
            if aid is not None:
                self.nums[num.get(f"{W}numId")] = (aid.get(f"{W}val"), starts, levels)
        self._link_list_styles(root, styles_root)

    def _link_list_styles(self, root, styles_root) -> None:
        """Abstract lists that stand for a list style point at the list holding its levels."""
        if styles_root is None:
            return
        style_num = {}
        for st in styles_root.findall(f"{W}style"):
            nid = st.find(f"{W}pPr/{W}numPr/{W}numId")
            if st.get(f"{W}type") == "numbering" and nid is not None:
                style_num[st.get(f"{W}styleId")] = nid.get(f"{W}val")
        for a in root.findall(f"{W}abstractNum"):
            link = a.find(f"{W}numStyleLink")
            aid = a.get(f"{W}abstractNumId")
            target = self.nums.get(style_num.get(link.get(f"{W}val"), ""), ("",))[0] if link is not None else ""
            if target and target != aid and not self.abstract.get(aid):
                self.abstract[aid] = self.abstract.get(target, {})
                self.linked[aid] = target

    def label(self, num_id: str, ilvl: int) -> str:
        """The next label of list ``num_id`` at level ``ilvl``: "II.", "1.", "a)", "-"."""
        if num_id not in self.nums or num_id == "0":
            return ""
        aid, starts, own = self.nums[num_id]
        levels = {**self.abstract.get(aid, {}), **own}
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(self.linked.get(aid, aid), {})
        if ilvl in starts and (num_id, ilvl) not in self.started:
            counters[ilvl] = starts[ilvl] - 1  # this instance restarts the count
        self.started.add((num_id, ilvl))
        start = starts.get(ilvl, levels[ilvl]["start"])
        counters[ilvl] = min(counters.get(ilvl, start - 1) + 1, MAX_LIST_NUMBER)
        for deeper in [k for k in counters if k > ilvl and ilvl < levels.get(k, {}).get("restart", 10)]:
            del counters[deeper]
        lvl = levels[ilvl]
        if lvl["fmt"] == "bullet":
            return "-" if ilvl == 0 else "+"
        text = lvl["text"]
        for k in range(ilvl, -1, -1):
            if f"%{k + 1}" in text:
                n = counters.get(k, starts.get(k, levels.get(k, {}).get("start", 1)))
                fmt = "decimal" if lvl["legal"] else levels.get(k, lvl)["fmt"]
                text = text.replace(f"%{k + 1}", format_number(n, fmt))
        return text


def style_numbering(styles_root) -> dict[str, tuple[str, int]]:
    """Paragraph styles that carry list numbering (e.g. headings numbered "I.", "1.")."""
    out: dict[str, tuple[str, int]] = {}
    based: dict[str, str] = {}
    if styles_root is None:
        return out
    for st in styles_root.findall(f"{W}style"):
        sid = st.get(f"{W}styleId")
        b = st.find(f"{W}basedOn")
        if b is not None:
            based[sid] = b.get(f"{W}val")
        num = st.find(f"{W}pPr/{W}numPr")
        if num is not None and num.find(f"{W}numId") is not None:
            ilvl = num.find(f"{W}ilvl")
            out[sid] = (num.find(f"{W}numId").get(f"{W}val"), clamp_int(ilvl.get(f"{W}val"), 0, 0, 9) if ilvl is not None else 0)
    for sid in list(based):
        seen, cur = set(), sid
        while cur not in out and cur in based and cur not in seen:
            seen.add(cur)
            cur = based[cur]
        if cur in out and sid not in out:
            out[sid] = out[cur]
    return out
