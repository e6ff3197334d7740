"""One task for one duty: a news item's lede that its body says again is the same task."""

from __future__ import annotations

from .. import rx


def _words(title: str) -> str:
    return " ".join(rx.sub(r"[^\w\s]", " ", title.casefold()).split())


def _within(short: str, long: str) -> bool:
    """``short``'s words are ``long``'s, or, when it has ten or more, are found in ``long`` in their order with more words
    between them (a lede the text says again with words added: "đề nghị A phát động …" / "đề nghị A tập trung tổ chức,
    phát động …")."""
    if short in long:
        return True
    words, rest = short.split(), iter(long.split())
    return len(words) >= 10 and all(w in rest for w in words)


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
