"""The cached extract's key: the same from any working folder, and changed by any change
to the rules (code or rule data), not only by a new version number."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import METADATA, ROOT, SEEDS

from conflictnews import extract
from conflictnews.actor_list import DEFAULT_ACTORS, load_actors
from conflictnews.corpus import corpus_files


def _key(corpus, metadata, actors=DEFAULT_ACTORS):
    files, _ = corpus_files(Path(corpus))
    return extract.fingerprint(files, metadata, actors, True)


def test_the_key_is_the_same_from_the_repository_and_from_notebooks(monkeypatch):
    monkeypatch.chdir(ROOT)
    from_root = _key("seeds", "data/metadata.csv")
    monkeypatch.chdir(ROOT / "notebooks")
    from_notebooks = _key("../seeds", "../data/metadata.csv")
    assert from_notebooks == from_root
    # the default actor list is found (bundled) from notebooks/ too, and its content hashed
    bundled = load_actors(ROOT / DEFAULT_ACTORS)
    assert from_notebooks["actors"] == extract.fingerprint([], None, bundled.source,
                                                           True)["actors"]
    assert from_notebooks["actors"] != "missing" and from_root["metadata"] != "missing"


def test_a_changed_actor_list_or_metadata_changes_the_key(tmp_path):
    actors = tmp_path / "actors.yml"
    shutil.copy(ROOT / DEFAULT_ACTORS, actors)
    before = _key(SEEDS, METADATA, actors)
    actors.write_text(actors.read_text() + "\n# a comment is a change too\n")
    assert _key(SEEDS, METADATA, actors)["actors"] != before["actors"]
    meta = tmp_path / "meta.csv"
    meta.write_text(METADATA.read_text().replace("2020-11-06", "2020-11-07"))
    assert _key(SEEDS, meta)["metadata"] != _key(SEEDS, METADATA)["metadata"]


def test_changing_a_rule_file_changes_the_key(tmp_path, monkeypatch):
    package = tmp_path / "conflictnews"
    data = tmp_path / "data"
    shutil.copytree(extract.PACKAGE_DIR, package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(extract.DATA_DIR, data)
    monkeypatch.setattr(extract, "PACKAGE_DIR", package)
    monkeypatch.setattr(extract, "DATA_DIR", data)
    before = _key(SEEDS, METADATA)
    assert before == _key(SEEDS, METADATA)  # stable
    assert before["rules"] == extract.rules_digest(extract.PACKAGE_DIR, extract.DATA_DIR)
    rule = package / "casualties.py"
    rule.write_text(rule.read_text().replace('"wounded"', '"hurt"', 1))
    after_code = _key(SEEDS, METADATA)
    assert after_code["rules"] != before["rules"]
    assert after_code["version"] == before["version"]  # the version alone would miss it
    (data / "profile.yml").write_text("parties: []\n")  # rule data beside the actor list
    assert _key(SEEDS, METADATA)["rules"] != after_code["rules"]
