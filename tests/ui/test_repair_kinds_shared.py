"""The safety plan, questions, answers and therapy sessions (issue 20 items 5, 6, 8) marked
for sharing go into the shared Markdown and the PDF report with their words, and are found
by search; what is not marked stays."""

from __future__ import annotations

import shutil
import subprocess

from kintsugi.core import transfer
from kintsugi.core.records import Answer, Homework, Question, SafetyPlan, TherapySession
from kintsugi.core.repo import repository_for
from kintsugi.core.search import Search
from kintsugi.ui.insights.report import render_pdf


def test_the_new_kinds_marked_for_sharing_go_into_the_markdown_and_the_pdf(window, tmp_path):
    db = window.session.database()
    repository_for(db, "safety_plan").add(
        SafetyPlan(coping_alone=["A walk around the block"], helpers=["Jo 555"], shared=True)
    )
    question = repository_for(db, "question").add(
        Question(text="When did you decide to tell me?", shared=True)
    )
    repository_for(db, "question").add(Question(text="Kept to myself for now"))
    repository_for(db, "answer").add(
        Answer(
            question_uid=question.uid,
            question="What helps you most?",
            text="Being asked gently.",
            shared=True,
        )
    )
    repository_for(db, "therapy_session").add(
        TherapySession(
            agenda=["How to pace the questions"],
            notes="One question at a time.",
            homework=[Homework("One walk together", True), Homework("A letter")],
            shared=True,
        )
    )
    records = transfer.select(db, shared=True)
    assert sorted(r.KIND for r in records) == [
        "answer",
        "question",
        "safety_plan",
        "therapy_session",
    ]
    markdown = transfer.payload_for(db, records).markdown()
    for words in (
        "Things I can do on my own",
        "- A walk around the block",
        "When did you decide to tell me?",
        "answer it if and when you choose",
        "> What helps you most?",
        "Being asked gently.",
        "How to pace the questions",
        "One question at a time.",
        "[x] One walk together",
        "[ ] A letter",
    ):
        assert words in markdown, words
    assert "Kept to myself" not in markdown
    if shutil.which("pdftotext"):
        pdf = tmp_path / "shared.pdf"
        pdf.write_bytes(render_pdf(db, records, name="Sam"))
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        text = " ".join(text.split())
        for words in (
            "A walk around the block",
            "When did you decide to tell me?",
            "Being asked gently.",
            "One question at a time.",
            "One walk together",
        ):
            assert words in text, words
        assert "Kept to myself" not in text
    kinds = {
        h.kind for word in ("block", "decide", "gently", "pace") for h in Search(db).search(word)
    }
    assert kinds == {"safety_plan", "question", "answer", "therapy_session"}
