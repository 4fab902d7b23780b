"""Object-level rules of the imports area, on top of `webapp.permissions`."""
from ..extensions import db
from ..models import ImportBatch, ImportMapping, Role, User
from ..permissions import user_in_scope


def can_access(user, batch: ImportBatch) -> bool:
    """Unit officers see the batches they uploaded; admins those whose uploader's scope lies within theirs."""
    if batch.created_by_id == user.id:
        return True
    return user.role == Role.ADMIN and user_in_scope(user, batch.created_by)


def can_manage_mapping(user, mapping: ImportMapping) -> bool:
    """Whether the user may see and delete a remembered mapping (as `visible_mappings` lists them)."""
    if mapping.updated_by_id == user.id:
        return True
    author = db.session.get(User, mapping.updated_by_id) if mapping.updated_by_id else None
    return user.role == Role.ADMIN and user_in_scope(user, author)
