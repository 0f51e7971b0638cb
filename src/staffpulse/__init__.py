"""staffpulse: a local-first coach for the social presence of staffing and recruiting firms."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("staffpulse")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"

__all__ = ["__version__"]
