import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osce_scraper.items import (
    _container_shape,
    _json_shaped,
    _no_tuple_where_arrays_go,
    _record_shape,
    record_schema,
    utc_now,
)

OBJECT = {"type": "object", "additionalProperties": False}


@pytest.mark.parametrize("schema", [
    {**OBJECT, "properties": {"a": {"description": "no type: it may hold anything"}}},
    {**OBJECT, "properties": {"a": {"anyOf": [{"type": "string"}, {"type": "array"}]}}},
    {"type": "object", "properties": {"a": {"type": "string"}}},  # other properties may hold anything
    {**OBJECT, "properties": {"a": {"type": "array"}}},  # items of any type
    {**OBJECT, "properties": {"a": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}}}},
    {**OBJECT, "properties": {"a": {"type": ["array", "object"], "items": {"type": "string"}}}},
    {**OBJECT, "properties": {"a": {"type": "object", "properties": {}}}},  # a nested object open to more
])
def test_a_schema_saying_more_than_the_shape_reads_gives_no_shape(schema):
    assert _container_shape(schema) is None


def test_the_record_schema_has_a_shape_naming_its_arrays():
    shape = _record_shape()
    arrays = {name for name, (is_array, _) in shape.items() if is_array}
    assert arrays == {name for name, sub in record_schema()["properties"].items() if "array" in sub["type"]}


# Records whose containers are lists, tuples or dicts at any depth, where the schema puts arrays and elsewhere.
_LEAVES = st.one_of(st.none(), st.integers(), st.text(max_size=3))
_VALUES = st.recursive(_LEAVES, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.lists(inner, max_size=3).map(tuple),
    st.dictionaries(st.sampled_from(["name", "titles", "x"]), inner, max_size=3)), max_leaves=8)
_PLACES = st.lists(st.dictionaries(st.sampled_from(["name", "country", "latitude"]), _LEAVES, max_size=3), max_size=2)
_TITLES = st.lists(st.text(max_size=3), max_size=2)
_OFFICIALS = st.lists(st.fixed_dictionaries({"name": st.text(max_size=3),
                                             "titles": st.one_of(_TITLES, _TITLES.map(tuple))}), max_size=2)


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({"places": st.one_of(_PLACES, _PLACES.map(tuple)), "officials": _OFFICIALS,
                              "source": st.one_of(st.lists(st.text(max_size=3), max_size=2), st.just(("a",))),
                              "title": _LEAVES}))
def test_looking_where_arrays_go_finds_a_tuple_as_the_whole_walk_does(record):
    # The values the compiled check passes outside arrays are never containers; inside the schema's arrays they
    # are what the record schema's items allow.
    assert _no_tuple_where_arrays_go(record, _record_shape()) == _json_shaped(record)


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
