"""A faster ``__init__`` for the frozen dataclasses extraction makes by the thousand.

A frozen dataclass sets each field in ``__init__`` with ``object.__setattr__(self, name,
value)``, which looks the name up on every call; the mentions, matches and hits of
extraction are built dozens of times per article, so that is several per cent of the
time of :func:`~diplodata.extract.extract`. :func:`fast_init` gives such a class an
``__init__`` with the same signature and defaults that sets each slot through its
descriptor (or, without slots, fills its ``__dict__`` in one call) instead: the same
object, about twice as fast to build. The instances stay
frozen (assigning a field still raises ``FrozenInstanceError``).

Examples
--------
>>> from dataclasses import FrozenInstanceError, dataclass
>>> @fast_init
... @dataclass(frozen=True, slots=True)
... class Pair:
...     left: int
...     right: str = "r"
>>> p = Pair(1)
>>> p, p == Pair(left=1, right="r"), hash(p) == hash(Pair(1, "r"))
(Pair(left=1, right='r'), True, True)
>>> try:
...     p.left = 2
... except FrozenInstanceError:
...     print("frozen")
frozen
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import MISSING, fields, is_dataclass
from typing import Any, Generic, TypeVar, overload

from pydantic import BaseModel

__all__ = ["cached", "fast_init", "kept_text", "trusted"]

_T = TypeVar("_T")
_V = TypeVar("_V")
_M = TypeVar("_M", bound=BaseModel)


def fast_init(cls: type[_T]) -> type[_T]:
    """Give a frozen dataclass an ``__init__`` that sets its fields without ``__setattr__``.

    Parameters
    ----------
    cls
        A class made by ``@dataclass(frozen=True)`` (slotted or not) that has no
        ``__post_init__`` and no keyword-only fields. Fields with ``init=False`` must
        have a ``default_factory``.

    Returns
    -------
    type
        ``cls`` itself, its ``__init__`` replaced (same parameters, same defaults).

    Raises
    ------
    TypeError
        If ``cls`` is not such a class.
    """
    params = getattr(cls, "__dataclass_params__", None)
    if not is_dataclass(cls) or params is None or not params.frozen:
        raise TypeError(f"fast_init needs a frozen dataclass, not {cls!r}")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"fast_init cannot keep the __post_init__ of {cls.__name__}")
    slotted = "__slots__" in vars(cls)
    namespace: dict[str, Any] = {}
    args: list[str] = []
    values: list[tuple[str, str]] = []  # (field name, the expression of its value)
    for f in fields(cls):
        if f.kw_only or (not f.init and f.default_factory is MISSING):
            raise TypeError(f"fast_init cannot build field {f.name!r} of {cls.__name__}")
        if f.default_factory is not MISSING:
            namespace[f"_factory_{f.name}"] = f.default_factory
            value = f"_factory_{f.name}()"
            if f.init:  # as dataclasses does: a sentinel default, the factory if not given
                args.append(f"{f.name}=_HAS_FACTORY")
                value = f"_factory_{f.name}() if {f.name} is _HAS_FACTORY else {f.name}"
            values.append((f.name, value))
            continue
        if f.default is MISSING:
            args.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            args.append(f"{f.name}=_default_{f.name}")
        values.append((f.name, f.name))
    namespace["_HAS_FACTORY"] = _HAS_FACTORY
    if slotted:
        for name, _ in values:
            namespace[f"_set_{name}"] = getattr(cls, name).__set__
        body = "".join(f"    _set_{name}(self, {value})\n" for name, value in values)
    else:
        items = ", ".join(f"{name!r}: {value}" for name, value in values)
        body = f"    self.__dict__.update({{{items}}})\n"
    source = f"def __init__(self, {', '.join(args)}):\n{body if values else '    pass'}\n"
    exec(source, namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__annotations__ = {f.name: f.type for f in fields(cls) if f.init} | {"return": None}
    setattr(cls, "__init__", init)  # noqa: B010 - mypy forbids assigning a method
    return cls


class _HasFactory:
    def __repr__(self) -> str:
        return "<factory>"


_HAS_FACTORY: Any = _HasFactory()


def trusted(
    cls: type[_M], values: dict[str, Any], fields_set: AbstractSet[str] | None = None
) -> _M:
    """An instance of the pydantic model ``cls`` holding ``values``, built without validation.

    Only for values the caller has already checked against every rule of ``cls`` (as
    :meth:`.Groundwork.span` does for a :class:`~diplodata.models.Span`): the instance is
    what ``cls(**values)`` would give (the same fields, the same ``model_fields_set``), in
    half the time. ``values`` must name every field, in the order ``cls`` declares them;
    the dict becomes the instance's own. ``fields_set`` is the fields the caller would
    have passed (``model_fields_set``; default: all of them).

    Examples
    --------
    >>> from diplodata.models import Span
    >>> trusted(Span, {"start": 4, "end": 7, "text": "WHO"}) == Span(start=4, end=7, text="WHO")
    True
    """
    obj = cls.__new__(cls)
    # What object.__setattr__(obj, name, value) does for each slot, through its descriptor.
    _set_dict(obj, values)
    _set_fields_set(obj, set(values) if fields_set is None else set(fields_set))
    _set_extra(obj, None)
    _set_private(obj, None)
    return obj


_set_dict = vars(BaseModel)["__dict__"].__set__
_set_fields_set = vars(BaseModel)["__pydantic_fields_set__"].__set__
_set_extra = vars(BaseModel)["__pydantic_extra__"].__set__
_set_private = vars(BaseModel)["__pydantic_private__"].__set__


def kept_text(value: object) -> bool:
    """Whether a ``Text`` or ``OptionalText`` field of the models keeps ``value`` as it is.

    That is a ``str`` that is not blank (a blank one becomes ``None``) and holds no lone
    surrogate (which pydantic refuses).

    Examples
    --------
    >>> kept_text("the WHO said"), kept_text("  "), kept_text("a" + chr(0xD800)), kept_text(None)
    (True, False, False, False)
    """
    if type(value) is not str or not value.strip():
        return False
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class cached(Generic[_T, _V]):
    """:func:`functools.cached_property` without its lock, for objects of one thread.

    Python 3.11's ``cached_property`` takes an ``RLock`` on every first read. This one
    computes the value once and puts it in the instance's ``__dict__``, where later reads
    find it as a plain attribute (the groundwork of an article is read by one thread).

    Examples
    --------
    >>> class Box:
    ...     @cached
    ...     def size(self) -> int:
    ...         print("computed")
    ...         return 3
    >>> b = Box()
    >>> b.size, b.size
    computed
    (3, 3)
    """

    def __init__(self, func: Callable[[_T], _V]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    @overload
    def __get__(self, obj: None, owner: type[_T] | None = None) -> cached[_T, _V]: ...
    @overload
    def __get__(self, obj: _T, owner: type[_T] | None = None) -> _V: ...
    def __get__(self, obj: _T | None, owner: type[_T] | None = None) -> cached[_T, _V] | _V:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value
