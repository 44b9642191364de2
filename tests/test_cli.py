import argparse
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from osce_scraper import __version__
from osce_scraper.cli import main, make_parser
from tests.conftest import REPO, make_release_html
from tests.test_dataset import NOT_A_DATASET, make_not_a_dataset


def run_cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "osce_scraper.cli", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.slow
def test_parse_prints_the_record_of_a_saved_page(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(make_release_html(), "utf-8")
    process = run_cli("parse", str(page), "--url", "https://www.osce.org/programme-office-in-bishkek/488612")
    assert process.returncode == 0, process.stderr
    record = json.loads(process.stdout)
    assert (record["node_id"], record["place"], record["source"]) == ("488612", "Bishkek",
                                                                      ["OSCE Programme Office in Bishkek"])


@pytest.mark.slow
def test_parse_names_what_is_wrong(tmp_path):
    process = run_cli("parse", str(tmp_path / "missing.html"), "--url", "https://www.osce.org/cio/1234")
    assert process.returncode == 2 and "no such file" in process.stderr
    page = tmp_path / "page.html"
    page.write_text("<h1>T</h1>", "utf-8")
    process = run_cli("parse", str(page), "--url", "file:///x")
    assert process.returncode == 2 and "--url must be" in process.stderr


@pytest.mark.slow
def test_validate_export_and_report_commands(demo_dataset, tmp_path):
    process = run_cli("validate", str(demo_dataset))
    assert process.returncode == 0 and "every record is valid" in process.stdout
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"node_id": "1", "title": ""}\n', "utf-8")  # a record, but an invalid one
    process = run_cli("validate", str(bad))
    assert process.returncode == 1 and "line 1:" in process.stdout
    assert run_cli("validate", str(tmp_path / "none.jsonl")).returncode == 2
    for fmt in ("csv", "parquet"):
        out = tmp_path / f"out.{fmt}"
        process = run_cli("export", str(demo_dataset), "--format", fmt, "-o", str(out))
        assert process.returncode == 0 and out.stat().st_size > 0, process.stderr
    process = run_cli("export", str(demo_dataset), "--format", "csv", "-o", str(demo_dataset))
    assert process.returncode == 2 and "input file" in process.stderr
    process = run_cli("report", str(demo_dataset), "-o", str(tmp_path / "r.html"))
    assert process.returncode == 0 and (tmp_path / "r.html").is_file()


@pytest.mark.slow
def test_parse_reads_a_drupal11_release_page_with_every_field(tmp_path):
    from tests.site.expected import expected_record, record_differences
    from tests.site.releases import make_releases
    from tests.site.render import render_release

    release = next(r for r in make_releases() if r.label_place and r.fields)
    page = tmp_path / "page.html"
    page.write_text(render_release(release, "drupal11", "https://www.osce.org"), "utf-8")
    process = run_cli("parse", str(page), "--url", "https://www.osce.org" + release.path)
    assert process.returncode == 0, process.stderr
    record = json.loads(process.stdout)
    expected = expected_record(release, "https://www.osce.org", "drupal11")
    # One page alone: what only its listing card would add (a date printed nowhere else) is not asked for.
    assert record_differences(record, {k: v for k, v in expected.items() if k not in {"date", "date_raw"}}) == []
    assert record["text"].startswith(release.paragraphs[0][:40])


DATA_COMMANDS = {
    "validate": [],
    "export csv": ["--format", "csv", "-o", "{out}"],
    "export parquet": ["--format", "parquet", "-o", "{out}"],
    "report": ["-o", "{out}"],
    "people": ["-o", "{out}"],
}


def make_command(name: str, dataset: Path, out: Path | str) -> list[str]:
    """The argument list of a data command on ``dataset`` writing to ``out``."""
    return [name.split()[0], str(dataset), *(arg.format(out=out) for arg in DATA_COMMANDS[name])]


@pytest.mark.parametrize("kind", NOT_A_DATASET)
@pytest.mark.parametrize("command", DATA_COMMANDS)
def test_every_data_command_refuses_what_is_no_dataset_before_writing(command, kind, tmp_path, capsys):
    path = make_not_a_dataset(kind, tmp_path)
    out = tmp_path / "out"
    assert main(make_command(command, path, out)) == 2
    captured = capsys.readouterr()
    [line] = captured.err.strip().splitlines()
    assert str(path) in line and NOT_A_DATASET[kind] in line
    assert not out.exists() and captured.out == ""


def test_validate_says_an_empty_file_holds_no_record(tmp_path, capsys):
    path = tmp_path / "empty.jsonl"
    path.write_text("", "utf-8")
    assert main(["validate", str(path)]) == 2
    captured = capsys.readouterr()
    assert "holds no record" in captured.err and "valid" not in captured.out


def test_a_damaged_line_stops_an_export_without_leaving_a_half_written_file(demo_dataset, tmp_path, capsys):
    path = tmp_path / "damaged.jsonl"
    path.write_text(demo_dataset.read_text("utf-8") + "{cut\n", "utf-8")
    for command in ("export csv", "report", "people"):
        out = tmp_path / "out"
        assert main(make_command(command, path, out)) == 2
        assert f"line {len(demo_dataset.read_text('utf-8').splitlines()) + 1} is not JSON" in capsys.readouterr().err
        assert not out.exists() and not list(tmp_path.glob(".out*"))


@pytest.mark.parametrize(("command", "check"), [
    ("export csv", lambda text: len(list(csv.DictReader(io.StringIO(text))))),
    ("people", lambda text: len([json.loads(line) for line in text.splitlines()])),
    ("report", lambda text: text.count('<figure class="chart">') and len(text.splitlines())),
])
def test_dash_writes_to_standard_output(command, check, demo_dataset, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(make_command(command, demo_dataset, "-")) == 0
    captured = capsys.readouterr()
    assert check(captured.out) > 0 and "standard output" in captured.err
    assert not (tmp_path / "-").exists()


def test_parquet_to_standard_output_is_refused_in_one_line(demo_dataset, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(make_command("export parquet", demo_dataset, "-")) == 2
    captured = capsys.readouterr()
    [line] = captured.err.strip().splitlines()
    assert "standard output" in line and captured.out == "" and not (tmp_path / "-").exists()


def test_version_and_help_with_examples(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0 and capsys.readouterr().out.split() == ["osce-scraper", __version__]
    parser = make_parser()
    assert "examples:" in parser.format_help() and "osce-scraper export" in parser.format_help()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, subparser in commands.choices.items():
        assert "writes" in subparser.format_help().lower(), name  # each says what it writes (or that it writes nothing)


@pytest.mark.slow
def test_a_binary_file_gives_one_line_and_dash_pipes_csv(demo_dataset, tmp_path):
    process = run_cli("validate", sys.executable)
    assert process.returncode == 2 and "binary" in process.stderr and "Traceback" not in process.stderr
    process = run_cli("export", str(demo_dataset), "--format", "csv", "-o", "-", cwd=tmp_path)
    assert process.returncode == 0 and not (tmp_path / "-").exists(), process.stderr
    rows = list(csv.DictReader(io.StringIO(process.stdout)))
    lines = demo_dataset.read_text("utf-8").splitlines()
    assert [row["node_id"] for row in rows] == [json.loads(line)["node_id"] for line in lines]
    assert run_cli("--version").stdout.strip() == f"osce-scraper {__version__}"
