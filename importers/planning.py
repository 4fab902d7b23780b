"""Plan an import against a snapshot of existing persons/units/groups (pure; nothing is written)."""
def plan_import(result, existing):
    """Placeholder."""
    raise NotImplementedError
