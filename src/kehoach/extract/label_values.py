"""The agencies a label's value names ("Cơ quan chủ trì: Sở A chủ trì, phối hợp với Sở B …"): a value written as
a sentence has its names cut at the first verb, never at a word after a connector that names a body too ("… và tổ
chức quốc tế")."""

from __future__ import annotations

from .. import rx
from ..vocab.agencies import CONNECTORS
from .agencies import cell_to_agencies
from .responsibility import read_roles

_VERB = rx.compile(
    r"\s(?:tiến hành|chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|thực hiện|rà soát"
    r"|tổ chức(?!,| và| có| khác| liên| cá| chính| xã| kinh| đoàn| hội| tín| thành| sự| nước| quốc| phi| quần| tôn)"
    r"|xây dựng|tham mưu|triển khai|hướng dẫn|theo dõi|báo cáo|gửi|căn cứ|trong phạm vi|theo chức năng|thuộc phạm vi"
    r"|chủ động|đăng tải|tuyên truyền|phổ biến|kiểm tra|đôn đốc|bố trí|ban hành|cung cấp|để)\b"
)
"""Verbs that end the names in a value written as a sentence ("Sở A tiến hành rà soát …")."""
_SCOPE = rx.compile(r",?\s*(?:trong phạm vi|theo)\s+(?:chức năng,?\s*)?nhiệm vụ(?:\s+(?:của mình|quản lý|được giao))*")
"""A scope phrase after a name ("các sở trong phạm vi chức năng, nhiệm vụ của mình") is not part of it."""
_PROSE_WORDS = 10
"""A value part this long is a sentence: its names end at the first verb (not one after a connector)."""
_DANGLING = rx.compile(rf"(?:^|\s)(?:{CONNECTORS})\s*$")


def value_agencies(parts: list[str]) -> tuple[list[str], list[str]]:
    """Lead and support named in a label's value lines ("Sở A chủ trì, phối hợp với Sở B", "Sở A (chủ trì);
    Sở B"), read as a responsibility cell is; prose after a name is cut."""
    lead: list[str] = []
    support: list[str] = []
    for part in parts:
        roles = read_roles(part, "lead")
        if roles is not None:
            lead += [a for p in roles.lead for a in value_names(p)]
            support += [a for p in roles.support for a in value_names(p)]
    return lead, support


def value_names(text: str) -> list[str]:
    parts = []
    text = _SCOPE.sub("", text)
    for part in rx.split(r";|\n", text):
        cut = next((m for m in _VERB.finditer(" " + part) if not _DANGLING.search(part, 0, max(m.start() - 1, 0))),
                   None) if len(part.split()) >= _PROSE_WORDS else None  # "… và tổ chức quốc tế": a noun there
        part = part[: cut.start() - 1] if cut and cut.start() > 1 else part
        parts.append(part)
    return cell_to_agencies("; ".join(p for p in parts if p.strip()))
