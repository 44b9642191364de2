"""Why a request got no answer at all, in an operator's words."""

from __future__ import annotations

from scrapy import exceptions as scrapy_errors
from twisted.internet import error as twisted_error
from twisted.web._newclient import ResponseNeverReceived


def _kinds(*names: str, twisted: tuple[type[BaseException], ...] = ()) -> tuple[type[BaseException], ...]:
    # Scrapy 2.19 wraps Twisted's connection errors in exceptions of its own; 2.18 raises Twisted's.
    return tuple(kind for name in names if (kind := getattr(scrapy_errors, name, None))) + twisted


#: Exceptions meaning the site gave no answer, and how an operator says it (first match wins).
_CAUSES: tuple[tuple[tuple[type[BaseException], ...], str], ...] = (
    (_kinds("CannotResolveHostError", twisted=(twisted_error.DNSLookupError,)),
     "its name could not be looked up (DNS)"),
    (_kinds("DownloadConnectionRefusedError", twisted=(twisted_error.ConnectionRefusedError,)),
     "it refused the connection"),
    (_kinds("DownloadTimeoutError", twisted=(twisted_error.TimeoutError, twisted_error.TCPTimedOutError)),
     "it did not answer in time"),
    (_kinds(twisted=(twisted_error.ConnectError,)), "no connection could be made"),
    (_kinds("DownloadFailedError", "ResponseDataLossError",
            twisted=(twisted_error.ConnectionLost, twisted_error.ConnectionDone, ResponseNeverReceived)),
     "it closed the connection without an answer"),
)


def no_answer_cause(exception: BaseException) -> str | None:
    """Why a request got no answer (DNS, refused, timed out, ...), or None for any other failure.

    >>> no_answer_cause(twisted_error.DNSLookupError("www.osce.example"))
    'its name could not be looked up (DNS)'
    >>> no_answer_cause(ValueError("a bug")) is None
    True
    """
    for kinds, cause in _CAUSES:
        if isinstance(exception, kinds):
            return cause
    return None
