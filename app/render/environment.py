"""The one strict Jinja2 environment over templates/: a missing variable raises, never prints blank.

An organisation's own templates (Organisation.templates_dir) run in Jinja2's sandbox with a budget, so that a
mistaken or hostile template ends with a message instead of hanging the app or exhausting its memory:
- a render stops after MAX_SECONDS, after MAX_LOOP_ITERATIONS turns of all its loops together, and when the
  values it prints pass MAX_OUTPUT_CHARS (or its whole output twice that);
- a value (text, list) longer than MAX_VALUE_CHARS is refused where it is made: `*` on text or lists, `~`, `+`,
  `%` and format() with huge widths, text methods with huge counts, join and replace that would grow past it;
- a whole number above MAX_INT_BITS bits (`**`, `*`) is refused before it is computed;
- a template file is read only from inside its folder (a link out of it is refused), at most MAX_TEMPLATE_BYTES.
The built-in templates run under the same budget, far inside it.
"""

from __future__ import annotations

import contextvars
import functools
import math
import os
import re
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, cast

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.runtime import LoopContext
from jinja2.sandbox import SandboxedEnvironment

from app import paths
from app.domain.errors import UserError
from app.i18n import _
from app.safe_read import MiB, inside, read_bytes

# A year-end report's body is about 50 000 characters and its built-in templates turn their loops a few hundred
# times in 10 ms; the limits are hundreds of times that, and small enough that reaching them takes seconds and
# tens of megabytes, not minutes and gigabytes.
MAX_SECONDS = 2.0
MAX_LOOP_ITERATIONS = 1_000_000
MAX_OUTPUT_CHARS = 2_000_000
MAX_VALUE_CHARS = 1_000_000
MAX_INT_BITS = 4096  # about 1 200 decimal digits
MAX_FILTER_WIDTH = 10_000  # widths and lengths given to center, indent, truncate, wordwrap
MAX_TEMPLATE_BYTES = 1 * MiB

_LOOP_FILTER = "tk_bounded_loop"
_CONCAT_FILTER = "tk_bounded_concat"
_WIDTH_FILTERS = ("center", "indent", "truncate", "wordwrap")
_SIZED_METHODS = ("ljust", "rjust", "center", "zfill", "expandtabs")
# printf-style conversions with a width or precision of 5 digits or more, or taken from the arguments (*).
_HUGE_PERCENT = re.compile(r"%[#0\- +]*(?:\*|\d{5,})|%[#0\- +]*\d*\.(?:\*|\d{5,})")
# str.format fields with a width or precision of 5 digits or more, or a nested field.
_HUGE_FORMAT = re.compile(r"\{[^{}]*:[^{}]*(?:\d{5,}|\{)")


class TemplateLimitError(SecurityError):
    """A template went past its budget (time, loops, size of a value or of its output); the message says which."""


@dataclass
class _Budget:
    deadline: float
    iterations: int = 0
    printed: int = 0
    started: float = field(default_factory=time.monotonic)

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateLimitError(_("the templates ran for more than {seconds} seconds; a loop probably never "
                                       "ends or repeats too often").format(seconds=_number(MAX_SECONDS)))

    def add_iterations(self, count: int) -> None:
        self.iterations += count
        if self.iterations > MAX_LOOP_ITERATIONS:
            raise TemplateLimitError(_("the loops of the templates turned more than {count} times; a loop "
                                       "probably repeats far too often").format(count=_number(MAX_LOOP_ITERATIONS)))
        if count > 1 or self.iterations % 1024 == 0:  # the clock is read once per loop or per 1024 single turns
            self.check_time()


def _counted_output(value: Any) -> str:
    """A value printed by {{ … }}, counted against the render's output cap where it is printed."""
    text = str(value)
    budget = _BUDGET.get()
    if budget is not None:
        budget.printed += len(text)
        if budget.printed > MAX_OUTPUT_CHARS:
            raise _too_much_output()
    return text


def _too_much_output() -> TemplateLimitError:
    return TemplateLimitError(_("the templates printed more than {count} characters").format(
        count=_number(MAX_OUTPUT_CHARS)))


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("template_budget", default=None)


def _number(value: float) -> str:
    return f"{value:,}".replace(",", " ")


def _check_time() -> None:
    budget = _BUDGET.get()
    if budget is not None:
        budget.check_time()


def _too_long(size: int) -> TemplateLimitError:
    return TemplateLimitError(_("a text or list of {size} characters or items would be made; at most {maximum} are "
                                "allowed").format(size=_number(size), maximum=_number(MAX_VALUE_CHARS)))


def _too_big_number() -> TemplateLimitError:
    return TemplateLimitError(_("a number of more than {digits} digits would be made").format(
        digits=_number(int(MAX_INT_BITS * math.log10(2)))))


def _checked(value: Any) -> Any:
    """value, after refusing it when it is a text or a collection longer than MAX_VALUE_CHARS."""
    if isinstance(value, (str, bytes, list, tuple, dict, set, frozenset)) and len(value) > MAX_VALUE_CHARS:
        raise _too_long(len(value))
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise _too_big_number()
    return value


def _length(value: Any) -> int:
    try:
        return len(value)
    except TypeError:
        return 0


def _check_format(text: Any) -> None:
    if isinstance(text, str) and (_HUGE_PERCENT.search(text) or _HUGE_FORMAT.search(text)):
        raise TemplateLimitError(_("a format with a width or precision of 10 000 or more is not allowed"))


def _check_join(separator: Any, items: Any) -> None:
    if isinstance(items, (list, tuple)):
        total = _length(separator) * max(len(items) - 1, 0) + sum(_length(item) for item in items)
        if total > MAX_VALUE_CHARS:
            raise _too_long(total)


def _check_replace(text: Any, old: Any, new: Any, count: Any = -1) -> None:
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str) and len(new) > len(old):
        found = len(text) + 1 if old == "" else text.count(old)
        if isinstance(count, int) and count >= 0:
            found = min(found, count)
        total = len(text) + found * (len(new) - len(old))
        if total > MAX_VALUE_CHARS:
            raise _too_long(total)


def _bounded_loop(value: Any) -> Any:
    """The iterable of a {% for %}, its turns counted against the render's budget."""
    budget = _BUDGET.get()
    if budget is None:
        return value
    try:
        count = len(value)
    except TypeError:
        return _counted(value, budget)
    budget.add_iterations(count)
    return value


def _counted(value: Iterable[Any], budget: _Budget) -> Iterator[Any]:
    for item in value:
        budget.add_iterations(1)
        yield item


def _bounded_concat(parts: list[Any]) -> str:
    """The text of a `~` expression, refused beyond MAX_VALUE_CHARS."""
    _check_time()
    texts = [str(part) for part in parts]
    total = sum(len(text) for text in texts)
    if total > MAX_VALUE_CHARS:
        raise _too_long(total)
    return "".join(texts)


def _guarded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """function (a filter) with its arguments and result held to the limits."""
    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _check_time()
        # The value the filter applies to follows the context, environment or eval context it may be passed.
        values = [a for a in args if not isinstance(a, (jinja2.runtime.Context, jinja2.Environment,
                                                        jinja2.nodes.EvalContext))]
        if name in _WIDTH_FILTERS:
            for number in [*values[1:], *kwargs.values()]:
                if isinstance(number, int) and not isinstance(number, bool) and number > MAX_FILTER_WIDTH:
                    raise TemplateLimitError(_("the filter {name} was given {value}; at most {maximum} is "
                                               "allowed").format(name=name, value=_number(number),
                                                                 maximum=_number(MAX_FILTER_WIDTH)))
        elif name == "format" and values:
            _check_format(values[0])
        elif name == "join" and values:
            items = values[0]
            _check_join(values[1] if len(values) > 1 else kwargs.get("d", ""),
                        list(items) if isinstance(items, (list, tuple, range)) else items)
        elif name == "replace" and len(values) >= 3:
            _check_replace(str(values[0]), values[1], values[2], values[3] if len(values) > 3 else -1)
        return _checked(function(*args, **kwargs))

    return guarded


class _LimitedEnvironment(SandboxedEnvironment):
    """The sandbox with a budget: see the module's docstring."""

    intercepted_binops = frozenset(["*", "**", "+", "%"])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals.pop("lipsum", None)  # text generated in bulk has no place in a report
        self.filters = {name: _guarded_filter(name, f) for name, f in self.filters.items()}
        self.filters[_LOOP_FILTER] = _bounded_loop
        self.filters[_CONCAT_FILTER] = _bounded_concat

    def _generate(self, source: nodes.Template, name: str | None, filename: str | None,
                  defer_init: bool = False) -> str:
        # Every loop's iterable passes through the loop counter, every `~` through the size check.
        for loop in source.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, _LOOP_FILTER, [], [], None, None, lineno=loop.lineno)
        for concat in source.find_all(nodes.Concat):
            concat.nodes = [nodes.Filter(nodes.List(concat.nodes, lineno=concat.lineno), _CONCAT_FILTER, [], [],
                                         None, None, lineno=concat.lineno)]
        return super()._generate(source, name, filename, defer_init=defer_init)

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        _check_time()
        if operator == "**" and _is_int(left) and _is_int(right) and abs(left) > 1 and right > 0:
            if right * math.log2(abs(left)) > MAX_INT_BITS:
                raise _too_big_number()
        elif operator == "*":
            if _is_int(left) and _is_int(right):
                if left.bit_length() + right.bit_length() > MAX_INT_BITS:
                    raise _too_big_number()
            else:
                count, sequence = (left, right) if _is_int(left) else (right, left)
                if _is_int(count) and count > 0 and _length(sequence) * count > MAX_VALUE_CHARS:
                    raise _too_long(_length(sequence) * count)
        elif operator == "+" and not (_is_int(left) or _is_int(right)):
            if _length(left) + _length(right) > MAX_VALUE_CHARS:
                raise _too_long(_length(left) + _length(right))
        elif operator == "%":
            _check_format(left)
        return _checked(super().call_binop(context, operator, left, right))

    def getattr(self, obj: Any, attribute: str) -> Any:
        _check_time()
        return super().getattr(obj, attribute)

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _check_time()
        budget = _BUDGET.get()
        if isinstance(__obj, LoopContext) and args and budget is not None:  # loop(children) of a recursive loop
            args = (_bounded_loop(args[0]), *args[1:])
        target = getattr(__obj, "__wrapped__", __obj)  # str.format comes wrapped by the sandbox
        owner = getattr(target, "__self__", None)
        method = getattr(target, "__name__", "")
        if isinstance(owner, str):
            if method in ("format", "format_map"):
                _check_format(owner)
            elif method in _SIZED_METHODS:
                for number in [*args, *kwargs.values()]:
                    if _is_int(number) and number > MAX_VALUE_CHARS:
                        raise _too_long(number)
            elif method == "join" and args:
                _check_join(owner, list(args[0]) if isinstance(args[0], (list, tuple, range)) else args[0])
            elif method == "replace" and len(args) >= 2:
                _check_replace(owner, *args[:3])
        result = _checked(super().call(__context, __obj, *args, **kwargs))
        if isinstance(owner, (list, dict, set)):  # append, extend, update grow the collection in place
            _checked(owner)
        return result


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _BoundedTemplate(jinja2.Template):
    """A template whose render runs under a fresh budget and whose output is counted as it is produced."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        if _BUDGET.get() is not None:  # rendered from inside another render: that render's budget applies
            return super().render(*args, **kwargs)
        budget = _Budget(deadline=time.monotonic() + MAX_SECONDS)
        token = _BUDGET.set(budget)
        try:
            return self._render_bounded(budget, *args, **kwargs)
        finally:
            _BUDGET.reset(token)

    def _render_bounded(self, budget: _Budget, *args: Any, **kwargs: Any) -> str:
        parts: list[str] = []
        size = 0
        # Template.generate is a generator function (typed as returning an Iterator): throw() raises inside it.
        stream = cast(Generator[str, None, None], self.generate(*args, **kwargs))
        try:
            for part in stream:
                size += len(part)
                problem = None
                # Values printed are counted where they are printed (_counted_output); this catches text of the
                # templates themselves repeated by a loop, at the line of the outermost template.
                if size > 2 * MAX_OUTPUT_CHARS:
                    problem = _too_much_output()
                elif time.monotonic() > budget.deadline:
                    try:
                        budget.check_time()
                    except TemplateLimitError as exc:
                        problem = exc
                if problem is not None:
                    # Raised inside the template, so that the error carries the template's name and line.
                    stream.throw(problem)
                parts.append(part)
        except MemoryError as exc:
            raise TemplateLimitError(_("the templates need more memory than a report may use")).with_traceback(
                exc.__traceback__) from None
        except jinja2.TemplateError:
            raise
        except Exception as exc:
            if str(exc):
                raise
            # An error without a message would print "fails on line 3:" and nothing after it.
            raise RuntimeError(type(exc).__name__).with_traceback(exc.__traceback__) from exc
        return "".join(parts)


_LimitedEnvironment.template_class = _BoundedTemplate


class _FolderLoader(jinja2.FileSystemLoader):
    """Loads templates by name from its folders, refusing a file that is a link out of its folder or too large."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for folder in self.searchpath:
            path = Path(folder, *pieces)
            if not os.path.lexists(path):
                continue
            if not inside(Path(folder), path):
                raise UserError(_("The template {name} in {folder} is a link to a file outside that folder; "
                                  "templates are read only from inside it. Copy the file into the folder instead."
                                  ).format(name=template, folder=folder))
            if path.is_dir():
                continue
            try:
                source = read_bytes(path, MAX_TEMPLATE_BYTES).decode("utf-8")
            except UnicodeDecodeError as exc:
                raise UserError(_("The template {name} is not saved as UTF-8 text: save it again as UTF-8.").format(
                    name=template)) from exc
            mtime = path.stat().st_mtime
            return source, os.path.normpath(path), lambda p=path, m=mtime: _unchanged(p, m)
        raise jinja2.TemplateNotFound(template)


def _unchanged(path: Path, mtime: float) -> bool:
    try:
        return path.stat().st_mtime == mtime
    except OSError:
        return False


@cache
def environment(extra_dir: Path | None = None) -> jinja2.Environment:
    """Sandboxed, StrictUndefined environment with a budget; extra_dir, when given, overrides built-in templates by
    name."""
    search = [str(extra_dir)] if extra_dir else []
    search.append(str(paths.templates_dir()))
    return _LimitedEnvironment(
        loader=_FolderLoader(search, encoding="utf-8"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is tagged plain text, not HTML
        finalize=_counted_output,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,
    )
