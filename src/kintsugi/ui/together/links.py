"""How the safety plan, questions and therapy pages reach the rest of the window: the plan
one step from the people who help and the exercise screen, From partner's "Answer…", an
agenda item opened where it lives, the weekly conversation one step from Share. One call
from the window (``connect``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kintsugi.ui.together.questions import QuestionsPage
from kintsugi.ui.together.safety_plan import SafetyPlanPage
from kintsugi.ui.together.sessions import TherapyPage
from kintsugi.ui.together.weekly import WeeklyTalkPage

if TYPE_CHECKING:
    from kintsugi.ui.main_window import MainWindow


def connect(window: MainWindow) -> None:
    together = window.together
    for page in together.pages:
        if isinstance(page, SafetyPlanPage):
            plan = page
            plan.support_requested.connect(window.grounding_flow.on_support)

            def open_plan(plan: SafetyPlanPage = plan) -> None:
                window.show_pane(together)
                together.show_page(plan)
                plan.new_plan_if_none()

            window.grounding_flow.plan_page_opener = open_plan
        elif isinstance(page, QuestionsPage):
            questions = page
            questions.share_requested.connect(lambda: window.show_pane(window.share))

            def answer(uid: str, questions: QuestionsPage = questions) -> None:
                window.show_pane(together)
                together.show_page(questions)
                questions.answer_question(uid)

            window.share.answer_requested.connect(answer)
            window.share.imported.connect(questions.on_unlocked)  # answers may have come
        elif isinstance(page, TherapyPage):
            page.open_requested.connect(window.on_open_requested)
        elif isinstance(page, WeeklyTalkPage):  # "Share this conversation…"
            page.share_requested.connect(lambda: window.show_pane(window.share))
