"""Turn a file's bytes into text, refusing empty, binary and non-UTF-8 input by name."""

from __future__ import annotations

from pathlib import Path

from harmledger.errors import Code, HarmledgerError


def read_text(path: Path) -> str:
    """Return the UTF-8 text of `path`, or raise HarmledgerError saying what is wrong with it."""
    return decode_bytes(read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    """The bytes of `path`, or a HarmledgerError naming why the system would not give them."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise HarmledgerError(Code.NO_SUCH_PATH, path) from None
    except PermissionError:
        raise HarmledgerError(Code.PERMISSION_DENIED, path) from None
    except IsADirectoryError:
        raise HarmledgerError(Code.IS_A_FOLDER, path) from None
    except OSError as exc:  # a disk or device error: say what the system said
        raise HarmledgerError(Code.UNREADABLE_FILE, path, detail=exc.strerror or type(exc).__name__) from None


def decode_bytes(data: bytes, path: object) -> str:
    """Decode `data` as UTF-8 (a BOM is allowed); `path` names the input in errors."""
    if not data.strip():
        raise HarmledgerError(Code.EMPTY_FILE, path)
    if b"\x00" in data[:8192]:
        raise HarmledgerError(Code.BINARY_FILE, path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        detail = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
        raise HarmledgerError(Code.NOT_UTF8, path, detail=detail) from None
