"""Records' helpers: the check that a record is shaped as JSON, and the time a record is written."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from osce_scraper.items import _json_shaped, utc_now

_LEAVES = st.one_of(st.none(), st.integers(), st.text(max_size=3))
_VALUES = st.recursive(_LEAVES, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.lists(inner, max_size=3).map(tuple),
    st.dictionaries(st.sampled_from(["name", "titles", "x"]), inner, max_size=3)), max_leaves=8)


@given(_VALUES)
def test_the_whole_walk_refuses_exactly_the_values_holding_a_tuple(value):
    def holds_tuple(v):
        return isinstance(v, tuple) or (isinstance(v, list) and any(map(holds_tuple, v))) or (
            isinstance(v, dict) and any(map(holds_tuple, v.values())))
    assert _json_shaped(value) == (not holds_tuple(value))


def now_from_datetime() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def test_the_time_written_is_the_clocks_second_across_a_change_of_second():
    seconds_seen = set()
    while len(seconds_seen) < 2:  # until the second has changed at least once (at most a second)
        before, now, after = now_from_datetime(), utc_now(), now_from_datetime()
        assert now in (before, after)
        seconds_seen.add(now)
