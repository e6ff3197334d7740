"""One task for one duty: a news item's lede that its body says again is the same task."""

from __future__ import annotations

from .. import rx


def _words(title: str) -> str:
    return " ".join(rx.sub(r"[^\w\s]", " ", title.casefold()).split())


_COVERS = 0.7
"""The share of the stretch of a longer duty's words that a shorter one's, found there in order, must be for the two
to be one duty said again with words added."""


def _within(short: str, long: str) -> bool:
    """``short``'s words are ``long``'s, or, when it has ten or more, are found in ``long`` in their order with a few
    more words between them, most of the stretch they span (:data:`_COVERS`; a lede the text says again with words
    added, and maybe more sentences after: "đề nghị A phát động phong trào …" / "đề nghị A khẩn trương tổ chức, phát
    động phong trào … . Tùy điều kiện …"). Two requests to one body that share only its name and the usual "chủ trì,
    phối hợp với …", their other words far apart, are two duties."""
    if short in long:
        return True
    words, longer = short.split(), long.split()
    if len(words) < 10:
        return False
    at, found = 0, []
    for w in words:
        while at < len(longer) and longer[at] != w:
            at += 1
        if at == len(longer):
            return False
        found.append(at)
        at += 1
    return len(words) >= _COVERS * (found[-1] - found[0] + 1)


def each_duty_once(tasks: list[dict]) -> list[dict]:
    """``tasks`` with each duty once: a news item's lede that the body says again, whole or with more words (:func:`_within`; "(ABC)-
    Chủ tịch … giao Sở A chủ trì … ." / "Theo đó, Chủ tịch … giao Sở A chủ trì …, bảo đảm …"), is the same task; the
    longer is kept."""
    kept: list[dict] = []
    for t in tasks:
        same = next((i for i, k in enumerate(kept) if k["lead"] == t["lead"]
                     and (_within(_words(t["title"]), _words(k["title"])) or _within(_words(k["title"]), _words(t["title"])))),
                    None)
        if same is None:
            kept.append(t)
        elif len(t["title"]) > len(kept[same]["title"]):
            kept[same] = t
    return kept
