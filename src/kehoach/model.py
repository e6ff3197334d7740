"""The plan model as Python types: one place that mirrors ``schemas/plan.schema.json``.

A plan is plain data (dicts and lists that dump straight to YAML/JSON), so the types are
``TypedDict``s: they cost nothing at run time and let mypy check every module that builds or
reads a plan. Keys a plan always has are required; the keys kehoach adds beyond the contract are
optional (``total=False``). ``tests/test_model.py`` checks these types against the JSON Schema, so
the two cannot drift apart: a new key goes into both.
"""

# (no postponed annotations here: TypedDict would compile each one as a forward reference at import)

from typing import Any, Literal, TypedDict

SourceFormat = Literal["text", "markdown", "docx", "pdf", "html"]
Authority = Literal["TM", "KT", "TL", "TUQ", "Q"]
Comparator = Literal["eq", "gt", "ge", "lt", "le", "approx", "range"]
Direction = Literal["increase", "decrease"]
TaskSource = Literal["appendix", "body"]
SectionRole = Literal["purpose", "requirements", "objectives", "tasks", "solutions", "funding",
                      "organization", "rewards", "reporting", "other"]


class Loc(TypedDict):
    """Where an item came from: the line (text) or paragraph (DOCX), and the page (PDF)."""

    line: int | None
    page: int | None


class PlanWarning(TypedDict):
    """Something the extractor noticed and could not settle (built by ``diagnostics.warning``)."""

    code: str
    message: str
    loc: Loc | dict[str, Any] | None


class Source(TypedDict):
    """The input: path as given ("-" for stdin), detected format, sha256 of its bytes, PDF pages."""

    path: str
    format: SourceFormat
    sha256: str
    pages: int | None


class _BasisRequired(TypedDict):
    text: str
    type: str | None
    number: str | None
    date: str | None
    issuer: str | None


class Basis(_BasisRequired, total=False):
    """A document the plan cites as its basis (căn cứ)."""

    name: str
    from_title: bool


class _SignerRequired(TypedDict):
    name: str | None
    title: str | None
    authority: Authority | None


class Signer(_SignerRequired, total=False):
    """Who signed, with what title, and in what capacity (TM., KT., …)."""

    on_behalf_of: str | None


class Attachment(TypedDict):
    """The plan a decision issues as its attachment (the document fields describe the decision)."""

    type: str | None
    type_name: str | None
    title: str | None


class _DocumentRequired(TypedDict):
    is_plan: bool
    type: str | None
    type_name: str | None
    number: str | None
    seq: int | None
    symbol: str | None
    issuer: str | None
    place: str | None
    date: str | None
    title: str | None
    bases: list[Basis]
    signer: Signer | None
    recipients: list[str]
    attachment: Attachment | None


class PlanPeriod(TypedDict):
    """The span the plan covers (whole years) and where it was read."""

    start: str
    end: str
    basis: Literal["title", "objectives", "issue year", "tasks"]


class Document(_DocumentRequired, total=False):
    """The header: what the document is, who issued it, when, about what, and who signed it."""

    inferred: list[str]
    period: PlanPeriod | None


class _SectionRequired(TypedDict):
    id: str
    number: str
    title: str | None
    role: SectionRole
    text: list[str]
    items: list[str]
    children: list["Section"]
    loc: Loc


class Section(_SectionRequired, total=False):
    """A numbered heading with its text, bullet items and sub-sections."""

    inferred: bool
    """Present (true) when kehoach numbered the heading itself (a heading in capitals with no number)."""


class _TargetRequired(TypedDict):
    id: str
    text: str
    indicator: str | None
    comparator: Comparator
    value: float
    value_max: float | None
    unit: str | None
    year: int | None
    section: str | None
    loc: Loc


class Target(_TargetRequired, total=False):
    """A quantified objective."""

    direction: Direction | None
    baseline: float
    """The figure a change starts from ("giảm từ 23 xuống 18 …": 23)."""
    task: str | None
    year_from_plan: bool


class Deadline(TypedDict):
    """A deadline as written, with the dates and recurrence read from it."""

    text: str | None
    start: str | None
    end: str | None
    recurrence: str | None


class _TaskRequired(TypedDict):
    id: str
    no: str | None
    group: str | None
    title: str | None
    lead: list[str]
    support: list[str]
    deadline: Deadline
    output: str | None
    target: str | None
    note: str | None
    source: TaskSource
    loc: Loc


class Task(_TaskRequired, total=False):
    """One assignment: an appendix row or a duty given in the body."""

    lead_as_written: list[str]
    support_as_written: list[str]
    section: str | None
    detail: str | None


class Quality(TypedDict):
    """How much of the document the tree accounts for."""

    coverage: float
    unplaced: list[dict[str, Any]]


class Paragraph(TypedDict):
    """A paragraph kept outside the section tree (preamble, closing)."""

    text: str
    loc: Loc


class _PlanRequired(TypedDict):
    schema_version: str
    source: Source
    document: Document
    sections: list[Section]
    targets: list[Target]
    tasks: list[Task]
    warnings: list[PlanWarning]
    quality: Quality


class Plan(_PlanRequired, total=False):
    """What ``kehoach extract`` produces."""

    preamble: list[Paragraph]
    closing: list[Paragraph]
    footnotes: list[dict[str, Any]]


def plan_identity(plan: Plan | dict[str, Any]) -> str:
    """A stable identity for the plan: number, symbol, issuer and year together (a number alone
    repeats); the source's hash when the header gives none of them."""
    import hashlib

    from .vn import fold

    doc = plan.get("document") or {}
    parts = [doc.get("number") or "", doc.get("symbol") or "", fold(doc.get("issuer") or ""), (doc.get("date") or "")[:4]]
    if not any(parts):
        parts.append((plan.get("source") or {}).get("sha256", ""))
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]
