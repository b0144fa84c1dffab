"""Every code in the error catalogue is provoked here, as a user would meet it, and arrives as one
line that starts with the code. A code added to `errors.Code` without a case below fails."""

from __future__ import annotations

import importlib
import json
import os
import socket
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from harmledger.errors import MESSAGES, Code, HarmledgerError
from harmledger.ingest.decode import read_text
from tests.conftest import ROOT


def cli_main() -> Callable[[], None]:
    """The function pyproject.toml names as the `harmledger` script, so this follows the CLI
    wherever its module moves (the installed metadata can lag behind the checkout)."""
    module, name = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]["harmledger"].split(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


class Run:
    """The `harmledger` command called in this process (cheaper than a subprocess)."""

    def __init__(self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        self.tmp, self.capsys, self.monkeypatch = tmp_path, capsys, monkeypatch
        self.db = str(tmp_path / "h.db")
        monkeypatch.delenv("HARMLEDGER_DB", raising=False)

    def __call__(self, *args: str, db: str | None = None) -> list[str]:
        """The lines of stderr that carry a code."""
        self.monkeypatch.setattr(sys, "argv", ["harmledger", "--db", db or self.db, *args])
        self.capsys.readouterr()
        with pytest.raises(SystemExit) as exit_:
            cli_main()()
        stderr = self.capsys.readouterr().err
        assert exit_.value.code in (0, 1) and "Traceback" not in stderr, stderr
        return [line for line in stderr.splitlines() if line.startswith("HL")]

    def file(self, name: str, content: str | bytes) -> str:
        path = self.tmp / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        return str(path)

    def ingest(self, name: str, content: str | bytes) -> list[str]:
        return self("ingest", self.file(name, content))

    def database(self) -> str:
        """An empty database at the current schema."""
        from harmledger.store.database import open_database

        open_database(self.db).dispose()
        return self.db


def _record(text: str, language: str) -> str:
    return json.dumps({"id": f"r-{language}", "text": text, "language": language, "published": "2022-04-08"})


# Our own sentences: a Ukrainian strike report (read by lemmas, no parser) and a German one (a
# language no pack reads, so it is stored without loading any model).
UKRAINIAN = "8 квітня ракета влучила у вокзал у Краматорську. Загинули 50 людей, повідомила поліція."
GERMAN = "Am Freitag traf eine Rakete den Bahnhof der Stadt. Die Polizei meldete viele Verletzte."


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _permission_denied(run: Run) -> list[str]:
    path = Path(run.file("locked.txt", "2022-04-08\n\nTitle\n\nText.\n"))
    path.chmod(0)
    if os.geteuid() == 0:  # root reads any file: the system's refusal is simulated for this one path
        real = Path.read_bytes

        def refuse(self: Path) -> bytes:
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)
        run.monkeypatch.setattr(Path, "read_bytes", refuse)
    return run("ingest", str(path))


def _read(path: Path) -> list[str]:
    try:
        read_text(path)
    except HarmledgerError as exc:
        return [str(exc)]
    return []


def _extraction_fails(run: Run) -> list[str]:
    def broken(*args: object) -> None:
        raise RuntimeError("reader bug")
    run.monkeypatch.setattr("harmledger.extract.morph_article.extract_mentions", broken)
    return run.ingest("uk.jsonl", _record(UKRAINIAN, "uk") + "\n")


def _database_refuses(run: Run) -> list[str]:
    def refuse(*args: object) -> set[str]:
        raise ValueError("value out of range")
    run.monkeypatch.setattr("harmledger.store.repository.save_articles", refuse)
    return run.ingest("de.jsonl", _record(GERMAN, "de") + "\n")


def _cannot_split(run: Run) -> list[str]:
    from harmledger.store.database import open_database
    from harmledger.store.repository import load_incidents

    run.ingest("uk.jsonl", _record(UKRAINIAN, "uk") + "\n")
    (found,) = load_incidents(open_database(run.db), with_members=False)
    return run("split", found.id, "not-in-it.txt")


def _damaged_database(run: Run) -> list[str]:
    from sqlalchemy import text

    from harmledger.store.database import open_database

    engine = open_database(run.database())
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE incidents"))
    engine.dispose()
    return run("incidents")


def _no_scheduler(run: Run) -> list[str]:
    import harmledger.app.distribute

    run.monkeypatch.setattr(harmledger.app.distribute, "CONNECT_TIMEOUT", "1s")  # the default waits 15 s
    return run("ingest", "--scheduler", f"tcp://127.0.0.1:{_closed_port()}",
               run.file("de.jsonl", _record(GERMAN, "de") + "\n"))


def _bad_workers(run: Run) -> list[str]:
    from harmledger.app.distribute import extract_on_dask
    from harmledger.app.reading import IngestReport

    try:
        next(extract_on_dask([], 0, None, IngestReport()))
    except HarmledgerError as exc:
        return [str(exc)]
    return []


def _internal(run: Run) -> list[str]:
    def bug(*args: object) -> None:
        raise KeyError("a bug")
    db = run.database()
    run.monkeypatch.setattr("harmledger.store.repository.pending_mentions", bug)
    return run("recover", db=db)


def _empty_folder(run: Run) -> list[str]:
    (run.tmp / "empty").mkdir()
    return run("ingest", str(run.tmp / "empty"))


PROVOKE: dict[Code, Callable[[Run], list[str]]] = {
    Code.NO_SUCH_PATH: lambda run: run("ingest", str(run.tmp / "missing.txt")),
    Code.NOT_UTF8: lambda run: run.ingest("latin1.txt", b"2022-04-08\n\nCaf\xe9\n\nA text.\n"),
    Code.EMPTY_FILE: lambda run: run.ingest("empty.txt", "  \n"),
    Code.BINARY_FILE: lambda run: run.ingest("binary.txt", b"GIF89a\x00\x01\x02"),
    Code.BAD_JSON_LINE: lambda run: run.ingest("lines.jsonl", "{not json\n"),
    Code.BAD_JSON: lambda run: run.ingest("one.json", "{not json"),
    Code.NO_MAIN_TEXT: lambda run: run.ingest("page.html", "<html><body><nav>Home</nav></body></html>"),
    Code.BAD_RECORD: lambda run: run.ingest("record.jsonl", '{"title": "no text"}\n'),
    Code.BAD_FEED: lambda run: run.ingest("feed.xml", "<rss><channel><title>x</title></channel></rss>"),
    Code.UNSUPPORTED_TYPE: lambda run: run.ingest("report.pdf", "%PDF-1.4"),
    Code.EMPTY_FOLDER: _empty_folder,
    Code.UNREAD_LANGUAGE: lambda run: run.ingest("de.jsonl", _record(GERMAN, "de") + "\n"),
    Code.TOO_LONG: lambda run: run.ingest("long.txt", "2022-04-08\n\nLong\n\n" + "word " * 100_001),
    Code.EXTRACTION_FAILED: _extraction_fails,
    Code.ARTICLE_REFUSED: _database_refuses,
    Code.PERMISSION_DENIED: _permission_denied,
    Code.IS_A_FOLDER: lambda run: _read(run.tmp),
    Code.UNREADABLE_FILE: lambda run: _read(Path("/proc/self/mem")),  # reading at offset 0 is an I/O error
    Code.BAD_GOLD_FOLDER: lambda run: run("eval", str(run.tmp)),
    Code.CANNOT_OPEN_DATABASE: lambda run: run("incidents", db=str(run.tmp / "nowhere" / "h.db")),
    Code.NO_SUCH_INCIDENT: lambda run: run("show", "Inothere", db=run.database()),
    Code.CANNOT_SPLIT: _cannot_split,
    Code.CANNOT_MERGE: lambda run: run("merge", "Ionly", "Ionly", db=run.database()),
    Code.NO_SUCH_ARTICLE: lambda run: run("detach", "no-such-article.txt", db=run.database()),
    Code.NO_POSTGRESQL_SERVER: lambda run: run(
        "incidents", db=f"postgresql://analyst:secret@127.0.0.1:{_closed_port()}/harmledger"),
    Code.DATABASE_ERROR: _damaged_database,
    Code.NO_DASK_SCHEDULER: _no_scheduler,
    Code.BAD_WORKERS: _bad_workers,
    Code.NO_SUCH_DATABASE: lambda run: run("incidents", db=str(run.tmp / "mistyped.db")),
    Code.BAD_COMPARE_FILE: lambda run: run("compare", run.file("other.csv", "a,b\n1,2\n"), db=run.database()),
    Code.INTERNAL: _internal,
}


@pytest.mark.parametrize("code", list(Code), ids=[f"{c.value}-{c.name}" for c in Code])
def test_each_error_code_is_provoked_and_is_one_line(code: Code, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert code in PROVOKE, f"{code.value} ({code.name}) has no case here: add one that provokes it"
    lines = PROVOKE[code](Run(tmp_path, capsys, monkeypatch))
    assert any(line.startswith(f"{code.value} ") for line in lines), lines


def test_every_code_has_one_message_and_codes_are_unique() -> None:
    assert set(MESSAGES) == set(Code)
    assert len({c.value for c in Code}) == len(Code)

