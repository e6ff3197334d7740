"""The pattern helper: Unicode classes rewritten for ``re``, and compiled patterns kept between runs."""

from __future__ import annotations

import importlib
import marshal
import os
import pkgutil
import re
import subprocess
import sys
import time
from array import array
from pathlib import Path

import pytest

import kehoach
from kehoach import leftovers, rx

from .conftest import ROOT, SAMPLES


def _module_patterns() -> dict[tuple[str, int], str]:
    found: dict[tuple[str, int], str] = {}
    for info in pkgutil.walk_packages(kehoach.__path__, "kehoach."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, rx._Lazy):
                found[(value.pattern, value.flags)] = f"{info.name}.{name}"
    return found


def test_every_module_pattern_compiles_with_the_standard_re():
    """No pattern needs the slow third-party engine (a look-behind of varying width, say)."""
    patterns = _module_patterns()
    assert len(patterns) > 100
    for (pattern, flags), name in patterns.items():
        try:
            re.compile(rx._translate(pattern), flags)
        except re.error as e:  # pragma: no cover (the message names the pattern)
            pytest.fail(f"{name} does not compile with re: {e}")


@pytest.mark.parametrize("pattern, yes, no", [
    (r"[\p{L}\d]+", ["Hoạch2026", "Đà", "ǅ"], ["-", " ", "_"]),
    (r"(?<![\p{L}\d])KH(?![\p{L}\d])", ["KH", "Sở KH", "(KH)"], ["CKH", "KH2", "ẠKH"]),
    (r"[^\p{L}\s]", ["1", "-", "_"], ["a", "Ữ", " "]),
    (r"[\p{L}]", ["ệ", "Я", "中"], ["7", "."]),
    (r"[^\p{L}]", ["7", "."], ["ệ", "Я"]),
    (r"[\p{L}\s.\-]{3}", ["a.b", "Đ -"], ["a1b"]),
    (r"[\]\p{L}]", ["]", "a"], ["1"]),
    (r"\p{Lu}\p{Ll}+", ["Hoạch", "Ủy"], ["hoạch", "HOẠCH"]),
    (r"[\p{Lu}\d]", ["Ư", "5"], ["ư"]),
])
def test_classes_with_letters_match_as_the_unicode_classes_do(pattern, yes, no):
    compiled = rx.compile(pattern)
    assert all(compiled.search(s) for s in yes), yes
    assert not any(compiled.search(s) for s in no), no


def test_a_bracket_in_a_verbose_comment_is_left_as_written():
    p = rx.compile(r"""a  # the [ opens nothing
                       b""", rx.X)
    assert p.fullmatch("ab")


def test_a_bytes_pattern_is_compiled_as_re_compiles_it():
    assert rx.compile(rb"\d+-\d+").search(b"KH 12-34").group() == b"12-34"
    assert rx.sub(rb"\s+", b" ", b"a \t b") == b"a b"


def _run(cache_home, sample):
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home), "PYTHONPATH": str(ROOT / "src")}
    env.pop("KEHOACH_NO_PATTERN_CACHE", None)
    return subprocess.run([sys.executable, "-m", "kehoach.cli", "extract", str(sample), "-f", "json"],
                          capture_output=True, env=env, check=True).stdout


def test_patterns_kept_between_runs_give_the_same_output(tmp_path):
    sample = SAMPLES / "thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt"
    first = _run(tmp_path, sample)
    stored = list((tmp_path / "kehoach").glob("patterns-*.marshal"))
    assert len(stored) == 1 and stored[0].stat().st_size > 0
    assert _run(tmp_path, sample) == first
    stored[0].write_bytes(b"not marshal data")  # a damaged file is ignored (and replaced)
    assert _run(tmp_path, sample) == first


def _store_with_one_pattern(monkeypatch, tmp_path, pattern: str = r"Sở\s+\p{Lu}"):
    """A writable pattern store under ``tmp_path`` holding one compiled pattern (skips where the
    interpreter cannot store patterns)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("KEHOACH_NO_PATTERN_CACHE", raising=False)
    store = rx._Store()
    store.entries, store.writable = {}, True
    store.add(pattern, 0, rx._translate(pattern), re.compile(rx._translate(pattern)))
    if not store.added:  # pragma: no cover (an interpreter without the engine's constructor)
        pytest.skip("patterns are not stored on this interpreter")
    return store, pattern


def test_a_store_file_whose_checksum_fails_is_not_read(monkeypatch, tmp_path):
    store, pattern = _store_with_one_pattern(monkeypatch, tmp_path)
    store.save()
    path = Path(store.path())
    good = path.read_bytes()
    fresh = rx._Store()
    fresh._load()
    assert fresh.keys() == {rx._Store.key(pattern, 0)} and fresh.get(pattern, 0) is not None
    path.write_bytes(good[:-1] + bytes([good[-1] ^ 1]))  # one bit changed in the stored code
    damaged = rx._Store()
    assert damaged.get(pattern, 0) is None  # the entry's checksum fails: compiled afresh
    head = len(rx._HEADER) + 8
    path.write_bytes(good[:head] + bytes([good[head] ^ 1]) + good[head + 1:])  # one bit changed in the index
    damaged = rx._Store()
    assert damaged.keys() == set() and damaged.get(pattern, 0) is None
    for cut in (len(rx._HEADER) + 3, head + 5, len(good) - 1):  # a file cut short (a full disk, a killed writer)
        path.write_bytes(good[:cut])
        assert rx._Store().get(pattern, 0) is None


def test_a_store_keeps_the_entries_of_earlier_runs(monkeypatch, tmp_path):
    """Each run that adds patterns writes the file again with the entries it read and its own; a run
    finds any of them by its key (the index is searched, entries are read only when used)."""
    patterns = [rf"(?:x{k}|\p{{Lu}}{k})+" for k in range(40)]
    store, first = _store_with_one_pattern(monkeypatch, tmp_path)
    store.save()
    for chunk in (patterns[:13], patterns[13:]):
        run = rx._Store()
        run._load()
        for p in chunk:
            run.add(p, rx.I, rx._translate(p), re.compile(rx._translate(p), re.I))
        run.save()
    fresh = rx._Store()
    assert fresh.keys() == {rx._Store.key(p, f) for p, f in [(first, 0), *((p, rx.I) for p in patterns)]}
    for p in [first, *patterns]:
        flags = 0 if p == first else rx.I
        assert fresh.get(p, flags) == re.compile(rx._translate(p), flags)
    assert fresh.get(first, rx.I) is None and fresh.get("unknown", 0) is None


def test_a_stored_entry_rebuilds_the_same_pattern(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("KEHOACH_NO_PATTERN_CACHE", raising=False)
    store = rx._Store()
    store.entries, store.writable = {}, True
    pattern = r"(?P<agency>Sở\s+\p{Lu}\p{L}*)(?<![\p{L}\d]X)"
    compiled = re.compile(rx._translate(pattern), re.I)
    store.add(pattern, re.I, rx._translate(pattern), compiled)
    if not store.added:  # pragma: no cover (an interpreter without the engine's constructor)
        pytest.skip("patterns are not stored on this interpreter")
    rebuilt = store.get(pattern, re.I)
    assert rebuilt == compiled and rebuilt.search("ở sở tài chính").group("agency") == "sở tài"


def test_an_unwritable_cache_directory_costs_nothing_extra(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    monkeypatch.delenv("KEHOACH_NO_PATTERN_CACHE", raising=False)
    (tmp_path / "file").write_text("a file where the directory should be")
    store = rx._Store()
    assert store.get(r"\p{L}+", 0) is None and not store.writable
    store.add(r"\p{L}+", 0, rx._translate(r"\p{L}+"), re.compile(rx._translate(r"\p{L}+")))
    assert not store.added


def test_a_damaged_store_is_never_used(tmp_path):
    """A store whose bytes changed (a bad disk, an edit) is ignored, and an entry the engine refuses
    is compiled afresh: never a traceback, never a changed pattern."""
    sample = SAMPLES / "thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt"
    first = _run(tmp_path, sample)
    (stored,) = (tmp_path / "kehoach").glob("patterns-*.marshal")
    raw = bytearray(stored.read_bytes())
    raw[len(raw) // 2] ^= 0x01  # one bit flipped in the middle of a pattern's code
    stored.write_bytes(bytes(raw))
    assert _run(tmp_path, sample) == first
    store = rx._Store()
    refused = array("I", [0xFFFFFFFF]).tobytes()  # no code the engine takes
    store.entries = {store.key("x", 0): marshal.dumps(("x", 0, "x", 0, refused, 0, {}, ()))}
    assert store.get("x", 0) is None


def test_an_entry_is_used_only_for_its_own_pattern(monkeypatch, tmp_path):
    """Entries are found by checksum; one found under another pattern's key (two patterns with one
    checksum) is not used for it."""
    store, pattern = _store_with_one_pattern(monkeypatch, tmp_path)
    (raw,) = store.entries.values()
    store.entries = {store.key("y+", 0): raw, store.key(pattern, rx.I): raw}
    assert store.get("y+", 0) is None and store.get(pattern, rx.I) is None


def _dead_pid() -> int:
    """The number of a process that has ended."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True)
    return int(child.stdout)


def test_the_store_removes_temporary_files_a_killed_writer_left(monkeypatch, tmp_path):
    store, pattern = _store_with_one_pattern(monkeypatch, tmp_path)
    folder = tmp_path / "kehoach"
    folder.mkdir()
    name = Path(store.path()).name
    dead, host = _dead_pid(), leftovers.host()
    left = {"killed": folder / f"{name}.{dead}@{host}.tmp", "old version": folder / f"{name}.{dead}.tmp",
            "other version": folder / f"patterns-1-x.marshal.{dead}@{host}.tmp",
            "abandoned elsewhere": folder / f"{name}.1@elsewhere.tmp"}
    kept = {"writing": folder / f"{name}.{os.getppid()}@{host}.tmp",
            "writing elsewhere": folder / f"{name}.{dead}@elsewhere.tmp", "not ours": folder / "notes.tmp",
            "not a pid": folder / f"{name}.x{dead}@{host}.tmp"}
    for path in [*left.values(), *kept.values()]:
        path.write_bytes(b"half")
    old = time.time() - 2 * 24 * 3600
    os.utime(left["abandoned elsewhere"], (old, old))
    store.save()
    assert [k for k, p in left.items() if p.exists()] == []
    assert [k for k, p in kept.items() if not p.exists()] == []
    fresh = rx._Store()
    fresh._load()
    assert fresh.keys() == {rx._Store.key(pattern, 0)} and fresh.get(pattern, 0) is not None


_TRANSLATION_PROBES = (
    r"\p{L}+", r"\p{Lu}\p{Ll}*", r"\p{N}\p{M}", r"[\p{L}\d_-]", r"[^\p{L}\s]", r"[\p{Lu}\p{N}]",
    r"[^\p{Ll}x]", r"[\p{M}]", r"[]\p{L}]", r"[\]\p{Lu}]", r"\\p{L}", r"\p{X}", "a [ b", r"(?<![\p{L}\d])x",
)


def test_the_store_is_named_for_the_translation_it_holds(monkeypatch):
    """An entry holds the engine code of its pattern as translated when it was stored: a change to
    what _translate writes must change rx._TRANSLATION (in the store's file name), or a store made
    by other translation code (another checkout of this version) would hand out the old code."""
    import zlib

    digest = f"t{zlib.crc32(chr(10).join(map(rx._translate, _TRANSLATION_PROBES)).encode()):x}"
    assert rx._TRANSLATION == digest, f"the translation changed: set rx._TRANSLATION = {digest!r}"
    monkeypatch.delenv("KEHOACH_NO_PATTERN_CACHE", raising=False)
    path = rx._Store().path()
    assert path is None or f"-{digest}-" in os.path.basename(path)  # None: an interpreter without _sre


def test_a_relative_cache_home_is_not_used(monkeypatch, tmp_path):
    """XDG_CACHE_HOME must be absolute: a relative one is ignored (the XDG rule), not made in the
    current folder of whatever command runs kehoach."""
    monkeypatch.delenv("KEHOACH_NO_PATTERN_CACHE", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", "cache")
    path = rx._Store().path()
    assert path is None or path.startswith(str(tmp_path / "home" / ".cache" / "kehoach") + os.sep)


def test_flags_and_escape_are_res():
    """kehoach.rx gives the flags' values and escape without importing re (see its module's note): the same."""
    assert (rx.I, rx.X, rx.S, rx.M) == (re.I, re.X, re.S, re.M)
    assert rx.error is re.error
    text = "".join(map(chr, range(0x250))) + "Kế hoạch (số 1/KH-UBND) [a-z]*+?{2}|^$#&~\u3000"
    assert rx.escape(text) == re.escape(text)
    for k in range(len(text)):
        assert rx.escape(text[k:k + 3]) == re.escape(text[k:k + 3])
