import json
import subprocess
import sys

from tests.conftest import REPO, make_release_html


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "osce_scraper.cli", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=120)


def test_parse_prints_the_record_of_a_saved_page(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(make_release_html(), "utf-8")
    process = run_cli("parse", str(page), "--url", "https://www.osce.org/programme-office-in-bishkek/488612")
    assert process.returncode == 0, process.stderr
    record = json.loads(process.stdout)
    assert (record["node_id"], record["place"], record["source"]) == ("488612", "Bishkek",
                                                                      ["OSCE Programme Office in Bishkek"])


def test_parse_names_what_is_wrong(tmp_path):
    process = run_cli("parse", str(tmp_path / "missing.html"), "--url", "https://www.osce.org/cio/1234")
    assert process.returncode == 2 and "no such file" in process.stderr
    page = tmp_path / "page.html"
    page.write_text("<h1>T</h1>", "utf-8")
    process = run_cli("parse", str(page), "--url", "file:///x")
    assert process.returncode == 2 and "--url must be" in process.stderr


def test_validate_export_and_report_commands(demo_dataset, tmp_path):
    process = run_cli("validate", str(demo_dataset))
    assert process.returncode == 0 and "every record is valid" in process.stdout
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": ""}\n', "utf-8")
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
