"""Voice notes: recorded with Qt Multimedia straight into the vault, played back from it.

Recording: a ``QAudioSource`` in pull mode gives a QIODevice of 16-bit PCM; each time it has
some (``readyRead``), the piece goes to the vault's writer thread, which appends it to a
:class:`~kintsugi.core.repo.attachments.Recording` (256 KiB chunk rows inside the encrypted
file). ``QMediaRecorder`` is not used: it writes files. There is no temporary file at any
point. (Push mode into a QIODevice of our own is not usable from PySide6 6.11: its
``writeData`` receives the PCM as ``str`` and crashes on it.) The source is injectable
(``source_factory``): this machine has no microphone, and the tests give a device of their
own through the same path.

Playing: ``QMediaPlayer.setSourceDevice`` with a :class:`~kintsugi.ui.attachments.media.
VaultDevice` — the recording is read from the vault a chunk at a time.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QIODevice, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kintsugi.core.repo import attachments
from kintsugi.core.repo.attachments import Attachment, AttachmentRepo
from kintsugi.ui.attachments.media import VaultDevice
from kintsugi.ui.session import Session

RATE, CHANNELS = 16000, 1
#: A source: ``factory() -> (object with stop(), QIODevice)``, started at once: the device
#: gives PCM (16-bit, RATE Hz, CHANNELS channels) and says ``readyRead`` until stopped.
SourceFactory = Callable[[], tuple[Any, QIODevice]]


def microphone_available() -> bool:
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return False
    return not QMediaDevices.defaultAudioInput().isNull()


def qt_audio_source() -> tuple[Any, QIODevice]:
    """The default microphone, as 16 kHz mono 16-bit PCM, in pull mode."""
    from PySide6.QtMultimedia import QAudioFormat, QAudioSource, QMediaDevices

    fmt = QAudioFormat()
    fmt.setSampleRate(RATE)
    fmt.setChannelCount(CHANNELS)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    source = QAudioSource(QMediaDevices.defaultAudioInput(), fmt)
    return source, source.start()


class _Holder:
    recording: attachments.Recording | None = None


class VoiceRecorder(QObject):
    """One recording for one record: :meth:`start`, then :meth:`stop` (which saves it)."""

    finished = Signal(object)  # the Attachment
    failed = Signal(str)
    _done = Signal(object)  # a Future, from the writer thread

    def __init__(
        self,
        session: Session,
        record_id: int,
        source_factory: SourceFactory = qt_audio_source,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.session, self.record_id = session, record_id
        self._factory = source_factory
        self._holder = _Holder()
        self._source: Any = None
        self._device: QIODevice | None = None
        self.bytes_recorded = 0
        self._writer: Any = None
        self._done.connect(self._settle)
        self.recording = False

    def start(self) -> None:
        repo = AttachmentRepo(self.session.database())
        holder, record_id = self._holder, self.record_id
        self._writer = writer = self.session.writer()
        mime = f"audio/L16;rate={RATE};channels={CHANNELS}"

        def begin() -> None:
            holder.recording = repo.recorder(record_id, "Voice note.wav", mime)

        writer.submit(begin)
        self._source, self._device = self._factory()
        self._device.readyRead.connect(self._pull)
        self.recording = True
        self.session.about_to_lock.connect(self.stop)

    def _pull(self) -> None:
        """What the source has now, to the writer thread (in order, after ``begin``)."""
        if self._device is None:
            return
        piece = bytes(self._device.readAll().data())
        if not piece:
            return
        holder = self._holder
        self.bytes_recorded += len(piece)

        def append() -> None:
            if holder.recording is not None:
                holder.recording.write(piece)

        self._writer.submit(append)
        if self.bytes_recorded > attachments.MAX_BYTES - (1 << 20):
            QTimer.singleShot(0, self.stop)  # the cap: keep what there is

    @property
    def seconds(self) -> float:
        return self.bytes_recorded / (2 * RATE * CHANNELS)

    def stop(self) -> None:
        if not self.recording:
            return
        self.recording = False
        with contextlib.suppress(RuntimeError, TypeError):
            self.session.about_to_lock.disconnect(self.stop)
        self._pull()  # the last piece
        if self._source is not None:
            self._source.stop()
        if self._device is not None:
            self._device.readyRead.disconnect(self._pull)
            self._device = None
        holder = self._holder

        def finish() -> Attachment:
            assert holder.recording is not None
            return holder.recording.finish()

        future: Future = self._writer.submit(finish)
        future.add_done_callback(self._done.emit)

    def _settle(self, future: Future) -> None:
        exc = future.exception()
        if exc is not None:
            self.failed.emit(str(exc))
        else:
            self.finished.emit(future.result())


class Player(QWidget):
    """Play and pause a recording read from the vault."""

    def __init__(self, session: Session, att: Attachment, parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

        self.session, self.att = session, att
        self.device = VaultDevice(AttachmentRepo(session.database()), att.id, self)
        self.device.open(QIODevice.OpenModeFlag.ReadOnly)
        self.output = QAudioOutput(self)
        self.media = QMediaPlayer(self)
        self.media.setAudioOutput(self.output)
        self.media.setSourceDevice(self.device, QUrl(f"kintsugi-attachment:{att.id}.wav"))
        self.play_button = QPushButton(self.tr("Play"))
        self.play_button.setAccessibleName(self.tr("Play the recording"))
        self.play_button.clicked.connect(self.toggle)
        self.position = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.media.positionChanged.connect(self._show_position)
        self.media.playbackStateChanged.connect(self._state_changed)
        from PySide6.QtMultimedia import QMediaDevices

        if QMediaDevices.defaultAudioOutput().isNull():
            # Qt's player with nowhere to play blocks in stop(): say so instead
            self.play_button.setEnabled(False)
            self.play_button.setToolTip(self.tr("No sound output was found."))
        layout = QHBoxLayout(self)
        layout.addWidget(self.play_button)
        layout.addWidget(self.position, 1)
        self._show_position(0)

    def toggle(self) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if self.media.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.media.pause()
        else:
            self.media.play()

    def stop(self) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if self.media.playbackState() != QMediaPlayer.PlaybackState.StoppedState:
            self.media.stop()

    def _state_changed(self, state) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _show_position(self, ms: int) -> None:
        total = self.att.duration_ms or self.media.duration()
        self.position.setText(f"{_clock(ms)} / {_clock(total)}")


def _clock(ms: int | None) -> str:
    seconds = int((ms or 0) / 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"


class RecordButton(QPushButton):
    """ "Record a voice note" / "Stop and keep it", for one editor's record."""

    problem = Signal(str)
    recorded = Signal(object)

    def __init__(
        self,
        session: Session,
        ensure_saved: Callable[[], int | None],
        source_factory: SourceFactory | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self._ensure_saved = ensure_saved
        self._factory = source_factory
        self.recorder: VoiceRecorder | None = None
        self._tick = QTimer(self, interval=500)
        self._tick.timeout.connect(self._show_time)
        self.clicked.connect(self.toggle)
        self._idle_text()

    def _idle_text(self) -> None:
        self.setText(self.tr("Record a voice note"))
        self.setAccessibleName(self.tr("Record a voice note"))
        self.setToolTip(self.tr("Recorded straight into the encrypted journal file."))

    def toggle(self) -> None:
        if self.recorder is not None and self.recorder.recording:
            self.recorder.stop()
            return
        # Qt Multimedia is loaded on the first click only (not with every editor)
        if self._factory is None and not microphone_available():
            self.problem.emit(self.tr("No microphone was found."))
            return
        record_id = self._ensure_saved()
        if record_id is None:
            self.problem.emit(self.tr("Write something first: a voice note belongs to a record."))
            return
        self.recorder = VoiceRecorder(
            self.session, record_id, self._factory or qt_audio_source, self
        )
        self.recorder.finished.connect(self._finished)
        self.recorder.failed.connect(self._failed)
        self.recorder.start()
        self._tick.start()
        self._show_time()

    def _show_time(self) -> None:
        if self.recorder is not None and self.recorder.recording:
            self.setText(
                self.tr("Stop and keep it ({time})").format(
                    time=_clock(int(self.recorder.seconds * 1000))
                )
            )
        else:
            self._tick.stop()

    def _finished(self, att: Attachment) -> None:
        self._tick.stop()
        self._idle_text()
        self.recorded.emit(att)

    def _failed(self, text: str) -> None:
        self._tick.stop()
        self._idle_text()
        self.problem.emit(text)
