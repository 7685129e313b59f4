"""Records: what privacy-tui keeps of what happened and what a person said: the history of
every reading and change (with the undo points), the export of the checklist, the marks a
person keeps on settings only a person can change, and applying a file of wishes.
"""
