"""Canonical people (title-case NFC names, ISO dates, phones) drawn from the vocab tables."""

import datetime as dt

from . import vocab


def person_name(rng) -> str:
    if rng.random() < 0.5:
        parts = [rng.choice(vocab.SURNAMES), rng.choice(vocab.MIDDLE_MALE), rng.choice(vocab.GIVEN_MALE)]
    else:
        parts = [rng.choice(vocab.SURNAMES), rng.choice(vocab.MIDDLE_FEMALE), rng.choice(vocab.GIVEN_FEMALE)]
    if rng.random() < 0.15:
        parts.insert(2, rng.choice(vocab.MIDDLE_MALE))
    return " ".join(parts)


def unique_names(rng, count: int, ok=lambda name: True) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        name = person_name(rng)
        if name not in names and ok(name):
            names.append(name)
    return names


def birth_date(rng) -> dt.date:
    return dt.date(rng.randint(1960, 1998), rng.randint(1, 12), rng.randint(1, 28))


def phone(rng) -> str:
    return "0" + rng.choice(["91", "98", "97", "83", "35", "37", "77", "88", "39", "93"]) + "".join(
        str(rng.randint(0, 9)) for _ in range(7))


def ward_unit(rng, used) -> str:
    for _ in range(50):
        unit = "Đảng bộ " + rng.choice(["phường", "xã"]) + " " + rng.choice(vocab.WARDS)
        if unit not in used:
            return unit
    return f"Đảng bộ xã số {len(used) + 1}"


def cell_units(rng, count: int) -> list[str]:
    pattern = rng.choice(vocab.CELLS)
    numbers = sorted(rng.sample(range(1, 12), count))
    return ["Chi bộ " + pattern.format(n=n) for n in numbers]
