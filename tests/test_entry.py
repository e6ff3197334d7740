"""The `kehoach` entry point reads `kehoach extract FILE [options]` without click: whatever its
narrow parser takes must give exactly what the click interface gives (stdout, stderr, exit code,
the file written), and whatever it does not take must reach click unchanged."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach import entry
from kehoach.cli import main as click_main
from kehoach.export import EXPORTERS
from kehoach.paths import as_pathlib_reads, suffix

from .cli_run import modules_after_extract

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "samples" / "thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so.md"  # warns
CLEAN = ROOT / "samples" / "bac-ninh-88-kh-ubnd-2023-cai-cach-hanh-chinh-bang-bo-cuc.md"


def _run(fn, argv: list[str], capfd, folder: Path) -> tuple:
    """(exit code, stdout, stderr, files left in ``folder`` with their bytes) of one run."""
    for f in folder.iterdir():
        if f.is_file() and f.suffix != ".md":
            f.unlink()
    capfd.readouterr()
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        code = fn(argv)
    except SystemExit as e:
        code = e.code
    except Exception as e:  # --debug: the error itself, with its traceback
        code = f"{type(e).__name__}: {e}"
    finally:
        os.chdir(cwd)
    sys.stdout.flush()
    out, err = capfd.readouterr()
    files = {f.name: f.read_bytes() for f in sorted(folder.iterdir()) if f.is_file() and f.suffix != ".md"}
    return code if isinstance(code, str) else int(code or 0), out, err, files


def _click(argv: list[str]):
    return click_main.main(args=argv, prog_name="kehoach")


@pytest.fixture
def folder(tmp_path):
    shutil.copy(SMALL, tmp_path / "plan.md")
    shutil.copy(CLEAN, tmp_path / "clean.md")
    (tmp_path / "old.yaml").write_text("kept: true\n", encoding="utf-8")
    return tmp_path


TAKEN = [
    ["extract", "plan.md"],
    ["extract", "clean.md"],
    ["extract", "plan.md", "-o", "out.yaml"],
    ["extract", "plan.md", "--output", "out.json"],
    ["extract", "plan.md", "-f", "json"],
    ["extract", "-f", "yaml", "plan.md", "-o", "out.yml"],
    ["extract", "plan.md", "--format", "json", "-o", "out"],
    ["extract", "plan.md", "-o", "-"],
    ["extract", "plan.md", "--strict"],
    ["extract", "clean.md", "--strict"],
    ["extract", "plan.md", "-v"],
    ["-v", "extract", "plan.md"],
    ["extract", "plan.md", "-v", "-v", "-q"],
    ["-q", "extract", "plan.md"],
    ["--debug", "extract", "clean.md", "--quiet"],
    ["extract", "plan.md", "--max-size", "1k"],
    ["extract", "plan.md", "--max-size", "200M"],
    ["extract", "missing.md"],
    ["extract", "plan.md", "-o", "old.yaml"],
    ["extract", "plan.md", "-o", "."],
    ["extract", "plan.md", "--ocr"],
    ["extract", "", "-q"],
]


@pytest.mark.parametrize("argv", TAKEN, ids=" ".join)
def test_the_quick_path_gives_what_click_gives(argv, capfd, folder):
    assert entry.quick_extract(argv) is not None, "this command line should not need click"
    assert _run(entry.main, argv, capfd, folder) == _run(_click, argv, capfd, folder)
    assert (folder / "plan.md").read_bytes() == SMALL.read_bytes()


LEFT_TO_CLICK = [
    ["extract"],
    ["extract", "--help"],
    ["extract", "plan.md", "-h"],
    ["extract", "plan.md", "-f", "xml"],
    ["extract", "plan.md", "-o", "out.docx"],
    ["extract", "plan.md", "-o", "plan.md"],  # would destroy its input: refused, input kept
    ["extract", "plan.md", "-f", "json", "-o", "out.yaml"],
    ["extract", "plan.md", "--max-size", "lots"],
    ["extract", "plan.md", "-vq"],
    ["extract", "plan.md", "--output=out.yaml"],
    ["extract", "plan.md", "clean.md"],
    ["extract", "plan.md", "-o"],
    ["extract", "plan.md", "-o", "a.yaml", "-o", "b.yaml"],
    ["extract", "plan.md", "--ocr", "--force-ocr"],
    ["extract", "--", "plan.md"],
    ["extract", "plan.md", "--unknown"],
    ["validate", "old.yaml"],
    ["--version", "extract", "plan.md"],
    [],
]


@pytest.mark.parametrize("argv", LEFT_TO_CLICK, ids=lambda a: " ".join(a) or "(none)")
def test_other_command_lines_reach_click_unchanged(argv, capfd, folder):
    assert entry.quick_extract(argv) is None
    assert _run(entry.main, argv, capfd, folder) == _run(_click, argv, capfd, folder)


def test_version_is_what_click_prints(capfd, folder):
    assert _run(entry.main, ["--version"], capfd, folder) == _run(_click, ["--version"], capfd, folder)


def test_the_formats_are_the_exporters():
    assert set(entry.PLAN_FORMATS) == set(EXPORTERS)


TOKENS = ["extract", "plan.md", "clean.md", "missing.md", "-", "-o", "--output", "-f", "--format", "yaml", "json",
          "xml", "out.yaml", "out.json", "out.txt", "plan.md", "--strict", "-v", "-q", "--debug", "--verbose",
          "--ocr", "--max-size", "10k", "x", "-vq", "--", ""]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.booleans(), st.lists(st.sampled_from(TOKENS), max_size=7))
def test_generated_command_lines_agree(capfd, folder, command_first, tokens):
    argv = ["extract", *tokens] if command_first else tokens
    if "-" in argv:  # stdin: not read in these runs
        return
    assert _run(entry.main, argv, capfd, folder) == _run(_click, argv, capfd, folder)


@given(st.text(alphabet="ab./ ", max_size=12))
def test_suffix_is_pathlibs(path):
    assert suffix(path) == PurePosixPath(path).suffix


def test_an_extract_runs_without_click():
    code = ("import sys; from kehoach.entry import main; "
            f"code = main(['extract', {str(CLEAN)!r}, '-o', sys.argv[1]]); "
            "print(code, 'click' in sys.modules)")
    out = Path(os.environ.get("TMPDIR", "/tmp"))
    target = out / f"kehoach-entry-{os.getpid()}.yaml"
    try:
        r = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True, text=True, timeout=120)
        assert r.stdout.split() == ["0", "False"], r.stderr
        assert target.read_text(encoding="utf-8").startswith("schema_version:")
    finally:
        target.unlink(missing_ok=True)


@pytest.mark.parametrize("options", [[], ["-f", "json", "-v"], ["--strict"]], ids=" ".join)
def test_stdin_extracts_as_click_extracts_it(options):
    """`cat plan.md | kehoach extract -`: the quick path and the click interface read it alike."""
    runs = [subprocess.run([sys.executable, "-m", module, "extract", "-", *options], input=SMALL.read_bytes(),
                           capture_output=True, timeout=120) for module in ("kehoach", "kehoach.cli")]
    assert [(r.returncode, r.stdout, r.stderr) for r in runs[:1]] == [(r.returncode, r.stdout, r.stderr) for r in runs[1:]]
    assert runs[0].stdout.lstrip(b"{\n ").startswith((b"schema_version", b'"schema_version"'))


def test_python_dash_m_kehoach_is_the_command():
    r = subprocess.run([sys.executable, "-m", "kehoach", "--version"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and r.stdout.startswith("kehoach, version ")


@given(st.text(alphabet="ab./ ", max_size=12))
def test_input_names_are_read_as_pathlib_reads_them(name):
    assert as_pathlib_reads(name) == str(PurePosixPath(name))


@pytest.mark.parametrize("argv", [["extract", "thiếu-kế-hoạch.md"], ["extract", "thiếu-kế-hoạch.md", "--output=o.yaml"]],
                         ids=["quick", "click"])
def test_messages_on_an_ascii_stderr_are_utf8_as_click_writes_them(argv, tmp_path):
    """A stderr Python opened as ASCII (PYTHONIOENCODING=ascii, a C locale with UTF-8 mode off) is
    taken as misconfigured, as click takes it: the message goes out in UTF-8, an undecodable byte
    of a file name as '?', never as a \\u escape."""
    env = dict(os.environ, PYTHONIOENCODING="ascii", PYTHONPATH=str(ROOT / "src"))
    for name, shown in ((argv[1], "thiếu-kế-hoạch.md".encode()), (os.fsencode("thi\udcffu.md"), b"thi?u.md")):
        args = [os.fsencode(a) for a in argv]
        args[1] = os.fsencode(name)
        r = subprocess.run([sys.executable, "-m", "kehoach", *args], capture_output=True, cwd=tmp_path, env=env, timeout=60)
        assert r.returncode == 1 and r.stderr == b"kehoach: " + shown + b": no such file\n"


def _extract_to(stdout, argv: list[str], **kw) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run([sys.executable, "-m", "kehoach", "extract", str(CLEAN), *argv], stdout=stdout,
                          stderr=subprocess.PIPE, env=env, timeout=120, **kw)


@pytest.mark.parametrize("argv", [[], ["-o", "-"], ["--output=-"]], ids=["quick", "quick -o -", "click"])
def test_a_closed_pipe_ends_the_run_quietly(argv):
    """`kehoach extract plan.docx | head -1`: the reader has what it wants; exit 1 with nothing on
    stderr, as click ends a closed pipe (not 'internal error … please report it')."""
    read, write = os.pipe()
    os.close(read)
    try:
        r = _extract_to(write, argv)
    finally:
        os.close(write)
    assert (r.returncode, r.stderr) == (1, b"")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("argv", [[], ["--output=-"]], ids=["quick", "click"])
def test_a_stdout_that_cannot_be_written_is_one_line(argv):
    with open("/dev/full", "wb") as full:
        r = _extract_to(full, argv)
    assert (r.returncode, r.stderr) == (1, b"kehoach: cannot write to standard output: No space left on device\n")
    r = _extract_to(None, argv, preexec_fn=lambda: os.close(1))
    assert (r.returncode, r.stderr) == (1, b"kehoach: cannot write to standard output: it is closed\n")


def test_ctrl_c_outside_the_library_is_what_click_says(capfd, folder, monkeypatch):
    def interrupted(plan):
        raise KeyboardInterrupt

    monkeypatch.setitem(EXPORTERS, "yaml", interrupted)
    argv = ["extract", "plan.md"]
    assert _run(entry.main, argv, capfd, folder) == _run(_click, argv, capfd, folder) == (1, "", "\nAborted!\n", {})


HEAVY = ("click", "dataclasses", "typing", "pathlib", "tempfile", "inspect", "json", "array", "importlib", "datetime",
         "kehoach.parse.image")
"""Modules a plain `kehoach extract FILE` does without (each costs milliseconds of every start):
click (the quick path reads the command line), dataclasses (kehoach.record), typing (types are for
mypy: TYPE_CHECKING), pathlib and tempfile (kehoach.paths, fileio's own temporary file), json (YAML
is the default output), array and importlib (the pattern store reads its code through memoryview;
the SHA-256 module is imported by name), datetime (kehoach.stddate takes its classes from _datetime), the image
reader (only for a file whose first byte opens an image's signature)."""


@pytest.mark.parametrize("sample", ["thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt",
                                    "thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so.md",
                                    "bac-ninh-88-kh-ubnd-2023-cai-cach-hanh-chinh-bang-bo-cuc.md"])
def test_a_text_extract_imports_nothing_heavy(sample, tmp_path):
    assert modules_after_extract(ROOT / "samples" / sample, tmp_path / "p.yaml", HEAVY) == "0 []"


@pytest.mark.parametrize("sample", ["thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt",
                                    "bac-ninh-88-kh-ubnd-2023-cai-cach-hanh-chinh-bang-bo-cuc.md",
                                    "quang-ngai-12-kh-ubnd-2026-pdftotext-layout.txt"])
def test_with_its_patterns_stored_an_extract_does_without_re(sample, tmp_path):
    """The ``re`` module (and the enum module it loads) is needed only to compile a pattern: once a run has stored
    a document's patterns, the next run of it takes them from the store and imports neither (a replacement
    template "\\1" would import it too: a function does the same)."""
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "KEHOACH_NO_PATTERN_CACHE": ""}  # (the tests set it)
    first = modules_after_extract(ROOT / "samples" / sample, tmp_path / "first.yaml", ("re",), env)
    assert first == "0 ['re']"  # the store was empty: its patterns compiled, as the test means it to be
    assert modules_after_extract(ROOT / "samples" / sample, tmp_path / "second.yaml", ("re", "enum"), env) == "0 []"


@pytest.mark.parametrize("argv", [["export", "checklist", str(CLEAN)], ["export", "timeline", str(CLEAN)], ["schema"]],
                         ids=["checklist", "timeline", "schema"])
def test_other_commands_to_a_closed_stdout_are_one_line(argv):
    """Written through the same stdout writer as extract: a closed stdout is one line, a closed pipe quiet."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    r = subprocess.run([sys.executable, "-m", "kehoach", *argv], stderr=subprocess.PIPE, env=env, timeout=120,
                       preexec_fn=lambda: os.close(1))
    assert (r.returncode, r.stderr) == (1, b"kehoach: cannot write to standard output: it is closed\n")
    read, write = os.pipe()
    os.close(read)
    try:
        r = subprocess.run([sys.executable, "-m", "kehoach", *argv], stdout=write, stderr=subprocess.PIPE, env=env,
                           timeout=120)
    finally:
        os.close(write)
    assert (r.returncode, r.stderr) == (1, b"")


@pytest.mark.parametrize("module", ["kehoach", "kehoach.cli"], ids=["quick", "click"])
def test_version_to_a_closed_stdout_or_pipe(module):
    """As click's version option: nothing and exit 0 on a closed stdout; a closed pipe quietly, exit 1."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    r = subprocess.run([sys.executable, "-m", module, "--version"], stderr=subprocess.PIPE, env=env, timeout=60,
                       preexec_fn=lambda: os.close(1))
    assert (r.returncode, r.stderr) == (0, b"")
    read, write = os.pipe()
    os.close(read)
    try:
        r = subprocess.run([sys.executable, "-m", module, "--version"], stdout=write, stderr=subprocess.PIPE, env=env,
                           timeout=60)
    finally:
        os.close(write)
    assert (r.returncode, r.stderr) == (1, b"")


def _python(code: str, *args: str) -> subprocess.CompletedProcess:
    """``code`` run by a fresh Python with this tree's kehoach (nothing of it loaded yet)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120, env=env)


def test_loading_the_extract_modules_leaves_the_collector_as_the_caller_had_it(tmp_path):
    """The modules are loaded with the cycle collector off: a program that had it off keeps it off."""
    code = ("import gc, sys; from kehoach.entry import main; gc.disable(); "
            "code = main(['extract', sys.argv[1], '-o', sys.argv[2], '-q']); print(code, gc.isenabled())")
    r = _python(code, str(CLEAN), str(tmp_path / "p.yaml"))
    assert r.stdout.split() == ["0", "False"], r.stderr


def test_a_later_extract_in_one_process_freezes_no_garbage(capfd, folder):
    """Only the first run sets its loaded modules apart (gc.freeze): freezing again would keep a
    caller's cyclic garbage from ever being collected."""
    import gc
    import weakref

    class Node:
        pass

    _run(entry.main, ["extract", "clean.md", "-q"], capfd, folder)
    node = Node()
    node.self = node  # type: ignore[attr-defined]
    ref = weakref.ref(node)
    del node
    assert _run(entry.main, ["extract", "clean.md", "-q"], capfd, folder)[0] == 0
    gc.collect()
    assert ref() is None


def test_ctrl_c_while_the_modules_load_is_what_click_says():
    """An interrupt while the extract's modules are imported: "Aborted!" and exit 1, no traceback."""
    code = ("import sys\n"
            "class Stop:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name == 'kehoach.pipeline':\n"
            "            raise KeyboardInterrupt\n"
            "sys.meta_path.insert(0, Stop())\n"
            "from kehoach.entry import main\n"
            "sys.exit(main(['extract', sys.argv[1]]))\n")
    r = _python(code, str(CLEAN))
    assert (r.returncode, r.stdout, r.stderr) == (1, "", "\nAborted!\n")


@pytest.mark.parametrize("argv", [["extract", "{plan}"], ["extract", "{plan}", "-o", "{out}", "-v"], ["--version"],
                                  ["extract", "{plan}", "--output={out}"]],
                         ids=["quick", "quick -o", "version", "click"])
def test_the_program_ends_as_main_returns(argv, tmp_path):
    """`python -m kehoach` (as the console script) ends a quick extract without Python's teardown:
    it must still give main()'s exit code, all of its stdout and stderr, the file written, and run
    the exit handlers (a first run saves the pattern store in the cache directory)."""
    argv = [a.format(plan=SMALL, out=tmp_path / "p.yaml") for a in argv]
    cache = tmp_path / "cache"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), XDG_CACHE_HOME=str(cache))
    env.pop("KEHOACH_NO_PATTERN_CACHE", None)
    r = subprocess.run([sys.executable, "-m", "kehoach", *argv], capture_output=True, env=env, timeout=120)
    if argv[0] == "extract":  # saved by the exit handler of this first run
        assert [p.name for p in (cache / "kehoach").iterdir() if p.name.startswith("patterns-")]
    code = ("import sys; from kehoach.entry import main; r = main(sys.argv[1:]); sys.stdout.flush(); "
            "sys.stderr.write('END'); sys.exit(r)")
    written = (tmp_path / "p.yaml").read_bytes() if "-o" in argv or "--output" in argv[-1] else None
    (tmp_path / "p.yaml").unlink(missing_ok=True)
    expected = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, env=env, timeout=120)
    assert (r.returncode, r.stdout, r.stderr + b"END") == (expected.returncode, expected.stdout, expected.stderr)
    assert written == ((tmp_path / "p.yaml").read_bytes() if written is not None else None)
    assert len(r.stdout) > 1000 or written or argv == ["--version"]
