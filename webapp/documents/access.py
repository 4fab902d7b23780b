"""Who changes the register of regulations and decisions."""
from ..permissions import is_town_admin


def can_manage_documents(user) -> bool:
    """Regulations are the town committee's and set the obligations of every ward (`regulation_in_force`), so
    only a town-wide admin uploads, issues, replaces or annuls one; a ward's admin reads them."""
    return is_town_admin(user)
