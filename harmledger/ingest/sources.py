"""Find the input files under the given paths and read each with the reader for its format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from harmledger.errors import Code, HarmledgerError
from harmledger.ingest import readers
from harmledger.ingest.record import RawRecord

READERS: dict[str, Callable[[Path], readers.Found]] = {
    ".txt": readers.read_txt,
    ".text": readers.read_txt,
    ".html": readers.read_html,
    ".htm": readers.read_html,
    ".jsonl": readers.read_jsonl,
    ".json": readers.read_json,
    ".xml": readers.read_feed,
    ".rss": readers.read_feed,
    ".atom": readers.read_feed,
}


@dataclass
class FileResult:
    path: Path
    records: list[RawRecord] = field(default_factory=list)
    errors: list[HarmledgerError] = field(default_factory=list)


def input_files(paths: list[Path]) -> tuple[list[Path], list[HarmledgerError]]:
    """Expand folders into the readable files they hold (sorted); report missing paths."""
    files: list[Path] = []
    errors: list[HarmledgerError] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS
                           and not p.name.startswith(".") and p.name.lower() != "readme.txt")
            if not found:
                errors.append(HarmledgerError(Code.EMPTY_FOLDER, path))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            errors.append(HarmledgerError(Code.NO_SUCH_PATH, path))
    return files, errors


def read_file(path: Path) -> FileResult:
    """Read one file with the reader for its suffix; errors are collected, never raised."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        return FileResult(path, errors=[HarmledgerError(Code.UNSUPPORTED_TYPE, path, detail=path.suffix)])
    try:
        records, errors = reader(path)
    except HarmledgerError as exc:
        return FileResult(path, errors=[exc])
    return FileResult(path, records, errors)
