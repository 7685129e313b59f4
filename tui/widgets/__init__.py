"""The checklist screen's widgets, one a file: each draws from the ChecklistModel."""
