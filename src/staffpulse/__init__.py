"""staffpulse: a local-first coach for the social presence of staffing and recruiting firms.

The version is read from the installed package's metadata only when asked for: loading
``importlib.metadata`` took most of the first tenth of a second of every run, before the
command line's guard against Ctrl-C (:mod:`staffpulse.cli`) was in place, so a Ctrl-C then
printed a traceback instead of one plain line.
"""

__all__ = ["__version__"]

_version: list[str] = []  # read once (no functools: even that import is a few milliseconds)


def _read_version() -> str:
    """The installed package's version, or a source tree's when it was not installed."""
    if not _version:
        from importlib.metadata import PackageNotFoundError, version

        try:
            _version.append(version("staffpulse"))
        except PackageNotFoundError:  # running from a source tree that was not installed
            _version.append("0.0.0+source")
    return _version[0]


def __getattr__(name: str) -> str:
    """``staffpulse.__version__``, read when first asked for (PEP 562)."""
    if name == "__version__":
        return _read_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
