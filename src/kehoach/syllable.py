"""Vietnamese syllables: whether a written word is one.

A Vietnamese syllable is written as an optional onset consonant, a rhyme (optional medial, a
vowel nucleus, an optional final) and at most one tone mark; a rhyme that ends in a stop
(c, ch, p, t) takes only the acute or the dot-below tone. The readers use this to tell real text
from text decoded in the wrong 8-bit encoding, and to join pieces of words that a PDF text layer
cut apart.
"""

from __future__ import annotations

import functools
import unicodedata

_ONSETS = "ngh ng gh gi kh nh ph th tr ch qu b c d đ g h k l m n p r s t v x"

# Rhymes without tone, grouped by nucleus (the standard rhyme inventory of the national script).
_RHYMES = """
a ai ao au ay ac ach am an ang anh ap at
ă ăc ăm ăn ăng ăp ăt
â âu ây âc âm ân âng âp ât
e eo ec em en eng ep et
ê êu êch êm ên ênh êp êt
i ia iu ich im in inh ip it
iêu iêc iêm iên iêng iêp iêt yêu yêm yên yêng yêt
o oi oc om on ong op ot ooc oong
ô ôi ôc ôm ôn ông ôp ôt
ơ ơi ơc ơm ơn ơp ơt
u ua ui uc um un ung up ut
uôi uôc uôm uôn uông uôp uôt
ư ưa ưi ưu ưc ưm ưn ưng ưp ưt
ươi ươu ươc ươm ươn ương ươp ươt
oa oai oao oay oac oach oam oan oang oanh oap oat
oăc oăm oăn oăng oăt
oe oeo oec oen oet oem
uâc uân uâng uât uây
uê uêch uênh uơ
uy uya uyu uych uyn uynh uyp uyt uyên uyêt
y
"""
_TONE_MARKS = {"\u0300": "grave", "\u0301": "acute", "\u0303": "tilde", "\u0309": "hook", "\u0323": "dot"}
_STOPS = ("c", "ch", "p", "t")
_ONSET_LIST = tuple(_ONSETS.split())


_RHYME_SET = frozenset(_RHYMES.split())
_FRONT = ("i", "e", "ê", "y")


def _spelled_right(onset: str, rhyme: str) -> bool:
    """The spelling rules of onsets: k, gh, ngh only before i, e, ê, y; c, ng (and g, except
    the i of gi) never before them; qu never before another u or o."""
    front = rhyme.startswith(_FRONT)
    if onset in ("k", "gh", "ngh"):
        return front
    if onset in ("c", "ng"):
        return not front
    if onset == "g":
        return not rhyme.startswith(("e", "ê", "y"))
    if onset == "qu":
        return not rhyme.startswith(("u", "o"))
    return True


def split_tone(word: str) -> tuple[str, str | None, int]:
    """``word`` in lower case without its tone marks, the tone's name (None for level) and the
    number of tone marks it carried."""
    tones = []
    kept = []
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch in _TONE_MARKS:
            tones.append(_TONE_MARKS[ch])
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)), (tones[0] if tones else None), len(tones)


@functools.lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """Whether ``word`` (any case, NFC or NFD) is a well-formed Vietnamese syllable.

    >>> [is_syllable(w) for w in ("Nghị", "quyết", "HOẠCH", "gì", "ngà", "quyế", "cafộ", "hoạ", "tháng")]
    [True, True, True, True, True, False, False, True, True]
    >>> [is_syllable(w) for w in ("Kõ", "ho", "ch", "át̀", "bàt")]
    [False, True, False, False, False]
    """
    base, tone, marks = split_tone(word)
    if marks > 1 or not base:
        return False
    if base == "gi":
        return True
    if tone not in (None, "acute", "dot") and base.endswith(_STOPS):
        return False
    for onset in ("", *_ONSET_LIST):
        if base.startswith(onset) and base[len(onset):] in _RHYME_SET and _spelled_right(onset, base[len(onset):]):
            return True
    return False
