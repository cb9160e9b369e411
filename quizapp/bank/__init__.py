"""Bank format v1: models, loading with located problems, validation, grounding checks."""
from .loader import LoadResult, find_bank_files, load_bank, load_file, load_paths, parse_bytes
from .problems import BankError, Problem

__all__ = ["BankError", "LoadResult", "Problem", "find_bank_files", "load_bank", "load_file", "load_paths",
           "parse_bytes"]
