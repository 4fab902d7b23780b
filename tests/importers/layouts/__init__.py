"""Seeded generator of messy Vietnamese roster / attendance layouts with their exact canonical records (issue #11).

``generate(seed, directory, fixed=None) -> GeneratedFile``; every random decision is a named family option
("family=option") recorded in ``GeneratedFile.families`` so failures can be reported per family.
"""

from .generate import GeneratedFile, generate

__all__ = ["GeneratedFile", "generate"]
