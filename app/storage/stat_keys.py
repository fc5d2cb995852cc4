"""Statistics as flat dotted keys ("membership.badges.30"): integers go to `figures`, other values to `statistic_texts`.

The keys come from app.domain.codec.to_dict of a default Statistics, so a statistic added to the domain
gets its key without a migration. An empty mapping in the defaults (Membership.badges) is an open map:
any "<map>.<integer>" under it is a figure.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from functools import cache
from itertools import chain
from typing import Any

from app.domain.codec import from_dict, to_dict
from app.domain.report import Statistics

log = logging.getLogger(__name__)


@cache
def _schema() -> tuple[dict[str, Any], frozenset[str]]:
    """The default value of every scalar key, and the keys of the open maps."""
    scalars: dict[str, Any] = {}
    maps: set[str] = set()
    for key, value in _walk(to_dict(Statistics())):
        if isinstance(value, dict):
            maps.add(key)
        else:
            scalars[key] = value
    return scalars, frozenset(maps)


def _walk(node: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(dotted key, value) of every leaf; an empty dict is a leaf."""
    for name, value in node.items():
        key = prefix + name
        if isinstance(value, dict) and value:
            yield from _walk(value, key + ".")
        else:
            yield key, value


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_map_key(key: str) -> bool:
    """True for an entry of an open map ("membership.badges.30"), whose 0 means absent."""
    parent, _, last = key.rpartition(".")
    return parent in _schema()[1] and last.isdigit()


def is_figure_key(key: str) -> bool:
    """True when key names an integer statistic, stored in `figures`."""
    scalars = _schema()[0]
    return _is_int(scalars.get(key)) or is_map_key(key)


def is_text_key(key: str) -> bool:
    """True when key names a non-integer statistic (text, list of texts, optional level)."""
    scalars = _schema()[0]
    return key in scalars and not _is_int(scalars[key])


def flatten(stats: Statistics) -> tuple[dict[str, int], dict[str, Any]]:
    """The figures and the text statistics of stats, each under its dotted key; empty maps give no key."""
    figures: dict[str, int] = {}
    texts: dict[str, Any] = {}
    for key, value in _walk(to_dict(stats)):
        if is_figure_key(key):
            figures[key] = value
        elif is_text_key(key):
            texts[key] = value
    return figures, texts


def unflatten(figures: Mapping[str, int], texts: Mapping[str, Any]) -> Statistics:
    """The Statistics holding these values, defaults elsewhere; keys the app no longer knows are skipped."""
    data = to_dict(Statistics())
    for key, value in chain(figures.items(), texts.items()):
        if not (is_figure_key(key) or is_text_key(key)):
            # Written by another version of the app; keeping the row does no harm.
            log.warning("ignoring unknown statistic %r", key)
            continue
        *path, last = key.split(".")
        node = data
        for part in path:
            node = node[part]
        node[last] = value
    return from_dict(data, Statistics)
