"""One seeded RNG that records every family option it picks."""

import random


class Picker:
    """Picks options by family name; `fixed` forces a family's option (used by the sanity profiles)."""

    def __init__(self, seed, fixed: dict | None = None):
        self.rng = random.Random(seed)
        self.seed = seed
        self.fixed = fixed or {}
        self.families: list[str] = []
        self.excluded: dict[str, set] = {}  # options a chosen format cannot carry, e.g. "✓" in Windows-1258
        self._second: "Picker | None" = None

    @property
    def second(self) -> "Picker":
        """A second stream for families added later (group codes, degrees before names, stacked tables): its picks
        leave every draw of the first stream, so the files of earlier families, as they were."""
        if self._second is None:
            self._second = Picker(f"second-{self.seed}", self.fixed)
            self._second.families = self.families
            self._second.excluded = self.excluded
        return self._second

    def pick(self, family: str, options):
        """Choose one option of a dict (returns its value) or list (returns the name); record family=name."""
        names = [n for n in options if n not in self.excluded.get(family, ())]
        name = self.fixed.get(family, None)
        if name is None:
            name = self.rng.choice(names)
        if f"{family}={name}" not in self.families:
            self.families.append(f"{family}={name}")
        return options[name] if isinstance(options, dict) else name

    def chance(self, p: float) -> bool:
        return self.rng.random() < p
