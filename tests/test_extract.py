"""Streaming extract: parts per batch, the same output for any number of workers or a Dask
cluster, an extract folder read back as a corpus, and a cache that knows when to rebuild."""

from __future__ import annotations

import json
import os
import warnings

import pandas as pd
import pytest
from conftest import METADATA, ROOT, SEEDS, load_benchmark

from conflictnews import extract as extract_module
from conflictnews.casualties import extract_casualties
from conflictnews.corpus import load_corpus
from conflictnews.extract import (
    PART_TABLES,
    SUMMARY_TABLES,
    cached_extract,
    read_table,
    run_extract,
)
from conflictnews.series import casualty_estimates, casualty_series

TABLES = [*PART_TABLES, *SUMMARY_TABLES]


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """350 synthetic articles in 4 files (the benchmark generator)."""
    return load_benchmark("make_corpus").make_corpus(
        350, tmp_path_factory.mktemp("generated") / "corpus")


def same_tables(a, b):
    for name in TABLES:
        left, right = read_table(a, name), read_table(b, name)
        pd.testing.assert_frame_equal(left, right, obj=name)


def test_parts_per_batch_and_csv_when_small(tmp_path, generated):
    manifest = run_extract(generated, tmp_path / "x", None, batch_files=1)
    out = tmp_path / "x"
    assert manifest["batches"] == 4
    for name in PART_TABLES:
        assert len(list((out / name).glob("part-*.parquet"))) == 4
        assert len(pd.read_csv(out / f"{name}.csv")) == manifest["rows"][name]
    assert manifest["rows"]["articles"] == 350
    saved = json.loads((out / "manifest.json").read_text())
    assert saved["rows"] == manifest["rows"] and saved["fingerprint"]["files"] == 4


def test_two_workers_give_the_same_output_as_one(tmp_path, generated):
    run_extract(generated, tmp_path / "one", None, batch_files=1, jobs=1)
    run_extract(generated, tmp_path / "two", None, batch_files=1, jobs=2)
    same_tables(tmp_path / "one", tmp_path / "two")
    run_extract(SEEDS, tmp_path / "s1", METADATA, jobs=1, batch_files=1)
    run_extract(SEEDS, tmp_path / "s2", METADATA, jobs=2, batch_files=1)
    same_tables(tmp_path / "s1", tmp_path / "s2")


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_output(tmp_path, generated):
    run_extract(generated, tmp_path / "local", None, batch_files=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        manifest = run_extract(generated, tmp_path / "dask", None, batch_files=1,
                               engine="dask", jobs=2)
    assert manifest["engine"] == "dask"
    same_tables(tmp_path / "local", tmp_path / "dask")
    run_extract(SEEDS, tmp_path / "seeds-local", METADATA)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run_extract(SEEDS, tmp_path / "seeds-dask", METADATA, engine="dask", jobs=2)
    same_tables(tmp_path / "seeds-local", tmp_path / "seeds-dask")


def test_an_extract_folder_reads_back_as_the_corpus(tmp_path, articles):
    run_extract(SEEDS, tmp_path / "x", METADATA)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        again = load_corpus(tmp_path / "x")
    pd.testing.assert_frame_equal(again, articles)


def test_the_cache_is_reused_until_an_input_changes(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in SEEDS.glob("*.txt"):
        (corpus / p.name).write_bytes(p.read_bytes())
    actors = tmp_path / "actors.yml"
    actors.write_text((ROOT / "data" / "actors.yml").read_text())
    first = cached_extract(corpus, METADATA, actors=str(actors), cache_dir=tmp_path / "c")
    again = cached_extract(corpus, METADATA, actors=str(actors), cache_dir=tmp_path / "c")
    assert (first.reused, again.reused, again.path) == (False, True, first.path)
    target = corpus / "000_e8ea8e3ea3ffb204.txt"
    os.utime(target, ns=(target.stat().st_atime_ns, target.stat().st_mtime_ns + 10**9))
    touched = cached_extract(corpus, METADATA, actors=str(actors), cache_dir=tmp_path / "c")
    assert not touched.reused and touched.path != first.path
    actors.write_text(actors.read_text() + "\n# a comment changes the list's hash\n")
    edited = cached_extract(corpus, METADATA, actors=str(actors), cache_dir=tmp_path / "c")
    assert not edited.reused
    assert load_corpus(edited.path, None)["doc_id"].tolist() == \
        load_corpus(first.path, None)["doc_id"].tolist()


def test_an_interrupted_extract_leaves_the_previous_one(tmp_path, generated, monkeypatch):
    out = tmp_path / "x"
    run_extract(SEEDS, out, METADATA)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    calls = []
    real = extract_module.run_batch

    def interrupted(batch, job, folder):
        calls.append(batch.index)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(batch, job, folder)

    monkeypatch.setattr(extract_module, "run_batch", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_extract(generated, out, None, batch_files=1)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    # no half-written folder left (the lock file stays; flock needs no cleanup)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".x.lock", "x"]


def test_series_built_batch_by_batch_equal_the_series_of_the_whole(tmp_path, articles):
    run_extract(SEEDS, tmp_path / "x", METADATA, batch_files=1)  # one batch per seed file
    figures = extract_casualties(articles)
    for name, build in (("casualty_series", casualty_series),
                        ("casualty_estimates", casualty_estimates)):
        pd.testing.assert_frame_equal(read_table(tmp_path / "x", name), build(figures),
                                      obj=name)

