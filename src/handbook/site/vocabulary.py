"""The need/topic tags: how each is labelled in the service finder, and the plain words a
practitioner types for it in the search box (lunr has no synonyms, so we index them)."""

from __future__ import annotations

# tag id -> (label in the finder, words searched for it)
TAGS: dict[str, tuple[str, tuple[str, ...]]] = {
    "exploitation": ("Exploitation (CSE, CCE)", (
        "exploitation", "exploited", "CSE", "CCE", "sexual exploitation",
        "criminal exploitation", "county lines", "grooming", "trafficking")),
    "missing-from-home": ("Missing from home or care", (
        "missing", "missing from home", "missing from care", "runaway", "return home interview")),
    "domestic-abuse": ("Domestic abuse", (
        "domestic abuse", "domestic violence", "DV", "abuse at home", "coercive control")),
    "homelessness": ("Homelessness", (
        "homeless", "homelessness", "housing", "accommodation", "sofa surfing")),
    "disability": ("Disability", ("disability", "disabled", "disabilities", "additional needs")),
    "send": ("Special educational needs (SEND)", (
        "SEND", "SEN", "special educational needs", "EHCP", "learning difficulties")),
    "substance-misuse": ("Drugs and alcohol", (
        "drugs", "drug", "alcohol", "substance misuse", "substances")),
    "mental-health": ("Mental health and wellbeing", (
        "mental health", "emotional wellbeing", "anxiety", "self-harm", "trauma")),
    "neglect": ("Neglect", ("neglect", "neglected", "GCP2", "graded care profile")),
    "early-years": ("Early years (under 5s)", (
        "early years", "baby", "babies", "toddler", "under 5s", "nursery")),
    "parenting": ("Parenting support", ("parenting", "parents", "parenting support")),
    "young-carers": ("Young carers", ("young carer", "young carers", "caring")),
    "care-leavers": ("Care leavers", (
        "care leaver", "care leavers", "leaving care", "care experienced", "personal advisor")),
    "children-in-care": ("Children in care", (
        "children in care", "looked after", "LAC", "CLA", "in care")),
    "youth-justice": ("Youth justice and offending", (
        "youth justice", "offending", "crime", "YOT", "YJS", "court")),
    "edge-of-care": ("Edge of care (family breakdown)", (
        "edge of care", "family breakdown", "risk of care")),
    "pregnancy": ("Pregnancy and pre-birth", (
        "pregnant", "pregnancy", "pre-birth", "unborn", "expectant", "antenatal")),
    "sexual-health": ("Sexual health", ("sexual health", "contraception", "relationships")),
    "education": ("Education and school", ("education", "school", "NEET", "training")),
    "adoption": ("Adoption", ("adoption", "adopt", "adopted")),
    "fostering": ("Fostering", ("fostering", "foster carer", "foster care")),
    "safeguarding": ("Safeguarding and child protection", (
        "safeguarding", "child protection", "significant harm", "concern about a child")),
    "family-support": ("Family support", ("family support", "whole family")),
    "allegations": ("Allegations about staff (LADO)", (
        "allegation", "allegations", "LADO", "concerns about staff")),
    "participation": ("Participation and youth voice", ("participation", "youth voice")),
    "advice": ("Advice for professionals", ("advice", "consultation", "advice line")),
}  # fmt: skip


def label(tag: str) -> str:
    return TAGS[tag][0]


def search_words(tag: str) -> tuple[str, ...]:
    return TAGS[tag][1]
