"""Turn a file's bytes into text, refusing empty, binary and non-UTF-8 input by name."""

from __future__ import annotations

from pathlib import Path

from harmledger.errors import HarmledgerError


def read_text(path: Path) -> str:
    """Return the UTF-8 text of `path`, or raise HarmledgerError saying what is wrong with it."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise HarmledgerError("HL100", path) from None
    except OSError as exc:
        raise HarmledgerError("HL105", path, detail=exc.strerror) from None
    return decode_bytes(data, path)


def decode_bytes(data: bytes, path: object) -> str:
    """Decode `data` as UTF-8 (a BOM is allowed); `path` names the input in errors."""
    if not data.strip():
        raise HarmledgerError("HL102", path)
    if b"\x00" in data[:8192]:
        raise HarmledgerError("HL103", path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        detail = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
        raise HarmledgerError("HL101", path, detail=detail) from None
