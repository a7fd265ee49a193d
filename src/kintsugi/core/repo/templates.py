"""One's own writing templates, kept in the vault: therapist homework with Markdown
checkboxes and a due date, say. "Write from a prompt" offers them beside the library."""

from __future__ import annotations

from typing import Any

from kintsugi.core import validate
from kintsugi.core.errors import InvalidRecord
from kintsugi.core.fieldtext import demote_headings, field_line
from kintsugi.core.i18n import QT_TRANSLATE_NOOP, translate
from kintsugi.core.records import Template
from kintsugi.core.repo.base import Column, Repository, Take, excerpt_of, first_line
from kintsugi.core.timeutil import date_from_db, date_to_db


class TemplateRepository(Repository[Template]):
    record_type = Template
    table = "template"
    #: Live templates by name.
    live_order = "d.name COLLATE NOCASE, i.id"
    columns = (Column("name"), Column("text"), Column("due", date_to_db, date_from_db))
    name = QT_TRANSLATE_NOOP("render", "Writing template")
    short_name = QT_TRANSLATE_NOOP("render", "Template")
    labels = {"due": QT_TRANSLATE_NOOP("render", "Due")}
    date_keys = frozenset({"due"})
    import_fields = {"name": validate.line, "text": validate.text, "due": validate.optional_day}

    @classmethod
    def check_imported(cls, values: dict[str, Any]) -> None:
        if not (values.get("text", "").strip() or values.get("name", "").strip()):
            raise validate.Invalid(translate("Import", "a template needs its words"))

    @classmethod
    def render_title(cls, item: dict[str, Any]) -> str:
        return str(item.get("name") or "") or first_line(str(item.get("text") or ""))

    @classmethod
    def render_body(cls, take: Take) -> list[str]:
        lines: list[str] = []
        take("name")  # the heading's title
        text, due = take("text"), take("due")
        if due:
            lines += [field_line("due", due), ""]
        if text:
            lines += [demote_headings(str(text)), ""]
        return lines

    def validate(self, rec: Template) -> None:
        if not (rec.text.strip() or rec.name.strip()):
            raise InvalidRecord(translate("records", "A template needs its words."))

    def title_of(self, rec: Template) -> str:
        return rec.name.strip() or first_line(rec.text)

    def describe(self, rec: Template) -> tuple[str, str, str]:
        return self.title_of(rec), excerpt_of(rec.text), f"{rec.name}\n{rec.text}"
