"""vnplans: saved LawNet-style pages of Vietnamese plans into typed Parquet tables."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("vnplans")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+local"
