"""One task for one duty: a news item's lede that its body says again is the same task."""

from __future__ import annotations

from .. import rx


def _words(title: str) -> str:
    return " ".join(rx.sub(r"[^\w\s]", " ", title.casefold()).split())


_COVERS = 0.7
"""The share of a longer duty's words a shorter one must be to be the same duty said again with words added."""


def _within(short: str, long: str) -> bool:
    """``short``'s words are ``long``'s, or, when it has ten or more and is most of ``long`` (:data:`_COVERS`), are
    found in ``long`` in their order with a few more words between them (a lede the text says again with words added:
    "đề nghị A phát động phong trào …" / "đề nghị A khẩn trương tổ chức, phát động phong trào …"). Two requests to
    one body that share only its name and the usual "chủ trì, phối hợp với …" are two duties."""
    if short in long:
        return True
    words, longer = short.split(), long.split()
    rest = iter(longer)
    return len(words) >= 10 and len(words) >= _COVERS * len(longer) and all(w in rest for w in words)


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
