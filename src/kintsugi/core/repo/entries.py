"""Journal entries: title, Markdown body, mood, tags."""

from __future__ import annotations

from kintsugi.core import validate
from kintsugi.core.fieldtext import demote_headings
from kintsugi.core.i18n import QT_TRANSLATE_NOOP, arg, marked, translate
from kintsugi.core.records import Entry
from kintsugi.core.repo.base import (
    Column,
    Repository,
    Take,
    check_range,
    excerpt_of,
    first_line,
    index_items,
    search_body,
)

MOODS = {
    -3: QT_TRANSLATE_NOOP("render", "very low"),
    -2: QT_TRANSLATE_NOOP("render", "low"),
    -1: QT_TRANSLATE_NOOP("render", "a bit low"),
    0: QT_TRANSLATE_NOOP("render", "okay"),
    1: QT_TRANSLATE_NOOP("render", "a bit better"),
    2: QT_TRANSLATE_NOOP("render", "good"),
    3: QT_TRANSLATE_NOOP("render", "very good"),
}


class EntryRepository(Repository[Entry]):
    record_type = Entry
    table = "entry"
    columns = (
        Column("title"),
        Column("body"),
        Column("mood"),
        Column("starred", int, bool),
    )
    keeps_search_text = False  # its searchable text is its body (and the private note)
    name = QT_TRANSLATE_NOOP("render", "Journal")
    import_fields = {
        "title": validate.line,
        "body": validate.text,
        "mood": validate.whole(-3, 3),
        "starred": validate.flag(),
    }

    def set_body(self, item_id: int, body: str) -> None:
        """Replace an entry's text alone (an import linking what it has just attached): its
        timeline line and search index follow; its times stay as they are."""
        rec = self.get(item_id)
        rec.body = body
        title, excerpt, text = self.describe(rec)
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM fts WHERE rowid = ?", (item_id,))  # before (schema._V6)
            conn.execute("UPDATE entry SET body = ? WHERE item_id = ?", (body, item_id))
            conn.execute(
                "UPDATE item SET title = ?, excerpt = ? WHERE id = ?", (title, excerpt, item_id)
            )
            index_items(conn, [(item_id, search_body(text, rec))], keep_text=False)

    def validate(self, rec: Entry) -> None:
        check_range("Mood", rec.mood, -3, 3)

    def describe(self, rec: Entry) -> tuple[str, str, str]:
        title = rec.title.strip() or first_line(rec.body)
        if rec.starred:  # the timeline shows the star with the title
            title = f"★ {title}"
        body = rec.body
        if not rec.title.strip():  # the first line is the title: the excerpt starts after it
            lines = body.strip().splitlines()
            body = "\n".join(lines[1:])
        return title, excerpt_of(body), rec.body

    @classmethod
    def render_body(cls, take: Take) -> list[str]:
        lines: list[str] = []
        take("title")
        if take("starred"):
            lines.append("*★ Starred*\n")
        mood = take("mood")
        if mood is not None:
            word = marked("render", MOODS[mood]) if mood in MOODS else str(mood)
            lines.append("*" + arg(translate("render", "Mood: %1"), word) + "*\n")
        body = take("body")
        if body:
            lines += [demote_headings(str(body).strip()), ""]
        return lines
