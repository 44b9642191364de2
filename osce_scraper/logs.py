"""What a run prints for an operator: one line per problem, in the project's words, no traceback.

Three kinds of Scrapy's and Spidermon's log records say again, at length, what the project says in
a line of its own: a robots.txt that could not be fetched (an error with its traceback), a request
whose retries are spent (an error; the spider's errback logs and records the failure, the checks
count it), and Spidermon's own report of the checks (the failed ones are printed as ``check
failed: ...``). They are kept, one level down (robots.txt and spent retries as warnings, the report
as debug lines: ``-s LOG_LEVEL=DEBUG`` shows it), so that the error count means errors of the project.
The lists of enabled components, the same every run, are debug lines too.
"""

from __future__ import annotations

import logging

_RETRY_LOGGER = "scrapy.downloadermiddlewares.retry"
_COMPONENTS_LOGGER = "scrapy.middleware"
_ROBOTS_LOGGER = "scrapy.downloadermiddlewares.robotstxt"
SPIDERMON_HEADER = "[Spidermon]"


def _lower(record: logging.LogRecord, level: int) -> None:
    record.levelno, record.levelname = level, logging.getLevelName(level)


class RunLogFilter(logging.Filter):
    """Lowers the repeated records described above; drops none."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == _ROBOTS_LOGGER and record.levelno >= logging.ERROR:
            record.exc_info, record.exc_text = None, None
            _lower(record, logging.WARNING)
        elif record.name == _RETRY_LOGGER and record.levelno >= logging.ERROR:
            _lower(record, logging.WARNING)
        elif isinstance(record.msg, str) and record.msg.startswith(SPIDERMON_HEADER):
            _lower(record, logging.DEBUG)
        elif record.name == _COMPONENTS_LOGGER and record.levelno == logging.INFO:
            _lower(record, logging.DEBUG)  # the lists of enabled components: the same 50 lines every run
        return True


_FILTER = RunLogFilter()


def quiet_run_logs(spider_logger_name: str) -> None:
    """Put the filter on the loggers that write those records (a filter sees only its own logger's records)."""
    for name in (_RETRY_LOGGER, _ROBOTS_LOGGER, _COMPONENTS_LOGGER, spider_logger_name):
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
