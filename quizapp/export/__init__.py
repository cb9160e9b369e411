"""Anki export: banks to .apkg packages that re-import as updates (see notetypes for the note types)."""
from .exporter import BankInput, ExportError, PackagePlan, build, export_packages
from .state import ExportState, StateError, default_state_path

__all__ = ["BankInput", "ExportError", "ExportState", "PackagePlan", "StateError", "build", "default_state_path",
           "export_packages"]
