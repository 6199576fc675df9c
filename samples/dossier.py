"""Dossiers: the citizen's request form, a copy of their ID card, then a certificate, in one PDF."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from samples import degrade, families, writers
from samples.compose import RenderedPage, build, render, write
from samples.doc import Doc
from samples.layouts import id_card, request_form

CERTIFICATES = ["marital_status_confirmation", "birth_certificate", "marriage_certificate", "death_extract"]
ATTEMPTS = 50


def _card_number(personal_id: str | None) -> str | None:
    """The certificate's personal number for the holder's card: a 12-digit number only (an older form's 9-digit
    CMND number is not the number of a card issued since)."""
    return personal_id if personal_id and len(personal_id) == 12 else None


def dossier_holder(certificate: Doc, rng: random.Random) -> id_card.Holder | None:
    """Whose ID card goes with a certificate: its holder (a spouse; the child, or the mother of a young child).
    None for a death extract: a relative asks for it."""
    f = certificate.fields
    if certificate.schema == "marital_status_confirmation":
        return id_card.Holder(f["full_name"], f["sex"], date.fromisoformat(f["date_of_birth"]),
                              _card_number(f["personal_id"]), f["residence"])
    if certificate.schema == "marriage_certificate":
        key, sex = rng.choice([("husband", "male"), ("wife", "female")])
        return id_card.Holder(f[f"{key}_name"], sex, date.fromisoformat(f[f"{key}_date_of_birth"]),
                              _card_number(f[f"{key}_personal_id"]), f[f"{key}_residence"])
    if certificate.schema == "birth_certificate":
        born = date.fromisoformat(f["date_of_birth"])
        if born.year <= 2008:
            return id_card.Holder(f["full_name"], f["sex"], born, _card_number(f["personal_id"]))
        mother_born = date(int(f["mother_birth_year"]), rng.randint(1, 12), rng.randint(1, 28))
        return id_card.Holder(f["mother_name"], "female", mother_born, None, f["mother_residence"])
    return None


def request_date(certificate: Doc, card: Doc) -> date:
    """The day the citizen files the request: after the certificate and the card were issued."""
    issued = [date.fromisoformat(v) for k, v in certificate.fields.items()
              if k in ("registration_date", "issue_date") and v]
    return max([*issued, date.fromisoformat(card.fields["issue_date"])]) + timedelta(days=3)


def can_make_dossiers(selection: dict[str, list[str]]) -> bool:
    """A selection of families (samples/families.select) has an ID card family and a certificate family."""
    return bool(selection["citizen_id_card"]) and any(selection[schema] for schema in CERTIFICATES)


def generate_dossier(out: Path, seed: int, tier: str, index: int, fmt: str = "pdf",
                     selection: dict[str, list[str]] | None = None) -> Path:
    """A dossier: the citizen's request form, a copy of their ID card, then a certificate, of the families
    ``selection`` holds (default all). The card's family is one that can have been issued to the holder."""
    name = f"dossier_{tier}_{index:03d}"
    rng = random.Random(f"{seed}:{name}")
    selection = selection or families.select("all")
    schemas = [schema for schema in CERTIFICATES if selection[schema]]
    for _ in range(ATTEMPTS):
        schema = rng.choice(schemas)
        certificate = build(schema, rng, fmt, families.pick(rng, selection[schema]))
        holder = dossier_holder(certificate, rng)
        cards = [family for family in selection["citizen_id_card"] if id_card.can_hold(family, holder)]
        if cards:
            break
    else:
        raise ValueError(f"{name}: no selected ID card family fits the certificate holders")
    card = id_card.build(rng, family=families.pick(rng, cards), copy=True, holder=holder)
    plan = degrade.plan(tier, rng, allow_rotation=False)
    form = request_form.draw(card.fields, schema, request_date(certificate, card), plan.dpi, rng)
    form_image = degrade.apply(form.image, plan, rng.randrange(2**32))
    pages = [RenderedPage(writers.compact(form_image) if tier == "clean" else form_image,
                          {"number": 1, "rotation": plan.rotation, "skew": plan.skew, "dpi": plan.dpi,
                           "text": form.text_content()})]
    documents = []
    for doc in (card, certificate):
        rendered = render(doc, tier, rng, first_page=len(pages) + 1, plan=degrade.plan(tier, rng, dpi=plan.dpi))
        documents.append(doc.truth([p.truth["number"] for p in rendered]))
        pages.extend(rendered)
    return write(out, name, tier, fmt, pages, documents)
