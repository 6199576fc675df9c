"""The schema language: what a document type's YAML file may say (pydantic models).

A document type is one YAML file in this folder: its titles (for classification), its fields (labels with
their variants, value kind, block or column, position of the value), the table of a register page, the
QR code of a card, and rules. New types need no code as long as their fields are of known kinds.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# The value kinds the extractors implement (extractors/kinds); a test keeps the two lists equal.
KIND_NAMES = (
    "text", "name", "date", "year", "sex", "personal_id", "place", "ethnicity", "nationality",
    "register_number", "authority",
)

Position = Literal["right", "below", "right_or_below"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FieldSpec(_Strict):
    """One field: where its label is, what kind its value is."""

    kind: str
    labels: list[str] = Field(default_factory=list)
    required: bool = False
    block: str = "main"
    position: Position = "right_or_below"
    multiline: bool = False  # the value may go on over the next lines (addresses)
    patterns: list[str] = Field(default_factory=list)  # regexes with a group ``value``, tried on lines
    output: bool = True  # False: a helper (label sink, rule input) that is not part of the result
    description: str = ""

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, kind: str) -> str:
        if kind not in KIND_NAMES:
            raise ValueError(f"unknown kind {kind!r} (known kinds: {', '.join(KIND_NAMES)})")
        return kind

    @field_validator("labels")
    @classmethod
    def _labels_not_blank(cls, labels: list[str]) -> list[str]:
        if any(not label.strip() for label in labels):
            raise ValueError("a label is empty")
        return labels


class BlockSpec(_Strict):
    """A group of fields that repeat labels (mother/father) or sit in a column (husband/wife).

    ``starts``: phrases that open the block when read on a line (a header or the block's first label).
    ``column``: for side-by-side blocks, which half of the page holds the block's values.
    """

    starts: list[str] = Field(default_factory=list)
    column: Literal["left", "right"] | None = None


class TableSpec(_Strict):
    """The ruled table of a register page: column headers → entry field keys.

    ``sequence``: an entry field numbered one after the other down the rows (Số); ``chronological``: a
    date field that never goes back down the rows (the registration date). Both check each row against
    its neighbours.
    """

    columns: dict[str, list[str]]
    # Wordings of the books' other columns (no entry field): a header that is one of them maps to no field,
    # however close one of its tails comes to a field's wording ("… người đi đăng ký khai sinh").
    other_columns: list[str] = []
    # Wordings of a list's running index ("STT"): such a column is the sequence field only when no other
    # column claims that field (a printed list has both "STT" and "Số ĐK": the register's number is the latter).
    index_columns: list[str] = []
    header_rows: int = 1
    sequence: str | None = None
    chronological: str | None = None


class QrSpec(_Strict):
    """A QR code whose text is split by ``separator``; ``fields`` maps field keys to positions."""

    separator: str = "|"
    min_parts: int = 7
    fields: dict[str, int]
    date_format: Literal["ddmmyyyy"] = "ddmmyyyy"


MrzElement = Literal["personal_id", "date_of_birth", "sex", "expiry_date"]


class RuleSpec(_Strict):
    """A check across fields. Kinds:

    - ``same_date``: ``fields`` [a, b] must hold the same date (figures vs words);
    - ``date_order``: ``fields`` [earlier, later] must be in that order;
    - ``personal_id``: ``fields`` [id, date of birth or year, sex] must agree (PPP G YY NNNNNN); the sex
      may be given as ``sex`` instead of a field (the husband is male);
    - ``province``: ``fields`` [id, place]: the id's PPP must be the province named by the place;
    - ``born_before``: ``fields`` [a parent's birth year or date, the child's date of birth]: the parent was
      born at least ``min_years`` before the child (a value read from the wrong person fails it);
    - ``birthday_at_age``: ``fields`` [date of birth, date]: the date must be a birthday at one of ``ages``
      (an ID card expires on the holder's birthday at 14, 25, 40 or 60): one that is confirms the date.
    """

    rule: Literal["same_date", "date_order", "personal_id", "province", "birthday_at_age", "born_before"]
    fields: list[str]
    code: str | None = None
    sex: Literal["male", "female"] | None = None
    within_days: int | None = None  # date_order: dates this close confirm each other (a register row)
    ages: list[int] = Field(default_factory=list)  # birthday_at_age: the ages at which the date may fall
    min_years: int = 0  # born_before: the parent is at least this many years older
    valid_years: list[int] = Field(default_factory=list)  # birthday_at_age with a third field (the issue date):
    # a date this many years after it is right too (a CMND is valid 15 years from issue)
    entries: bool = False  # applies to each entry of a register page instead of the fields


class Schema(_Strict):
    id: str
    name: str
    titles: list[str]
    layout: Literal["form", "card", "register"] = "form"
    blocks: dict[str, BlockSpec] = Field(default_factory=dict)
    fields: dict[str, FieldSpec]
    entry_fields: dict[str, FieldSpec] = Field(default_factory=dict)
    table: TableSpec | None = None
    qr: QrSpec | None = None
    mrz: dict[str, MrzElement] = Field(default_factory=dict)  # field key → element of a card's MRZ
    rules: list[RuleSpec] = Field(default_factory=list)
    # Headings that make a page this document wherever they stand, when the page's title names none: the
    # confirmation a commune writes at the foot of the applicant's declaration ("XÁC NHẬN CỦA ỦY BAN NHÂN DÂN
    # …" under "TỜ KHAI CẤP GIẤY XÁC NHẬN …"). The page must also hold the document's own labels.
    headings: list[str] = Field(default_factory=list)
    # Subjects that make a page this document when it is an official letter (công văn): the subject line under
    # the letter's number ("V/v xác nhận tình trạng hôn nhân") names what the letter is, as a title would. The
    # page must also hold the document's own labels.
    subjects: list[str] = Field(default_factory=list)
    # Headings of the document's own parts, not a person's block ("Thông tin người đã chết", "Thông tin đăng
    # ký"): a segment that is wholly one closes the block above it, as a block's heading opens one.
    sections: list[str] = Field(default_factory=list)
    # Printed sentences that are no field's value and end the value above them ("Giấy này có giá trị sử dụng
    # trong thời hạn 6 tháng…"): a value never goes on over a line that starts with one.
    stops: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Schema:
        problems: list[str] = []
        blocks = set(self.blocks) | {"main"}
        for key, spec in self.fields.items():
            if spec.block not in blocks:
                problems.append(f"field {key!r}: block {spec.block!r} is not declared under blocks")
            if not spec.labels and not spec.patterns and not (self.qr and key in self.qr.fields):
                problems.append(f"field {key!r}: has neither labels nor patterns")
        if self.table is not None:
            for key in self.table.columns:
                if key not in self.entry_fields:
                    problems.append(f"table column {key!r}: not declared under entry_fields")
            for what in ("sequence", "chronological"):
                key = getattr(self.table, what)
                if key is not None and key not in self.table.columns:
                    problems.append(f"table {what} {key!r}: not a table column")
        if self.layout == "register" and self.table is None:
            problems.append("layout 'register' needs a table")
        if self.qr is not None:
            for key in self.qr.fields:
                if key not in self.fields:
                    problems.append(f"qr field {key!r}: not declared under fields")
        for key in self.mrz:
            if key not in self.fields:
                problems.append(f"mrz field {key!r}: not declared under fields")
        for i, rule in enumerate(self.rules):
            known = self.entry_fields if rule.entries else self.fields
            for key in rule.fields:
                if key not in known:
                    problems.append(f"rule {i + 1} ({rule.rule}): field {key!r} is not declared")
            wanted = {"same_date": (2,), "date_order": (2,), "personal_id": (2, 3), "province": (2,),
                      "birthday_at_age": (2, 3), "born_before": (2,)}[rule.rule]
            if len(rule.fields) not in wanted:
                problems.append(f"rule {i + 1} ({rule.rule}): needs {' or '.join(map(str, wanted))} fields, "
                                f"has {len(rule.fields)}")
        if problems:
            raise ValueError("; ".join(problems))
        return self
