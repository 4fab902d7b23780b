"""The field-visit rule as a pure predicate."""
from datetime import date

from webapp.visits.rules import IN_THE_FUTURE, NO_PERSON, NOT_FOLLOWED, visit_problem

TODAY = date(2026, 11, 30)


def test_a_visit_to_a_followed_unit_up_to_today_is_fine():
    assert visit_problem(person_id=1, unit_id=7, visited_on=TODAY, followed_unit_ids={7}, today=TODAY) is None


def test_each_broken_rule_names_its_field():
    assert visit_problem(person_id=None, unit_id=7, visited_on=TODAY, followed_unit_ids={7},
                         today=TODAY) == ("unit_id", str(NO_PERSON))
    assert visit_problem(person_id=1, unit_id=7, visited_on=date(2026, 12, 1), followed_unit_ids={7},
                         today=TODAY) == ("visited_on", str(IN_THE_FUTURE))
    assert visit_problem(person_id=1, unit_id=8, visited_on=TODAY, followed_unit_ids={7},
                         today=TODAY) == ("unit_id", str(NOT_FOLLOWED))
