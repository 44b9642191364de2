"""The ``osce-scraper`` command."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from osce_scraper.dataset import DatasetError, validate_file
from osce_scraper.export import FORMATS, MissingExtra, check_output_path, export_csv, export_parquet, write_people
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


def _write_output(args: argparse.Namespace, command: str, writer: Callable[[str, Path], int],
                  what: str = "records") -> int:
    """Run ``writer(input, output)`` after checking the output path; errors name what was wrong."""
    try:
        output = check_output_path(args.output, args.file)
        count = writer(args.file, output)
    except (ValueError, OSError, MissingExtra, DatasetError) as error:
        print(f"osce-scraper {command}: {error}", file=sys.stderr)
        return 2
    print(f"wrote {count} {what} to {output}", file=sys.stderr)
    return 0


def export_command(args: argparse.Namespace) -> int:
    """Write a dataset file as Parquet or CSV."""
    return _write_output(args, "export", export_parquet if args.format == "parquet" else export_csv)


def people_command(args: argparse.Namespace) -> int:
    """Write the people index of a dataset: one entry per person across all releases."""
    return _write_output(args, "people", lambda source, output: write_people(source, output, args.format), "people")


def report_command(args: argparse.Namespace) -> int:
    """Write a one-file HTML report of a dataset file."""
    return _write_output(args, "report", write_report)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="osce-scraper", description="osce.org's newsroom as a JSONL dataset.")
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="print the record of one saved release page")
    parse.add_argument("page", help="the saved HTML page")
    parse.add_argument("--url", required=True, help="the address the page was saved from")
    parse.add_argument("--pretty", action="store_true", help="indent the JSON")
    parse.set_defaults(run=parse_command)

    validate = commands.add_parser("validate", help="check every line of a dataset against the schema")
    validate.add_argument("file", help="a JSONL dataset")
    validate.set_defaults(run=validate_command)

    export = commands.add_parser("export", help="write a dataset as Parquet or CSV")
    export.add_argument("file", help="a JSONL dataset")
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("-o", "--output", required=True, help="the file to write")
    export.set_defaults(run=export_command)

    people = commands.add_parser("people", help="write the people index: one entry per person across all releases")
    people.add_argument("file", help="a JSONL dataset")
    people.add_argument("-o", "--output", required=True, help="the file to write")
    people.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    people.set_defaults(run=people_command)

    report = commands.add_parser("report", help="write a one-file HTML report with charts")
    report.add_argument("file", help="a JSONL dataset")
    report.add_argument("-o", "--output", required=True, help="the HTML file to write")
    report.set_defaults(run=report_command)

    reparse = commands.add_parser("reparse", help="rebuild the dataset from the WARC archive, offline")
    reparse.add_argument("paths", nargs="+", metavar="WARC_OR_DIR", help="WARC files, or folders of them")
    reparse.add_argument("-o", "--output", required=True, help="the JSONL dataset to write")
    reparse.set_defaults(run=reparse_command)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    raise SystemExit(main())
