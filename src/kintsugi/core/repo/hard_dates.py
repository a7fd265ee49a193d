"""Hard dates ahead: days that hurt (the discovery, an anniversary), kept privately, with a
plan the person wrote — what may help, who to call, what to tell the partner — and a gentle
note some days before."""

from __future__ import annotations

from datetime import date
from typing import Any

from kintsugi.core import practices, validate
from kintsugi.core.errors import InvalidRecord
from kintsugi.core.fieldtext import day_text, inline
from kintsugi.core.i18n import QT_TRANSLATE_NOOP, Words, arg, translate
from kintsugi.core.records import HardDate
from kintsugi.core.repo.base import Column, Repository, Take, first_line
from kintsugi.core.timeutil import date_from_db, date_to_db

HardDates = Words("HardDates")

PLAN_KEYS = ("helps", "call", "tell_partner")


class HardDateRepository(Repository[HardDate]):
    record_type = HardDate
    table = "hard_date"
    #: Live hard dates, in the order of the calendar (month, then day).
    live_order = "substr(d.day, 6), d.day, i.id"
    columns = (
        Column("text"),
        Column("day", date_to_db, date_from_db),
        Column("yearly", int, bool),
        Column("notice_days"),
        Column("helps"),
        Column("call"),
        Column("tell_partner"),
    )
    name = QT_TRANSLATE_NOOP("render", "A hard date")
    short_name = QT_TRANSLATE_NOOP("render", "Hard date")
    labels = {
        "helps": QT_TRANSLATE_NOOP("render", "What may help"),
        "call": QT_TRANSLATE_NOOP("render", "Who I can call"),
        "tell_partner": QT_TRANSLATE_NOOP("render", "What I will tell my partner"),
    }
    import_fields = {
        "text": validate.text,
        "day": validate.day,
        "yearly": validate.flag(),
        "notice_days": validate.whole(0, 60, optional=False),
        "helps": validate.text,
        "call": validate.text,
        "tell_partner": validate.text,
    }

    @classmethod
    def check_imported(cls, values: dict[str, Any]) -> None:
        if not values.get("text", "").strip():
            raise validate.Invalid(translate("Import", "a hard date needs its words"))
        if "day" not in values:
            raise validate.Invalid(translate("Import", "a hard date needs its day"))

    @classmethod
    def render_title(cls, item: dict[str, Any]) -> str:
        return first_line(str(item.get("text") or ""))

    @classmethod
    def render_body(cls, take: Take) -> list[str]:
        lines: list[str] = []
        text, day, yearly, notice = take("text"), take("day"), take("yearly"), take("notice_days")
        if text:
            lines += [inline(str(text)), ""]
        if day:
            words = (
                translate("render", "Every year on %1") if yearly else translate("render", "On %1")
            )
            lines.append("- " + arg(words, day_text(day)))
        if isinstance(notice, int) and notice > 0:
            lines.append("- " + HardDates.tr("A gentle note %n day(s) before", "", notice))
        plan = [(key, take(key)) for key in PLAN_KEYS]
        if any(value for _, value in plan):
            lines.append("- " + translate("render", "My plan:"))
            for key, value in plan:
                if value:
                    label = {
                        "helps": translate("render", "What may help"),
                        "call": translate("render", "Who I can call"),
                        "tell_partner": translate("render", "What I will tell my partner"),
                    }[key]
                    lines.append(f"  - {label}: {inline(str(value))}")
        return lines

    def validate(self, rec: HardDate) -> None:
        if not rec.text.strip():
            raise InvalidRecord(translate("records", "A hard date needs its words."))
        if not isinstance(rec.day, date):
            raise InvalidRecord(translate("records", "A hard date needs its day."))
        if not (isinstance(rec.notice_days, int) and 0 <= rec.notice_days <= 60):
            raise InvalidRecord(translate("records", "The note comes 0 to 60 days before."))

    def describe(self, rec: HardDate) -> tuple[str, str, str]:
        text = "\n".join([rec.text, rec.helps, rec.call, rec.tell_partner])
        return first_line(rec.text), rec.day.isoformat(), text

    def coming(self, today: date) -> list[practices.Coming]:
        """The hard dates whose gentle note is due today (see practices.coming)."""
        return practices.coming(self.all_live(), today)
