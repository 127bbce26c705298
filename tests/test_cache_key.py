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


# -- every option that changes the output is in the key ----------------------------------

def _table_corpus(folder: Path) -> Path:
    """A small CSV corpus with its own column names and dotted dates."""
    folder.mkdir()
    path = folder / "desk.csv"
    path.write_text(
        "report_body,day\n"
        '"Two soldiers were wounded near the border on Tuesday, the ministry said.",03.04.2021\n'
        '"Talks on the exchange of prisoners resumed in Moscow.",05.04.2021\n',
        encoding="utf-8")
    return path


def test_date_order_columns_and_copies_change_the_key(tmp_path):
    files, _ = corpus_files(_table_corpus(tmp_path / "c"))

    def key(**options):
        return extract.fingerprint(files, None, DEFAULT_ACTORS, True, **options)

    default = key()
    assert default == key(dotted="dmy", columns={}, include_copies=False)
    assert key(dotted="mdy") != default
    assert key(columns={"text": "report_body"}) != default
    both = {"text": "report_body", "published": "day"}
    assert key(columns={"text": "report_body"}) != key(columns=both)
    assert key(include_copies=True) != default
    # the same mapping in another order is the same key
    assert key(columns=both) == key(columns={"published": "day", "text": "report_body"})


def test_the_options_give_the_same_key_from_any_working_folder(monkeypatch):
    options = {"dotted": "mdy", "columns": {"text": "report_body"}, "include_copies": True}
    monkeypatch.chdir(ROOT)
    files, _ = corpus_files(Path("seeds"))
    from_root = extract.fingerprint(files, "data/metadata.csv", DEFAULT_ACTORS, True,
                                    **options)
    monkeypatch.chdir(ROOT / "notebooks")
    files, _ = corpus_files(Path("../seeds"))
    from_notebooks = extract.fingerprint(files, "../data/metadata.csv", DEFAULT_ACTORS,
                                         True, **options)
    assert from_notebooks == from_root
    assert from_root["dotted"] == "mdy" and from_root["include_copies"] is True


def test_cached_extract_passes_the_options_on(tmp_path):
    import pandas as pd

    corpus = _table_corpus(tmp_path / "c")
    cache = tmp_path / "cache"
    unmapped = extract.cached_extract(corpus, None, cache_dir=cache)
    assert unmapped.manifest["rows"]["articles"] == 0  # no column named like a text
    mapping = {"text": "report_body", "published": "day"}
    dmy = extract.cached_extract(corpus, None, cache_dir=cache, columns=mapping)
    mdy = extract.cached_extract(corpus, None, cache_dir=cache, columns=mapping,
                                 dotted="mdy")
    every = extract.cached_extract(corpus, None, cache_dir=cache, columns=mapping,
                                   include_copies=True)
    assert len({unmapped.path, dmy.path, mdy.path, every.path}) == 4
    assert not any(x.reused for x in (unmapped, dmy, mdy, every))

    def published(x):
        return extract.read_table(x.path, "articles")["published"].tolist()

    assert published(dmy) == [pd.Timestamp("2021-04-03"), pd.Timestamp("2021-04-05")]
    assert published(mdy) == [pd.Timestamp("2021-03-04"), pd.Timestamp("2021-05-04")]
    assert (dmy.manifest["copies"]["counted_once"],
            every.manifest["copies"]["counted_once"]) == (True, False)
    again = extract.cached_extract(corpus, None, cache_dir=cache, columns=mapping,
                                   dotted="mdy")
    assert again.reused and again.path == mdy.path
