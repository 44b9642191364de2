"""The ``osce-scraper`` command."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from osce_scraper import __version__
from osce_scraper.dataset import DatasetError, check_dataset, validate_file
from osce_scraper.export import (
    FORMATS,
    MissingExtra,
    check_output_path,
    check_versions_file,
    export_csv,
    export_parquet,
    export_versions,
    write_people,
)
from osce_scraper.extract.urls import is_web_url
from osce_scraper.fields import build_record
from osce_scraper.items import RawRelease, schema_errors, utc_now
from osce_scraper.pages.html import page_selector
from osce_scraper.pages.release import read_release
from osce_scraper.reparse import reparse_command
from osce_scraper.report import write_report


def parse_command(args: argparse.Namespace) -> int:
    """Print the record of one saved release page: read as the spider reads it, parsed as the pipelines parse it."""
    path = Path(args.page)
    if not path.is_file():
        print(f"osce-scraper parse: no such file: {path}", file=sys.stderr)
        return 2
    if not is_web_url(args.url):
        print(f"osce-scraper parse: --url must be the page's http(s) address, got {args.url!r}", file=sys.stderr)
        return 2
    page = read_release(page_selector(path.read_bytes()), args.url)
    record = build_record(RawRelease(page=page, listing=None, crawled_at=utc_now()))
    print(json.dumps(record, ensure_ascii=False, indent=2 if args.pretty else None))
    errors = schema_errors(record)
    for error in errors:
        print(f"osce-scraper parse: record would be rejected: {error}", file=sys.stderr)
    return 1 if errors else 0


def validate_command(args: argparse.Namespace) -> int:
    """Check every line of a dataset file against the record's schema."""
    try:
        problems = 0
        for problem in validate_file(args.file):
            problems += 1
            print(f"{args.file}: {problem}")
    except DatasetError as error:
        print(f"osce-scraper validate: {error}", file=sys.stderr)
        return 2
    if problems:
        print(f"osce-scraper validate: {problems} invalid line(s) in {args.file}", file=sys.stderr)
        return 1
    print(f"{args.file}: every record is valid")
    return 0


#: The output name that means standard output.
STDOUT = "-"
#: The exit status of a program killed by SIGPIPE (128 + 13), as shell pipelines expect.
BROKEN_PIPE_STATUS = 141


def _write_output(args: argparse.Namespace, command: str, writer: Callable[[str, Path | IO[Any]], int],
                  what: str = "records", stdout_ok: bool = True,
                  check: Callable[[str], None] = check_dataset) -> int:
    """Run ``writer(input, output)`` once the input is a dataset and the output can be written.

    ``-o -`` is standard output; errors are one line naming what was wrong, and nothing is written.
    """
    to_stdout = args.output == STDOUT
    try:
        check(args.file)
        if to_stdout and not stdout_ok:
            raise ValueError("Parquet cannot be written to standard output (-o -); give a file name")
        output = sys.stdout if to_stdout else check_output_path(args.output, args.file)
        count = writer(args.file, output)
        if to_stdout:
            sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (| head): quiet, and nothing more goes to the closed pipe at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return BROKEN_PIPE_STATUS
    except (ValueError, OSError, MissingExtra, DatasetError) as error:
        print(f"osce-scraper {command}: {error}", file=sys.stderr)
        return 2
    print(f"wrote {count} {what} to {'standard output' if to_stdout else output}", file=sys.stderr)
    return 0


def export_command(args: argparse.Namespace) -> int:
    """Write a dataset file as Parquet or CSV; with ``--versions``, a versions file (every earlier version)."""
    if args.versions:
        return _write_output(args, "export", lambda source, output: export_versions(source, output, args.format),
                             "earlier versions", stdout_ok=args.format == "csv", check=check_versions_file)
    if args.format == "parquet":
        return _write_output(args, "export", export_parquet, stdout_ok=False)
    return _write_output(args, "export", export_csv)


def people_command(args: argparse.Namespace) -> int:
    """Write the people index of a dataset: one entry per person across all releases."""
    return _write_output(args, "people", lambda source, output: write_people(source, output, args.format), "people")


def report_command(args: argparse.Namespace) -> int:
    """Write a one-file HTML report of a dataset file."""
    return _write_output(args, "report", write_report)


EXAMPLES = """examples:
  osce-scraper validate output/press_releases.jsonl
  osce-scraper export output/press_releases.jsonl --format csv -o releases.csv
  osce-scraper export output/press_releases.jsonl --format csv -o - | head
  osce-scraper export output/press_releases.jsonl --format parquet -o releases.parquet
  osce-scraper export output/versions.jsonl --versions --format csv -o versions.csv
  osce-scraper report output/press_releases.jsonl -o report.html
  osce-scraper people output/press_releases.jsonl --format csv -o people.csv
  osce-scraper parse page.html --url https://www.osce.org/secretariat/376582 --pretty
  osce-scraper reparse output/warc -o reparsed.jsonl

A path that is no dataset (missing, a folder, a binary file, JSON lines of other objects) is refused
in one line, with exit status 2, before anything is written. "-o -" writes to standard output."""
STDOUT_HELP = "the file to write, or - for standard output"


def _command(commands: argparse._SubParsersAction, name: str, help_text: str) -> argparse.ArgumentParser:
    """A subcommand whose help, in the list and in its own --help, says what it writes."""
    return commands.add_parser(name, help=help_text, description=help_text[0].upper() + help_text[1:] + ".")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="osce-scraper", description="osce.org's newsroom as a JSONL dataset.",
                                     epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    parse = _command(commands, "parse", "read one saved release page; writes its record as JSON to standard output")
    parse.add_argument("page", help="the saved HTML page")
    parse.add_argument("--url", required=True, help="the address the page was saved from")
    parse.add_argument("--pretty", action="store_true", help="indent the JSON")
    parse.set_defaults(run=parse_command)

    validate = _command(commands, "validate", "check every line of a dataset against the schema; writes no file, "
                        "prints each invalid line and exits 1 if there is one")
    validate.add_argument("file", help="a JSONL dataset")
    validate.set_defaults(run=validate_command)

    export = _command(commands, "export", "convert a dataset; writes Parquet (lists typed) or CSV (lists joined "
                     "with '; ')")
    export.add_argument("file", help="a JSONL dataset")
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("-o", "--output", required=True, help=STDOUT_HELP + " (CSV only)")
    export.add_argument("--versions", action="store_true",
                        help="FILE is the versions file (output/versions.jsonl): write every earlier version of the "
                        "releases that changed, one a row")
    export.set_defaults(run=export_command)

    people = _command(commands, "people", "index the people of a dataset; writes one entry per person across all "
                      "releases, as JSONL or CSV")
    people.add_argument("file", help="a JSONL dataset")
    people.add_argument("-o", "--output", required=True, help=STDOUT_HELP)
    people.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    people.set_defaults(run=people_command)

    report = _command(commands, "report", "summarise a dataset; writes a one-file HTML report with charts that "
                     "opens with no network")
    report.add_argument("file", help="a JSONL dataset")
    report.add_argument("-o", "--output", required=True, help="the HTML file to write, or - for standard output")
    report.set_defaults(run=report_command)

    reparse = _command(commands, "reparse", "rebuild the dataset from the WARC archive, offline; writes the "
                       "JSONL dataset given with -o")
    reparse.add_argument("paths", nargs="+", metavar="WARC_OR_DIR", help="WARC files, or folders of them")
    reparse.add_argument("-o", "--output", required=True, help="the JSONL dataset to write")
    reparse.set_defaults(run=reparse_command)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    raise SystemExit(main())
