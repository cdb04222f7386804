"""A short government work report around one sentence, for the number and event readers' tests:
delivered 2020, so its review section is 2019 and its plan section 2020."""

from __future__ import annotations

from kg.ingest.document import ingest_text
from kg.ingest.model import Document

DATE_LINE = "（2020年4月26日在杭州市第十三届人民代表大会第五次会议上）"
REVIEW = "一、2019年工作回顾"
PLAN = "二、2020年目标任务和重点工作"
OTHER = "三、加强政府自身建设"


def report_document(sentence: str, heading: str) -> Document:
    """The report with ``sentence`` as the body of the section headed ``heading``."""
    text = f"杭州市政府工作报告\n{DATE_LINE}\n{REVIEW}\n开篇。\n{PLAN}\n开篇。\n{OTHER}\n开篇。\n"
    text = text.replace(f"{heading}\n开篇。\n", f"{heading}\n{sentence}\n")
    document = ingest_text(text, "t", strip_boilerplate=False)
    assert (document.meta.review_year, document.meta.plan_year) == (2019, 2020)
    return document
